"""Sanggahan: keberatan Kepala unit atas level satu indikator F-02 dan jawaban Biro Organisasi.

Kepala Penyelenggara menyanggah pada jendela perbaikan, selama evaluasinya berstatus selesai dinilai; Biro
menjawab pada jendela perbaikan atau finalisasi. Bila diterima, level baru masuk riwayat level F-02 dengan
alasan yang menyebut sanggahannya, lalu IPP dan peringkat dihitung ulang. Pertukaran tidak pernah dihapus.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format

from akun import akses
from akun.akses import Kemampuan
from akun.models import PERAN_UNIT, Pengguna, Peran
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.notifikasi import notifikasi_kirim
from kaltim_yanlik.core.unggahan import buang_berkas, periksa_lampiran, simpan_lampiran

from ..final import wajib_evaluasi_belum_final
from ..jendela import wajib_dalam_jendela
from ..models import Evaluasi, Indikator, LampiranSanggahan, PenilaianIndikator, RiwayatLevel, Sanggahan
from .f02 import _audit, _jadwalkan_peringkat, _kunci
from .hasil import hasil_hitung_evaluasi

MAKS_LAMPIRAN = 5
Status = Sanggahan.Status


# --- Pemeriksaan ---------------------------------------------------------------------------------


def _wajib_level_sah(level, pesan: str) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 5:
        raise DomainError(pesan)
    return level


def _wajib_teks(teks: str, pesan: str) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise DomainError(pesan)
    return teks


def _wajib_dapat_disanggah(evaluasi: Evaluasi) -> None:
    if evaluasi.status != Evaluasi.Status.DINILAI:
        raise DomainError(
            f"Evaluasi berstatus {evaluasi.get_status_display().lower()}; sanggahan hanya dapat diajukan "
            "atas evaluasi yang selesai dinilai Biro Organisasi."
        )
    wajib_dalam_jendela(evaluasi.siklus, "perbaikan")


def _penilaian_bernilai(evaluasi: Evaluasi, indikator: Indikator) -> PenilaianIndikator:
    if indikator.aspek.instrumen_id != evaluasi.siklus.instrumen_id:
        raise DomainError("Indikator ini bukan bagian dari instrumen siklus evaluasi.")
    penilaian = evaluasi.penilaian.filter(indikator=indikator, level__isnull=False).first()
    if penilaian is None:
        raise DomainError(f"Indikator {indikator.nomor} belum diberi level oleh evaluator.")
    return penilaian


def _wajib_belum_ada_terbuka(evaluasi: Evaluasi, indikator: Indikator) -> None:
    # Evaluasi sudah dikunci (select_for_update): pemeriksaan ini tidak berlomba dengan pengajuan lain.
    if evaluasi.sanggahan.filter(indikator=indikator, status=Status.DIAJUKAN).exists():
        raise DomainError(
            f"Sanggahan atas indikator {indikator.nomor} masih menunggu jawaban Biro Organisasi; "
            "ajukan lagi setelah dijawab bila perlu."
        )


# --- Penulisan -----------------------------------------------------------------------------------


def _beri_tahu_biro(sanggahan: Sanggahan) -> None:
    evaluasi = sanggahan.evaluasi
    notifikasi_kirim(
        penerima=Pengguna.objects.filter(peran=Peran.BIRO, is_active=True),
        judul=f"Sanggahan indikator {sanggahan.indikator.nomor}: {evaluasi.penyelenggara}",
        isi=(
            f"{evaluasi.penyelenggara} menyanggah level indikator {sanggahan.indikator.nomor} "
            f"({sanggahan.level_semula} → {sanggahan.level_diminta}) pada {evaluasi.siklus}."
        ),
        tautan=reverse("evaluasi:sanggahan_detail", args=[sanggahan.code]),
    )


def _beri_tahu_unit(sanggahan: Sanggahan, judul: str, isi: str) -> None:
    evaluasi = sanggahan.evaluasi
    notifikasi_kirim(
        penerima=Pengguna.objects.filter(
            peran__in=PERAN_UNIT, penyelenggara=evaluasi.penyelenggara_id, is_active=True
        ),
        judul=judul,
        isi=isi,
        tautan=reverse("evaluasi:sanggahan_daftar", args=[evaluasi.code]),
    )


@transaction.atomic
def sanggahan_ajukan(
    *, evaluasi: Evaluasi, indikator: Indikator, level_diminta: int, alasan: str, lampiran, oleh
) -> Sanggahan:
    """Kepala unit menyanggah level satu indikator, dengan alasan dan bukti baru (paling banyak 5 berkas).

    Semua syarat dan semua berkas diperiksa lebih dulu: bila satu saja ditolak, tidak ada yang tersimpan.
    """
    akses.wajib_ubah_di_unit(oleh, Kemampuan.SANGGAH_EVALUASI, evaluasi.penyelenggara)
    evaluasi = _kunci(evaluasi)
    _wajib_dapat_disanggah(evaluasi)
    penilaian = _penilaian_bernilai(evaluasi, indikator)
    level_diminta = _wajib_level_sah(level_diminta, "Level yang diminta harus bilangan bulat 0 sampai 5.")
    if level_diminta == penilaian.level:
        raise DomainError(f"Level yang diminta sama dengan level saat ini ({penilaian.level}).")
    alasan = _wajib_teks(alasan, "Tuliskan alasan sanggahan.")
    _wajib_belum_ada_terbuka(evaluasi, indikator)
    diperiksa = periksa_lampiran(lampiran, maks=MAKS_LAMPIRAN)
    sanggahan = Sanggahan.objects.create(
        evaluasi=evaluasi,
        indikator=indikator,
        level_semula=penilaian.level,
        level_diminta=level_diminta,
        alasan=alasan,
        diajukan_oleh=oleh,
        diajukan_pada=timezone.now(),
    )
    tertulis = []
    try:
        simpan_lampiran(LampiranSanggahan, diperiksa, tertulis, sanggahan=sanggahan)
        data = {"indikator": indikator.nomor, "level_semula": penilaian.level, "level_diminta": level_diminta}
        _audit(sanggahan, "evaluasi.sanggahan.diajukan", oleh, evaluasi, {**data, "lampiran": len(tertulis)})
        _beri_tahu_biro(sanggahan)
    except Exception:
        # Transaksi dibatalkan: berkas yang sudah tertulis dibuang agar tidak ada lampiran tanpa baris.
        buang_berkas(tertulis)
        raise
    return sanggahan


def _terapkan_level(sanggahan: Sanggahan, level_baru: int, oleh) -> int | None:
    """Ubah level F-02 indikator yang disanggah; riwayatnya menyebut sanggahan. Kembalikan level lama."""
    penilaian = PenilaianIndikator.objects.select_for_update().get(
        evaluasi=sanggahan.evaluasi_id, indikator=sanggahan.indikator_id
    )
    level_lama = penilaian.level
    if level_baru == level_lama:
        raise DomainError(
            f"Level baru sama dengan level saat ini ({level_lama}); bila level tidak berubah, tolak "
            "sanggahan dengan alasannya."
        )
    diajukan = date_format(timezone.localtime(sanggahan.diajukan_pada), "j F Y")
    RiwayatLevel.objects.create(
        penilaian=penilaian,
        level_lama=level_lama,
        level_baru=level_baru,
        alasan=f"Sanggahan Kepala unit tanggal {diajukan} diterima: {sanggahan.jawaban}",
        oleh=oleh,
    )
    penilaian.level, penilaian.dinilai_oleh, penilaian.dinilai_pada = level_baru, oleh, timezone.now()
    penilaian.save(update_fields=["level", "dinilai_oleh", "dinilai_pada"])
    return level_lama


def _kunci_terbuka(sanggahan: Sanggahan) -> Sanggahan:
    sanggahan = Sanggahan.objects.select_for_update().select_related("indikator").get(pk=sanggahan.pk)
    if sanggahan.status != Status.DIAJUKAN:
        raise DomainError(
            f"Sanggahan ini sudah dijawab ({sanggahan.get_status_display().lower()}); jawabannya tidak "
            "dapat diubah."
        )
    return sanggahan


@transaction.atomic
def sanggahan_jawab(
    *, sanggahan: Sanggahan, diterima: bool, jawaban: str, level_baru: int | None, oleh
) -> Sanggahan:
    """Biro menerima sanggahan dengan level baru (IPP dan peringkat dihitung ulang) atau menolaknya."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.NILAI_EVALUASI, sanggahan.evaluasi.penyelenggara)
    evaluasi = _kunci(sanggahan.evaluasi)
    sanggahan = _kunci_terbuka(sanggahan)
    wajib_evaluasi_belum_final(evaluasi, "Jawaban atas sanggahan")
    wajib_dalam_jendela(evaluasi.siklus, "perbaikan", "finalisasi")
    sanggahan.jawaban = _wajib_teks(jawaban, "Tuliskan jawaban atau alasan atas sanggahan.")
    sanggahan.status = Status.DITERIMA if diterima else Status.DITOLAK
    sanggahan.level_baru = None
    data = {"indikator": sanggahan.indikator.nomor, "level_semula": sanggahan.level_semula}
    if diterima:
        sanggahan.level_baru = _wajib_level_sah(level_baru, "Pilih level baru 0 sampai 5 bila diterima.")
        data.update(level_lama=_terapkan_level(sanggahan, sanggahan.level_baru, oleh))
    sanggahan.dijawab_oleh, sanggahan.dijawab_pada = oleh, timezone.now()
    sanggahan.save(
        update_fields=["status", "jawaban", "level_baru", "dijawab_oleh", "dijawab_pada", "updated_at"]
    )
    sanggahan.evaluasi = evaluasi
    if diterima:
        _hitung_ulang(sanggahan, oleh, data)
    else:
        _audit(sanggahan, "evaluasi.sanggahan.ditolak", oleh, evaluasi, data)
        _beri_tahu_unit(
            sanggahan,
            f"Sanggahan indikator {sanggahan.indikator.nomor} ditolak",
            f"Level indikator tidak berubah. Alasan Biro Organisasi: {sanggahan.jawaban}",
        )
    return sanggahan


def _hitung_ulang(sanggahan: Sanggahan, oleh, data: dict) -> None:
    """Sanggahan diterima: hasil evaluasi dihitung sekarang, peringkat siklus di latar setelah commit."""
    evaluasi = sanggahan.evaluasi
    hasil = hasil_hitung_evaluasi(evaluasi=evaluasi)
    _jadwalkan_peringkat(evaluasi)
    data = {**data, "level_baru": sanggahan.level_baru, "ipp": str(hasil.ipp), "kategori": hasil.kategori}
    _audit(sanggahan, "evaluasi.sanggahan.diterima", oleh, evaluasi, data)
    _beri_tahu_unit(
        sanggahan,
        f"Sanggahan indikator {sanggahan.indikator.nomor} diterima",
        f"Level {data['level_lama']} → {sanggahan.level_baru}. IPP sementara kini "
        f"{number_format(hasil.ipp_bulat, 2)} ({hasil.kategori}, {hasil.predikat}). "
        f"Jawaban Biro Organisasi: {sanggahan.jawaban}",
    )
