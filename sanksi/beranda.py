"""Kartu beranda penegakan: keputusan yang menunggu pengguna ini menurut tabel kewenangan (menjatuhkan sanksi,
memutus keberatan atau banding) dengan batas hari kerjanya; bagi Sekretaris Daerah juga jabatan tercatatnya.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from akun import kewenangan
from akun.models import Pejabat, Peran

from . import alur, selectors
from .models import Keberatan, Pelanggaran

MAKS_KASUS = 50  # kandidat yang diperiksa per beranda; kartu hanya menampilkan yang menunggu pengguna ini
_LANGKAH_KEPUTUSAN = (alur.SANKSI, alur.KEBERATAN_PUTUS, alur.BANDING_PUTUS)


@dataclass(frozen=True)
class Menunggu:
    kasus: Pelanggaran
    judul: str
    batas: object = None


def _kandidat(user):
    """Kasus yang menunggu sebuah keputusan: BAP sudah dibuat, atau keberatan/banding belum diputus."""
    menunggu = Keberatan.Keputusan.MENUNGGU
    qs = selectors.pelanggaran_qs_for_user(user=user).filter(
        Q(tahap=Pelanggaran.Tahap.BAP)
        | Q(sanksi__keberatan__keputusan=menunggu)
        | Q(sanksi__keberatan__banding__keputusan=menunggu)
    )
    relasi = ("sanksi__keberatan__banding", "beritaacarapemeriksaan")
    return qs.select_related(*relasi).order_by("dibuka_pada")[:MAKS_KASUS]


def _batas(kasus, langkah: str):
    keberatan = getattr(getattr(kasus, "sanksi", None), "keberatan", None)
    if langkah == alur.KEBERATAN_PUTUS:
        return keberatan.batas_putus
    if langkah == alur.BANDING_PUTUS:
        return keberatan.banding.batas_putus
    return None


def keputusan_menunggu(user) -> list[Menunggu]:
    """Keputusan yang boleh diambil ``user`` sekarang; tabel kewenangan dimuat sekali untuk semua kasus."""
    aturan = kewenangan.aturan_aktif()
    hasil = []
    for kasus in _kandidat(user):
        for langkah in _LANGKAH_KEPUTUSAN:
            if alur.alasan_langkah_tidak_sah(kasus, langkah):
                continue
            if alur.aturan_langkah(user, kasus, langkah, dari=aturan) is not None:
                hasil.append(Menunggu(kasus, alur.JUDUL_LANGKAH[langkah], _batas(kasus, langkah)))
    return hasil


def kartu_beranda(user) -> list[dict]:
    if not user.is_authenticated:
        return []
    menunggu = keputusan_menunggu(user)
    jabatan = None
    if user.peran == Peran.SEKDA:
        jabatan = kewenangan.pejabat_pada(Pejabat.Jabatan.SEKDA, timezone.localdate())
    if not menunggu and jabatan is None:
        return []
    konteks = {"menunggu": menunggu, "jabatan": jabatan, "hari_ini": timezone.localdate(), "user": user}
    return [{"template": "sanksi/_kartu_beranda.html", "konteks": konteks}]
