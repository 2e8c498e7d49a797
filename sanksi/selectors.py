"""Bacaan app sanksi, selalu lewat kebijakan akses ``akun.akses`` (lingkup unit kasus/pengaduan)."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.hari_kerja import hari_kerja_antara, libur_terlewati, tahun_tanpa_libur
from kaltim_yanlik.core.models import HariLibur

from .models import (
    SANKSI_DIBATALKAN,
    AturanUpayaAdministratif,
    Keberatan,
    Pelanggaran,
    Pengaduan,
    Rujukan,
    Sanksi,
)

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
        "sanksi__keberatan__banding__dicatat_oleh",
        "sanksi__keberatan__banding__diputus_oleh",
        "sanksi__penempatan_baru__jenis_layanan",
    )
    return akses.ambil_atau_404(qs, user, code=code)


def _q_upaya_lewat(hari_ini: date) -> Q:
    """Keberatan atau banding yang belum diputus padahal batas keputusannya sudah lewat."""
    menunggu = Keberatan.Keputusan.MENUNGGU
    return Q(sanksi__keberatan__keputusan=menunggu, sanksi__keberatan__batas_putus__lt=hari_ini) | Q(
        sanksi__keberatan__banding__keputusan=menunggu, sanksi__keberatan__banding__batas_putus__lt=hari_ini
    )


def upaya_lewat_batas(*, user) -> QuerySet[Pelanggaran]:
    """Kasus dalam lingkup pengguna yang keputusan keberatan/bandingnya lewat batas (diawasi Biro)."""
    return pelanggaran_qs_for_user(user=user).filter(_q_upaya_lewat(timezone.localdate()))


def pelanggaran_daftar(
    *,
    user,
    cari: str = "",
    tahap: str = "",
    jalur: str = "",
    larangan=None,
    penyelenggara=None,
    lewat_batas: bool = False,
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
    lewat = _q_upaya_lewat(timezone.localdate())
    qs = qs.annotate(upaya_lewat=ExpressionWrapper(lewat, output_field=BooleanField()))
    return qs.filter(lewat) if lewat_batas else qs


def rujukan_kasus(*, pelanggaran) -> QuerySet[Rujukan]:
    """Rujukan satu kasus yang sudah diambil lewat ``pelanggaran_get_for_user``."""
    return pelanggaran.rujukan.select_related("dicatat_oleh").order_by("tanggal", "created_at")


def pelanggaran_pelaksana(*, user, pelaksana) -> QuerySet[Pelanggaran]:
    """Kasus seorang Pelaksana yang terlihat oleh pengguna (unit kasus saat dibuka menentukan lingkup)."""
    return (
        pelanggaran_qs_for_user(user=user)
        .filter(pelaksana=pelaksana)
        .select_related("sanksi__keberatan__banding")
    )


def sanksi_pelaksana(*, user, pelaksana) -> QuerySet[Sanksi]:
    """Sanksi seorang Pelaksana dalam lingkup pengguna, termasuk yang dibatalkan karena keberatan."""
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        return Sanksi.objects.none()
    qs = Sanksi.objects.select_related("pelanggaran__larangan", "pelanggaran__penyelenggara", "keberatan")
    qs = akses.batasi(qs, user, jalur="pelanggaran__penyelenggara")
    qs = qs.filter(pelanggaran__pelaksana=pelaksana).select_related("keberatan__banding")
    return qs.order_by("-tanggal_keputusan")


def pengaduan_untuk_kasus(*, user) -> QuerySet[Pengaduan]:
    """Pengaduan dalam lingkup pengguna yang dapat menjadi dasar kasus (yang ditolak tidak)."""
    if not akses.boleh(user, Kemampuan.LIHAT_PENEGAKAN):
        return Pengaduan.objects.none()
    qs = Pengaduan.objects.select_related("penyelenggara").exclude(status=Pengaduan.Status.DITOLAK)
    return akses.batasi(qs, user)


# --- Tenggat upaya administratif di halaman kasus -------------------------------------------------------


@dataclass
class Tenggat:
    """Satu tenggat hari kerja beserta penjelasannya: dihitung dari tanggal apa, libur apa yang dilewati."""

    judul: str
    awal: date
    sebutan_awal: str
    batas: date
    dasar: str
    terpenuhi_pada: date | None = None
    hari_kerja: int = 0
    libur: list[HariLibur] = field(default_factory=list)
    tahun_tanpa_data: list[int] = field(default_factory=list)

    @property
    def lewat(self) -> bool:
        return self.terpenuhi_pada is None and self.batas < timezone.localdate()

    @property
    def terlambat(self) -> bool:
        return self.terpenuhi_pada is not None and self.terpenuhi_pada > self.batas


def _tenggat(judul, awal, sebutan_awal, batas, dasar, terpenuhi_pada=None) -> Tenggat:
    return Tenggat(
        judul=judul, awal=awal, sebutan_awal=sebutan_awal, batas=batas, dasar=dasar,
        terpenuhi_pada=terpenuhi_pada, hari_kerja=hari_kerja_antara(awal, batas),
        libur=libur_terlewati(awal, batas), tahun_tanpa_data=tahun_tanpa_libur(awal, batas),
    )  # fmt: skip


def _daftar_tenggat(sanksi, keberatan, banding, dasar: dict) -> list[Tenggat]:
    tenggat = []
    if sanksi:
        diajukan = keberatan.tanggal_diterima if keberatan else None
        tenggat.append(
            _tenggat("Pengajuan keberatan", sanksi.tanggal_keputusan, "keputusan sanksi",
                     sanksi.batas_keberatan, dasar.get("keberatan", ""), diajukan)
        )  # fmt: skip
    if keberatan and keberatan.batas_putus:
        tenggat.append(
            _tenggat("Keputusan keberatan", keberatan.tanggal_diterima, "keberatan diterima",
                     keberatan.batas_putus, dasar.get("keberatan", ""), keberatan.tanggal_putusan)
        )  # fmt: skip
    if keberatan and keberatan.batas_banding:
        diajukan = banding.tanggal_diterima if banding else None
        tenggat.append(
            _tenggat("Pengajuan banding", keberatan.tanggal_putusan, "keputusan keberatan",
                     keberatan.batas_banding, dasar.get("banding", ""), diajukan)
        )  # fmt: skip
    if banding and banding.batas_putus:
        tenggat.append(
            _tenggat("Keputusan banding", banding.tanggal_diterima, "banding diterima", banding.batas_putus,
                     dasar.get("banding", ""), banding.tanggal_putusan)
        )  # fmt: skip
    return tenggat


def tenggat_kasus(*, pelanggaran: Pelanggaran) -> dict:
    """Sanksi, keberatan, banding kasus yang sudah diambil lewat selector, dan tenggat hari kerjanya."""
    sanksi = getattr(pelanggaran, "sanksi", None)
    keberatan = getattr(sanksi, "keberatan", None) if sanksi else None
    banding = getattr(keberatan, "banding", None) if keberatan else None
    dasar = {a.jenis: a.dasar_hukum for a in AturanUpayaAdministratif.objects.all()}
    return {
        "sanksi": sanksi,
        "keberatan": keberatan,
        "banding": banding,
        "tenggat": _daftar_tenggat(sanksi, keberatan, banding, dasar),
        "batas_lewat": bool(sanksi) and keberatan is None and sanksi.batas_keberatan < timezone.localdate(),
    }


def sanksi_berlaku(qs: QuerySet[Sanksi]) -> QuerySet[Sanksi]:
    """Sanksi yang tidak dibatalkan karena keberatan atau banding dikabulkan."""
    return qs.exclude(SANKSI_DIBATALKAN)
