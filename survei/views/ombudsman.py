"""Halaman Biro untuk hasil kepatuhan Ombudsman RI: daftar per tahun dengan ambang zona, dan pencatatannya.

Hanya peran yang menjangkau semua unit yang membuka daftar; hanya yang berkemampuan ``KELOLA_OMBUDSMAN``
yang mencatat. Zona dihitung service dari ambang data, bukan diketik.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.kueri import tahun_dari_kueri

from .. import selectors, services
from ..forms import KepatuhanOmbudsmanForm
from ..models import ZonaOmbudsman

PER_HALAMAN = 50


@login_required
@require_GET
def ombudsman_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    tahun = tahun_dari_kueri(request)
    return render(
        request,
        "survei/ombudsman_daftar.html",
        {
            "tahun": tahun,
            "pilihan_tahun": selectors.tahun_ombudsman(user=request.user),
            "halaman": Paginator(
                selectors.kepatuhan_ombudsman_qs_for_user(user=request.user, tahun=tahun), PER_HALAMAN
            ).get_page(request.GET.get("halaman")),
            "ambang": ZonaOmbudsman.objects.all(),
            "boleh_catat": akses.boleh(request.user, Kemampuan.KELOLA_OMBUDSMAN),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ombudsman_catat(request):
    akses.wajib(request.user, Kemampuan.KELOLA_OMBUDSMAN)
    if request.method == "GET":
        form = KepatuhanOmbudsmanForm(initial={"tahun": timezone.localdate().year - 1})
        return render(request, "survei/ombudsman_form.html", {"form": form})
    form = KepatuhanOmbudsmanForm(request.POST)
    if form.is_valid():
        try:
            catatan = services.kepatuhan_ombudsman_catat(oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(
                request,
                f"Hasil Ombudsman {catatan.tahun} {catatan.penyelenggara} dicatat: "
                f"zona {catatan.get_zona_display().lower()}.",
            )
            return redirect(f"{reverse('survei:ombudsman_daftar')}?tahun={catatan.tahun}")
    return render(request, "survei/ombudsman_form.html", {"form": form}, status=400)
