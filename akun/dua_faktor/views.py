"""Halaman verifikasi dua langkah: pendaftaran (QR + rahasia teks), verifikasi saat masuk, kode cadangan.

Hanya bagi pengguna yang wajib 2FA (``wajib_dua_faktor``); selain itu 404. Pendaftaran ulang (ganti ponsel)
dan pembuatan ulang kode cadangan butuh sesi yang sudah terverifikasi, agar kata sandi saja tidak cukup untuk
mengambil alih faktor kedua.
"""

from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from kaltim_yanlik.core.exceptions import DomainError

from . import lolos_dua_faktor, wajib_dua_faktor
from .forms import KodeForm
from .services import (
    dua_faktor_verifikasi as verifikasi_kode,
)
from .services import (
    kode_cadangan_buat_ulang,
    sudah_terdaftar,
    totp_konfirmasi,
    totp_siapkan,
)


def _wajib_berlaku(user) -> None:
    if not wajib_dua_faktor(user):
        raise Http404("Verifikasi dua langkah tidak berlaku untuk akun ini.")


def _lanjut(request) -> str:
    tujuan = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(tujuan, {request.get_host()}, require_https=request.is_secure()):
        return tujuan
    return reverse("beranda")


def _ke(nama: str, lanjut: str):
    return redirect(reverse(nama) + "?" + urlencode({"next": lanjut}))


def _rahasia_teks(perangkat) -> str:
    """Rahasia base32 berkelompok empat huruf, untuk diketik bila kamera tidak dapat memindai QR."""
    teks = b32encode(perangkat.bin_key).decode().rstrip("=")
    return " ".join(teks[i : i + 4] for i in range(0, len(teks), 4))


@login_required
@require_http_methods(["GET", "POST"])
def dua_faktor_daftar(request):
    user = request.user
    _wajib_berlaku(user)
    lanjut = _lanjut(request)
    if sudah_terdaftar(user) and not lolos_dua_faktor(user):
        return _ke("akun:dua_faktor_verifikasi", request.get_full_path())
    perangkat = totp_siapkan(user=user)
    form = KodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kode_cadangan = totp_konfirmasi(user=user, perangkat=perangkat, kode=form.cleaned_data["kode"])
        except DomainError as e:
            form.add_error("kode", e.pesan)
        else:
            perangkat.refresh_from_db()
            django_otp.login(request, perangkat)
            return _tampilkan_sekali(request, kode_cadangan, lanjut, baru=True)
    konteks = {
        "form": form,
        "qr": segno.make(perangkat.config_url, error="m").svg_inline(scale=5, border=2),
        "rahasia": _rahasia_teks(perangkat),
        "lanjut": lanjut,
        "ulang": sudah_terdaftar(user),
    }
    return render(request, "akun/dua_faktor/daftar.html", konteks, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def dua_faktor_verifikasi(request):
    user = request.user
    _wajib_berlaku(user)
    lanjut = _lanjut(request)
    if not sudah_terdaftar(user):
        return _ke("akun:dua_faktor_daftar", lanjut)
    if lolos_dua_faktor(user):
        return redirect(lanjut)
    form = KodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            perangkat = verifikasi_kode(user=user, kode=form.cleaned_data["kode"])
        except DomainError as e:
            form.add_error("kode", e.pesan)
        else:
            django_otp.login(request, perangkat)
            return redirect(lanjut)
    status = 400 if form.errors else 200
    return render(request, "akun/dua_faktor/verifikasi.html", {"form": form, "lanjut": lanjut}, status=status)


@login_required
def dua_faktor(request):
    """Status pendaftaran dan tombol ganti kode cadangan (sesi sudah terverifikasi lewat gerbang)."""
    _wajib_berlaku(request.user)
    return render(request, "akun/dua_faktor/status.html", {"terdaftar": sudah_terdaftar(request.user)})


_KUNCI_SESI = "dua_faktor_kode_cadangan"


def _tampilkan_sekali(request, kode: list[str], lanjut: str, *, baru: bool):
    """Kode cadangan dibawa lewat sesi ke satu GET yang langsung membuangnya (tidak terkirim ulang)."""
    request.session[_KUNCI_SESI] = {"kode": kode, "lanjut": lanjut, "baru": baru}
    return redirect("akun:dua_faktor_kode_cadangan")


@login_required
@require_http_methods(["GET", "POST"])
def dua_faktor_kode_cadangan(request):
    """POST: buat ulang kode cadangan; GET: tampilkan kode yang baru dibuat, sekali saja."""
    _wajib_berlaku(request.user)
    if request.method == "POST":
        try:
            kode = kode_cadangan_buat_ulang(user=request.user)
        except DomainError:
            return redirect("akun:dua_faktor_daftar")
        return _tampilkan_sekali(request, kode, reverse("akun:dua_faktor"), baru=False)
    simpanan = request.session.pop(_KUNCI_SESI, None)
    if not simpanan:
        return redirect("akun:dua_faktor")
    konteks = {"kode_cadangan": simpanan["kode"], "lanjut": simpanan["lanjut"], "baru": simpanan["baru"]}
    return render(request, "akun/dua_faktor/kode_cadangan.html", konteks)
