"""Bacaan data kode etik, selalu lewat kebijakan akses ``akun.akses``."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from akun import akses
from akun.akses import Kemampuan

from .models import Larangan, Norma, Pelaksana, Penempatan, Penyelenggara


def penyelenggara_qs_for_user(*, user) -> QuerySet[Penyelenggara]:
    if not akses.boleh(user, Kemampuan.LIHAT_PENYELENGGARA):
        return Penyelenggara.objects.none()
    qs = Penyelenggara.objects.select_related("induk", "kepala")
    return akses.batasi(qs, user, jalur="")


def penyelenggara_daftar(
    *, user, cari: str = "", jenis: str = "", aktif: str = ""
) -> QuerySet[Penyelenggara]:
    # Subkueri berkorelasi, bukan JOIN + GROUP BY: PostgreSQL menghitungnya hanya untuk baris halaman yang
    # ditampilkan, sedangkan GROUP BY menjumlah Pelaksana seluruh unit sebelum mengurutkan dan memotong.
    aktif_per_unit = (
        Pelaksana.objects.filter(penyelenggara=OuterRef("pk"), aktif=True)
        .order_by()
        .values("penyelenggara")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = (
        penyelenggara_qs_for_user(user=user)
        .order_by("jenis", "nama")
        .annotate(jumlah_pelaksana=Coalesce(Subquery(aktif_per_unit, output_field=IntegerField()), 0))
    )
    if cari:
        qs = qs.filter(Q(nama__icontains=cari) | Q(singkatan__icontains=cari) | Q(kode__icontains=cari))
    if jenis:
        qs = qs.filter(jenis=jenis)
    if aktif in ("ya", "tidak"):
        qs = qs.filter(aktif=aktif == "ya")
    return qs


def penyelenggara_get_for_user(*, user, code) -> Penyelenggara:
    return akses.ambil_atau_404(penyelenggara_qs_for_user(user=user), user, jalur="", code=code)


def penyelenggara_pilihan_for_user(*, user) -> QuerySet[Penyelenggara]:
    """Unit yang boleh dipilih pengguna saat mengisi formulir (hanya yang aktif)."""
    return penyelenggara_qs_for_user(user=user).filter(aktif=True)


def pelaksana_qs_for_user(*, user) -> QuerySet[Pelaksana]:
    if not akses.boleh(user, Kemampuan.LIHAT_PELAKSANA):
        return Pelaksana.objects.none()
    return akses.batasi(Pelaksana.objects.select_related("penyelenggara"), user)


def pelaksana_daftar(*, user, cari: str = "", kategori: str = "", penyelenggara=None, aktif: str = "ya"):
    qs = pelaksana_qs_for_user(user=user)
    if cari:
        qs = qs.filter(Q(nama__icontains=cari) | Q(nip__icontains=cari) | Q(jabatan__icontains=cari))
    if kategori:
        qs = qs.filter(kategori=kategori)
    if penyelenggara is not None:
        qs = qs.filter(penyelenggara=penyelenggara)
    if aktif in ("ya", "tidak"):
        qs = qs.filter(aktif=aktif == "ya")
    return qs


def pelaksana_get_for_user(*, user, code) -> Pelaksana:
    qs = pelaksana_qs_for_user(user=user).select_related("atasan_langsung")
    return akses.ambil_atau_404(qs, user, code=code)


def penempatan_pelaksana(*, pelaksana: Pelaksana) -> QuerySet[Penempatan]:
    """Riwayat penempatan Pelaksana yang sudah diambil lewat ``pelaksana_get_for_user`` (terbaru dahulu)."""
    return pelaksana.penempatan.select_related("jenis_layanan").order_by("-mulai", "-id")


def bawahan_pelaksana(*, user, pelaksana: Pelaksana) -> QuerySet[Pelaksana]:
    return pelaksana_qs_for_user(user=user).filter(atasan_langsung=pelaksana, aktif=True).order_by("nama")


def norma_per_kelompok() -> list[tuple[str, list[Norma]]]:
    """Norma Pergub 8/2025 dikelompokkan sesuai urutan bab, untuk halaman publik."""
    kelompok: dict[str, list[Norma]] = {k: [] for k in Norma.Kelompok.values}
    for norma in Norma.objects.all():
        kelompok[norma.kelompok].append(norma)
    return [(Norma.Kelompok(k).label, isi) for k, isi in kelompok.items() if isi]


def larangan_semua() -> QuerySet[Larangan]:
    return Larangan.objects.all()
