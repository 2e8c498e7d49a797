"""Bacaan pengaduan. Petugas membaca lewat ``akun.akses`` (unit lain = 404); publik hanya lewat
``lacak_publik``, yang mengembalikan salinan berisi status dan keterangan publik saja, bukan model.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from akun import akses
from akun.akses import Kemampuan
from kode_etik.models import JenisLayanan, Pelaksana, Penyelenggara

from .models import LampiranPengaduan, Pengaduan
from .models.pengaduan import HURUF_KODE_LACAK
from .services.pengaduan import normalisasi_kode_lacak

# --- Petugas -------------------------------------------------------------------------------------


def pengaduan_qs_for_user(*, user) -> QuerySet[Pengaduan]:
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        return Pengaduan.objects.none()
    qs = Pengaduan.objects.select_related("penyelenggara", "jenis_layanan", "pelaksana", "dicatat_oleh")
    return akses.batasi(qs, user, jalur="penyelenggara")


def pengaduan_get_for_user(*, user, code) -> Pengaduan:
    return akses.ambil_atau_404(pengaduan_qs_for_user(user=user), user, code=code)


def pengaduan_daftar(
    *, user, status: str = "", penyelenggara=None, saluran: str = "", cari: str = ""
) -> QuerySet[Pengaduan]:
    qs = pengaduan_qs_for_user(user=user)
    if status:
        qs = qs.filter(status=status)
    if penyelenggara is not None:
        qs = qs.filter(penyelenggara=penyelenggara)
    if saluran:
        qs = qs.filter(saluran=saluran)
    if cari:
        qs = qs.filter(
            Q(kode_lacak__iexact=normalisasi_kode_lacak(cari))
            | Q(nomor_lapor__icontains=cari)
            | Q(uraian__icontains=cari)
            | Q(nama_pelapor__icontains=cari)
        )
    return qs.order_by("-diterima_pada")


def riwayat_pengaduan(*, pengaduan: Pengaduan):
    return pengaduan.riwayat.select_related("oleh").order_by("pada", "id")


def lampiran_pengaduan_get_for_user(*, user, code) -> LampiranPengaduan:
    qs = LampiranPengaduan.objects.select_related("pengaduan__penyelenggara")
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        qs = qs.none()
    return akses.ambil_atau_404(qs, user, jalur="pengaduan__penyelenggara", code=code)


def unit_pilihan_for_user(*, user) -> QuerySet[Penyelenggara]:
    """Unit tempat ``user`` boleh mencatat pengaduan (atau menyaring daftar)."""
    return akses.batasi(Penyelenggara.objects.filter(aktif=True), user, jalur="").order_by("jenis", "nama")


def pelaksana_pilihan_for_user(*, user) -> QuerySet[Pelaksana]:
    qs = Pelaksana.objects.filter(aktif=True).select_related("penyelenggara")
    return akses.batasi(qs, user).order_by("penyelenggara__nama", "nama")


def jenis_layanan_pilihan(*, unit_qs) -> QuerySet[JenisLayanan]:
    qs = JenisLayanan.objects.filter(aktif=True, penyelenggara__in=unit_qs)
    return qs.select_related("penyelenggara").order_by("penyelenggara__nama", "nama")


# --- Publik (tanpa login) ----------------------------------------------------------------------


def unit_pilihan_publik() -> QuerySet[Penyelenggara]:
    return Penyelenggara.objects.filter(aktif=True).order_by("jenis", "nama")


@dataclass(frozen=True)
class LangkahPublik:
    status_label: str
    pada: datetime
    keterangan: str


@dataclass(frozen=True)
class LacakPublik:
    """Yang boleh dilihat pelapor: tanpa catatan internal, nama yang diadukan, lampiran, atau data pelapor."""

    kode_lacak: str
    status: str
    status_label: str
    penyelenggara: str
    diterima_pada: datetime
    riwayat: tuple[LangkahPublik, ...]


def lacak_publik(*, kode: str) -> LacakPublik | None:
    kode = normalisasi_kode_lacak(kode)
    # Kode di luar abjad kode lacak pasti tidak ada; tidak dikirim ke basis data (NUL = galat PostgreSQL).
    if not kode or not set(kode) <= set(HURUF_KODE_LACAK):
        return None
    pengaduan = Pengaduan.objects.select_related("penyelenggara").filter(kode_lacak=kode).first()
    if pengaduan is None:
        return None
    riwayat = tuple(
        LangkahPublik(r.get_status_display(), r.pada, r.keterangan_publik)
        for r in pengaduan.riwayat.order_by("pada", "id")
    )
    return LacakPublik(
        kode_lacak=pengaduan.kode_lacak,
        status=pengaduan.status,
        status_label=pengaduan.get_status_display(),
        penyelenggara=pengaduan.penyelenggara.nama,
        diterima_pada=pengaduan.diterima_pada,
        riwayat=riwayat,
    )
