"""Bacaan app sanksi, selalu lewat kebijakan akses ``akun.akses`` (lingkup unit kasus/pengaduan)."""

from django.db.models import Q, QuerySet

from akun import akses
from akun.akses import Kemampuan

from .models import Pelanggaran, Pengaduan, Rujukan, Sanksi

# --- Kasus pelanggaran ----------------------------------------------------------------------------

_RELASI_KASUS = ("pelaksana", "penyelenggara__induk", "penyelenggara__kepala", "larangan", "dibuka_oleh")


def pelanggaran_qs_for_user(*, user) -> QuerySet[Pelanggaran]:
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        return Pelanggaran.objects.none()
    return akses.batasi(Pelanggaran.objects.select_related(*_RELASI_KASUS), user)


def pelanggaran_get_for_user(*, user, code) -> Pelanggaran:
    """Satu kasus beserta semua langkahnya; kasus unit lain sama dengan tidak ada (404)."""
    qs = pelanggaran_qs_for_user(user=user).select_related(
        "pengaduan",
        "pemanggilan__dicatat_oleh",
        "pemeriksaan__dicatat_oleh",
        "beritaacarapemeriksaan__dicatat_oleh",
        "sanksi__dicatat_oleh",
        "sanksi__keberatan__dicatat_oleh",
        "sanksi__keberatan__diputus_oleh",
    )
    return akses.ambil_atau_404(qs, user, code=code)


def pelanggaran_daftar(
    *, user, cari: str = "", tahap: str = "", jalur: str = "", larangan=None, penyelenggara=None
) -> QuerySet[Pelanggaran]:
    qs = pelanggaran_qs_for_user(user=user)
    if cari:
        qs = qs.filter(
            Q(pelaksana__nama__icontains=cari)
            | Q(pelaksana__nip__icontains=cari)
            | Q(uraian__icontains=cari)
            | Q(penyelenggara__nama__icontains=cari)
        )
    if tahap:
        qs = qs.filter(tahap=tahap)
    if jalur:
        qs = qs.filter(jalur=jalur)
    if larangan is not None:
        qs = qs.filter(larangan=larangan)
    if penyelenggara is not None:
        qs = qs.filter(Q(penyelenggara=penyelenggara) | Q(penyelenggara__induk=penyelenggara))
    return qs


def rujukan_kasus(*, pelanggaran) -> QuerySet[Rujukan]:
    """Rujukan satu kasus yang sudah diambil lewat ``pelanggaran_get_for_user``."""
    return pelanggaran.rujukan.select_related("dicatat_oleh").order_by("tanggal", "created_at")


def pelanggaran_pelaksana(*, user, pelaksana) -> QuerySet[Pelanggaran]:
    """Kasus seorang Pelaksana yang terlihat oleh pengguna (unit kasus saat dibuka menentukan lingkup)."""
    return pelanggaran_qs_for_user(user=user).filter(pelaksana=pelaksana).select_related("sanksi__keberatan")


def sanksi_pelaksana(*, user, pelaksana) -> QuerySet[Sanksi]:
    """Sanksi seorang Pelaksana dalam lingkup pengguna, termasuk yang dibatalkan karena keberatan."""
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        return Sanksi.objects.none()
    qs = Sanksi.objects.select_related("pelanggaran__larangan", "pelanggaran__penyelenggara", "keberatan")
    qs = akses.batasi(qs, user, jalur="pelanggaran__penyelenggara")
    return qs.filter(pelanggaran__pelaksana=pelaksana).order_by("-tanggal_keputusan")


def pengaduan_untuk_kasus(*, user) -> QuerySet[Pengaduan]:
    """Pengaduan dalam lingkup pengguna yang dapat menjadi dasar kasus (yang ditolak tidak)."""
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        return Pengaduan.objects.none()
    qs = Pengaduan.objects.select_related("penyelenggara").exclude(status=Pengaduan.Status.DITOLAK)
    return akses.batasi(qs, user)
