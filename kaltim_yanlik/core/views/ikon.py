"""``/favicon.ico``: peramban memintanya di setiap halaman yang tidak menyebut ikon (admin Django, PDF, JSON),
dan tanpa jawaban setiap kunjungan admin mencatat 404 di log. Berkasnya sama dengan ``static/img``."""

from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

JALUR = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@cache
def _isi() -> bytes:
    return JALUR.read_bytes()


@require_GET
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    return HttpResponse(_isi(), content_type="image/x-icon")
