"""Bacaan app evaluasi: instrumen, siklus, evaluasi dan hasil (selalu lewat ``akun.akses``)."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError
from survei import selectors as survei_selectors
from survei.selectors import BuktiSKM

from ..models import (
    Aspek,
    BuktiDukung,
    Evaluasi,
    Indikator,
    InstrumenVersi,
    LampiranSanggahan,
    Sanggahan,
    SiklusMonev,
)

STATUS_BERPERINGKAT = (Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL)


def instrumen_terbaru(*, jenis: str = InstrumenVersi.Jenis.A) -> InstrumenVersi:
    """Instrumen aktif dengan tahun tertinggi untuk ``jenis``; draf dan instrumen nonaktif dilewati."""
    instrumen = InstrumenVersi.objects.filter(jenis=jenis, aktif=True).order_by("-tahun").first()
    if instrumen is None:
        raise DomainError(f"Belum ada instrumen PEKPPP jenis {jenis} yang aktif.")
    return instrumen


# --- Siklus dan evaluasi, selalu lewat kebijakan akses --------------------------------------------


def evaluasi_qs_for_user(*, user) -> QuerySet[Evaluasi]:
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        return Evaluasi.objects.none()
    qs = Evaluasi.objects.select_related("siklus", "penyelenggara", "hasil")
    return akses.batasi(qs, user)


def evaluasi_get_for_user(*, user, code) -> Evaluasi:
    return akses.ambil_atau_404(evaluasi_qs_for_user(user=user), user, code=code)


def siklus_qs_for_user(*, user) -> QuerySet[SiklusMonev]:
    """Biro dan pimpinan melihat semua siklus; unit hanya siklus yang memuat evaluasinya."""
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        return SiklusMonev.objects.none()
    qs = SiklusMonev.objects.select_related("instrumen")
    if akses.menjangkau_semua_unit(user):
        return qs
    return qs.filter(pk__in=evaluasi_qs_for_user(user=user).values("siklus_id"))


def siklus_get_for_user(*, user, code) -> SiklusMonev:
    return get_object_or_404(siklus_qs_for_user(user=user), code=code)


def bukti_get_for_user(*, user, code) -> BuktiDukung:
    qs = BuktiDukung.objects.select_related("evaluasi__penyelenggara", "slot__indikator")
    return akses.ambil_atau_404(qs, user, jalur="evaluasi__penyelenggara", code=code)


def jumlah_per_status(*, siklus, user) -> dict[str, int]:
    """Jumlah evaluasi per status dalam lingkup pengguna (satu kueri)."""
    baris = evaluasi_qs_for_user(user=user).filter(siklus=siklus).values("status").annotate(n=Count("pk"))
    jumlah = dict.fromkeys(Evaluasi.Status.values, 0)
    jumlah.update({b["status"]: b["n"] for b in baris})
    return jumlah


def lokus_terlambat(*, siklus, user, tanggal) -> QuerySet[Evaluasi]:
    """Lokus yang belum (kembali) mengajukan padahal jendela pengisian atau perbaikannya sudah lewat."""
    terlambat = Q(pk__in=[])
    if tanggal > siklus.pengisian_selesai:
        terlambat |= Q(status=Evaluasi.Status.DRAF)
    if tanggal > siklus.perbaikan_selesai:
        terlambat |= Q(status=Evaluasi.Status.DIKEMBALIKAN)
    qs = evaluasi_qs_for_user(user=user).filter(terlambat, siklus=siklus)
    return qs.order_by("penyelenggara__nama")


def distribusi_kategori(*, siklus, user) -> list[tuple[str, str, int]]:
    """(kode, predikat, jumlah) per kategori instrumen, termasuk yang nol (dua kueri)."""
    qs = evaluasi_qs_for_user(user=user).filter(siklus=siklus, status__in=STATUS_BERPERINGKAT)
    jumlah = dict(qs.values_list("hasil__kategori").annotate(n=Count("pk")))
    kategori = siklus.instrumen.kategori.order_by("-batas_bawah")
    return [(k.kode, k.predikat, jumlah.get(k.kode, 0)) for k in kategori]


def peringkat(*, siklus, user) -> QuerySet[Evaluasi]:
    qs = evaluasi_qs_for_user(user=user).filter(
        siklus=siklus, status__in=STATUS_BERPERINGKAT, hasil__peringkat__isnull=False
    )
    return qs.order_by("hasil__peringkat", "penyelenggara__nama")


def struktur_instrumen(*, instrumen) -> QuerySet[Aspek]:
    """Aspek beserta indikator dan slot buktinya (tiga kueri, berapa pun jumlah indikatornya)."""
    return instrumen.aspek.prefetch_related(
        Prefetch("indikator", queryset=Indikator.objects.order_by("nomor").prefetch_related("slot_bukti"))
    )


# --- Sanggahan (keberatan unit atas level F-02), lingkup dari evaluasinya --------------------------


def sanggahan_qs_for_user(*, user) -> QuerySet[Sanggahan]:
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        return Sanggahan.objects.none()
    qs = Sanggahan.objects.select_related(
        "evaluasi__penyelenggara", "evaluasi__siklus", "indikator", "diajukan_oleh", "dijawab_oleh"
    )
    return akses.batasi(qs, user, jalur="evaluasi__penyelenggara")


def sanggahan_get_for_user(*, user, code) -> Sanggahan:
    qs = sanggahan_qs_for_user(user=user).prefetch_related("lampiran")
    return akses.ambil_atau_404(qs, user, jalur="evaluasi__penyelenggara", code=code)


def sanggahan_evaluasi(*, evaluasi, user) -> QuerySet[Sanggahan]:
    """Seluruh pertukaran sanggahan satu evaluasi beserta lampirannya (dua kueri)."""
    qs = sanggahan_qs_for_user(user=user).filter(evaluasi=evaluasi).prefetch_related("lampiran")
    return qs.order_by("-diajukan_pada")


def sanggahan_terbuka(*, siklus, user) -> QuerySet[Sanggahan]:
    """Sanggahan yang menunggu jawaban dalam satu siklus, yang paling lama menunggu lebih dulu."""
    qs = sanggahan_qs_for_user(user=user).filter(evaluasi__siklus=siklus, status=Sanggahan.Status.DIAJUKAN)
    return qs.order_by("diajukan_pada")


def sanggahan_terbuka_jumlah(*, siklus, user) -> int:
    return sanggahan_terbuka(siklus=siklus, user=user).count()


def lampiran_sanggahan_get_for_user(*, user, code) -> LampiranSanggahan:
    qs = LampiranSanggahan.objects.select_related("sanggahan__evaluasi__penyelenggara")
    if not akses.boleh(user, Kemampuan.LIHAT_EVALUASI):
        qs = qs.none()
    return akses.ambil_atau_404(qs, user, jalur="sanggahan__evaluasi__penyelenggara", code=code)


# Indikator PEKPPP yang menilai penyelenggaraan, publikasi, dan tindak lanjut SKM (regulations.md §3.8).
NOMOR_INDIKATOR_SKM = (6, 7, 8, 9)
JUMLAH_PERIODE_BUKTI = 2


def bukti_skm_untuk_evaluasi(evaluasi: Evaluasi, indikator: Indikator) -> list[BuktiSKM] | None:
    """Indikator 6–9: periode SKM terbaru unit lokus yang berakhir paling lambat pada tahun siklus, dengan
    hasil dan RTL-nya (dari app survei); indikator lain ``None``. ``evaluasi`` sudah dalam lingkup
    pengguna."""
    if indikator.nomor not in NOMOR_INDIKATOR_SKM:
        return None
    return survei_selectors.bukti_skm(
        penyelenggara_id=evaluasi.penyelenggara_id,
        sampai_tahun=evaluasi.siklus.tahun,
        jumlah=JUMLAH_PERIODE_BUKTI,
    )
