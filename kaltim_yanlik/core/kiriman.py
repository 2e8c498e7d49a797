"""Kiriman sekali: setiap formulir pembuat rekaman tahan klik ganda dan kiriman bersamaan.

Cara kerja (satu mekanisme untuk semua formulir pembuat):

1. Formulir membawa kunci sekali pakai (``KirimanSekaliMixin`` menambah field tersembunyi ``kunci_kiriman``,
   diterbitkan dan ditandatangani saat formulir ditampilkan).
2. View menjalankan pembuatan lewat ``jalankan_sekali``: di dalam savepoint transaksi request
   (``ATOMIC_REQUESTS``), kunci dicatat lebih dulu ke ``KirimanFormulir`` (indeks unik), lalu service
   membuat rekamannya, lalu URL hasilnya disimpan pada baris kunci itu.
3. Kiriman kedua dengan kunci yang sama menabrak indeks unik. PostgreSQL membuatnya menunggu sampai transaksi
   pertama selesai: bila yang pertama tersimpan, yang kedua mendapat baris itu dan dijawab dengan hasil yang
   pertama ("Kiriman ini sudah diterima"); bila yang pertama batal (mis. ditolak service), yang kedua berjalan
   seperti biasa. Tidak pernah ada rekaman kedua.
4. ``static/js/kiriman.js`` menonaktifkan tombol kirim setelah klik pertama (lapis kenyamanan; pengamannya
   tetap basis data).

Kunci terikat pada pengguna dan lingkup formulirnya: kunci orang lain atau formulir lain ditolak.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core import signing
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone

from .exceptions import DomainError
from .models import KirimanFormulir

BIDANG = "kunci_kiriman"
_GARAM = "kaltim_yanlik.core.kiriman"
PESAN_ULANG = "Kiriman ini sudah diterima; berikut hasilnya. Tidak ada rekaman ganda yang dibuat."
PESAN_KUNCI_RUSAK = "Formulir ini tidak sah atau sudah kedaluwarsa. Muat ulang halaman lalu kirim lagi."
# Baris kunci hanya berguna selama kiriman ulang mungkin datang; yang lebih tua dibuang oleh jadwal berkala.
UMUR_SIMPAN = timedelta(days=30)


def kunci_baru() -> str:
    return signing.Signer(salt=_GARAM).sign(secrets.token_urlsafe(24))


def _kunci_asli(nilai: str) -> str:
    try:
        return signing.Signer(salt=_GARAM).unsign(nilai)
    except signing.BadSignature:
        raise forms.ValidationError(PESAN_KUNCI_RUSAK, code="kunci_kiriman") from None


class KunciKirimanField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("error_messages", {"required": PESAN_KUNCI_RUSAK})
        super().__init__(**kwargs)

    def clean(self, value):
        return _kunci_asli(super().clean(value))


class KirimanSekaliMixin:
    """Untuk formulir pembuat rekaman; templatnya menyertakan ``core/_kunci_kiriman.html``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tambah_kunci(self)


def tambah_kunci(form: forms.BaseForm) -> forms.BaseForm:
    """Pasang field kunci pada formulir yang dibuat pabrik (mis. formulir langkah kasus)."""
    form.fields[BIDANG] = KunciKirimanField(initial=kunci_baru())
    return form


@dataclass(frozen=True)
class HasilKiriman:
    url: str
    data: dict = field(default_factory=dict)
    ulang: bool = False


def _pengguna_id(pengguna) -> int | None:
    return pengguna.pk if getattr(pengguna, "is_authenticated", False) else None


def _klaim(kunci: str, lingkup: str, pengguna) -> KirimanFormulir | HasilKiriman:
    try:
        with transaction.atomic():
            pengguna_id = _pengguna_id(pengguna)
            return KirimanFormulir.objects.create(kunci=kunci, lingkup=lingkup, pengguna_id=pengguna_id)
    except IntegrityError:
        # Penulis pertama sudah commit (indeks unik menunggu transaksinya selesai): bacalah hasilnya.
        lama = KirimanFormulir.objects.get(kunci=kunci)
    if lama.lingkup != lingkup or lama.pengguna_id != _pengguna_id(pengguna) or not lama.hasil_url:
        raise DomainError(PESAN_KUNCI_RUSAK)
    return HasilKiriman(url=lama.hasil_url, data=lama.data, ulang=True)


def jalankan_sekali(
    *, kunci: str, lingkup: str, pengguna, aksi: Callable[[], tuple[str, dict]]
) -> HasilKiriman:
    """Jalankan ``aksi`` (→ URL hasil, data kecil untuk pesan) paling banyak sekali per ``kunci``.

    ``DomainError`` dari ``aksi`` membatalkan klaim kunci juga, sehingga formulir yang diperbaiki dapat
    dikirim lagi dengan kunci yang sama.
    """
    with transaction.atomic():
        klaim = _klaim(kunci, lingkup, pengguna)
        if isinstance(klaim, HasilKiriman):
            return klaim
        url, data = aksi()
        klaim.hasil_url, klaim.data = url, data
        klaim.save(update_fields=["hasil_url", "data"])
        return HasilKiriman(url=url, data=data)


def jawab_ulang(request, hasil: HasilKiriman):
    """Jawaban untuk kiriman ulang: ke halaman hasil kiriman pertama, dengan pemberitahuan."""
    messages.info(request, PESAN_ULANG)
    return redirect(hasil.url)


def kiriman_bersihkan() -> int:
    """Buang kunci yang lebih tua dari ``UMUR_SIMPAN`` (tugas berkala)."""
    jumlah, _ = KirimanFormulir.objects.filter(dibuat__lt=timezone.now() - UMUR_SIMPAN).delete()
    return jumlah


def isian_kunci(awalan: str = "") -> dict[str, str]:
    """``{"<awalan>kunci_kiriman": kunci baru}`` untuk kiriman yang dirakit di luar halaman (uji, bench)."""
    return {f"{awalan}{BIDANG}": kunci_baru()}
