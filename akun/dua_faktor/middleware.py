"""Gerbang verifikasi dua langkah: satu tempat untuk seluruh portal dan admin Django."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse

from . import lolos_dua_faktor
from .services import sudah_terdaftar

_NAMA_BEBAS = ("akun:dua_faktor_daftar", "akun:dua_faktor_verifikasi", "akun:keluar")


class WajibDuaFaktorMiddleware:
    """Pengguna yang wajib 2FA tetapi sesinya belum terverifikasi hanya boleh membuka pendaftaran,
    verifikasi, dan keluar; permintaan lain diarahkan ke sana (dengan ``next`` ke tujuan semula)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if lolos_dua_faktor(request.user) or self._bebas(request.path):
            return self.get_response(request)
        tujuan = "akun:dua_faktor_verifikasi" if sudah_terdaftar(request.user) else "akun:dua_faktor_daftar"
        lanjut = request.get_full_path() if request.method == "GET" else ""
        kueri = f"?{urlencode({'next': lanjut})}" if lanjut else ""
        return HttpResponseRedirect(reverse(tujuan) + kueri)

    @staticmethod
    def _bebas(path: str) -> bool:
        statis = (settings.STATIC_URL, settings.MEDIA_URL)
        return path.startswith(tuple(f"/{s.lstrip('/')}" for s in statis)) or path in {
            reverse(nama) for nama in _NAMA_BEBAS
        }
