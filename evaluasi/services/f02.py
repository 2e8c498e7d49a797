"""F-02, penilaian evaluator Biro Organisasi: level per indikator, pengembalian, penyelesaian, finalisasi."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from akun.models import PERAN_UNIT, Pengguna
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.notifikasi import notifikasi_kirim

from ..final import wajib_evaluasi_belum_final
from ..jendela import wajib_dalam_jendela
from ..models import Evaluasi, Indikator, PenilaianIndikator, RiwayatLevel, Sanggahan
from .hasil import hasil_hitung_evaluasi

Status = Evaluasi.Status
_STATUS_DINILAI = (Status.DIAJUKAN, Status.DINILAI)


def _wajib_boleh_nilai(evaluasi: Evaluasi, oleh) -> None:
    akses.wajib(oleh, Kemampuan.NILAI_EVALUASI)
    wajib_evaluasi_belum_final(evaluasi, "Perubahan penilaian F-02")
    if evaluasi.status not in _STATUS_DINILAI:
        raise DomainError(
            f"Evaluasi berstatus {evaluasi.get_status_display().lower()}; hanya evaluasi yang diajukan "
            "atau sedang dinilai yang dapat dinilai."
        )
    wajib_dalam_jendela(evaluasi.siklus, "penilaian", "perbaikan")


def _kunci(evaluasi: Evaluasi) -> Evaluasi:
    return Evaluasi.objects.select_for_update().select_related("siklus", "penyelenggara").get(pk=evaluasi.pk)


def _audit(objek, aksi, oleh, evaluasi, data=None):
    audit_catat(objek=objek, aksi=aksi, oleh=oleh, penyelenggara_id=evaluasi.penyelenggara_id, data=data)


def _jadwalkan_peringkat(evaluasi: Evaluasi) -> None:
    """Peringkat siklus bergantung pada semua lokus: hitung ulang di latar setelah status berubah."""
    from ..tasks import siklus_hitung_ulang_antrekan

    siklus_id = evaluasi.siklus_id
    transaction.on_commit(lambda: siklus_hitung_ulang_antrekan(siklus_id), robust=True)


def _beri_tahu_unit(evaluasi: Evaluasi, judul: str, isi: str) -> None:
    notifikasi_kirim(
        penerima=Pengguna.objects.filter(
            peran__in=PERAN_UNIT, penyelenggara=evaluasi.penyelenggara_id, is_active=True
        ),
        judul=judul,
        isi=isi,
        tautan=reverse("evaluasi:detail", args=[evaluasi.code]),
    )


@transaction.atomic
def penilaian_simpan(
    *, evaluasi: Evaluasi, indikator: Indikator, level: int, catatan: str, rekomendasi: str, alasan: str, oleh
) -> PenilaianIndikator:
    """Tetapkan level 0–5 satu indikator; setiap perubahan level disimpan di riwayat beserta alasannya."""
    evaluasi = _kunci(evaluasi)
    _wajib_boleh_nilai(evaluasi, oleh)
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 5:
        raise DomainError("Level harus bilangan bulat 0 sampai 5.")
    if indikator.aspek.instrumen_id != evaluasi.siklus.instrumen_id:
        raise DomainError("Indikator ini bukan bagian dari instrumen siklus evaluasi.")
    penilaian, _ = PenilaianIndikator.objects.select_for_update().get_or_create(
        evaluasi=evaluasi, indikator=indikator
    )
    if penilaian.level is not None and penilaian.level != level and not alasan.strip():
        raise DomainError("Tuliskan alasan perubahan level (level sebelumnya akan disimpan di riwayat).")
    if penilaian.level != level:
        RiwayatLevel.objects.create(
            penilaian=penilaian,
            level_lama=penilaian.level,
            level_baru=level,
            alasan=alasan.strip() or "Penilaian pertama.",
            oleh=oleh,
        )
    level_lama = penilaian.level
    penilaian.level, penilaian.catatan, penilaian.rekomendasi = level, catatan, rekomendasi
    penilaian.dinilai_oleh, penilaian.dinilai_pada = oleh, timezone.now()
    penilaian.save()
    _audit(
        penilaian,
        "evaluasi.f02.dinilai",
        oleh,
        evaluasi,
        {"indikator": indikator.nomor, "level_lama": level_lama, "level_baru": level, "alasan": alasan},
    )
    hasil_hitung_evaluasi(evaluasi=evaluasi)
    return penilaian


@transaction.atomic
def evaluasi_kembalikan(*, evaluasi: Evaluasi, alasan_per_indikator: dict[int, str], oleh) -> Evaluasi:
    """Kembalikan evaluasi kepada unit untuk diperbaiki, dengan alasan per indikator (minimal satu)."""
    evaluasi = _kunci(evaluasi)
    _wajib_boleh_nilai(evaluasi, oleh)
    alasan = {nomor: teks.strip() for nomor, teks in alasan_per_indikator.items() if teks and teks.strip()}
    if not alasan:
        raise DomainError("Tuliskan alasan perbaikan pada sedikitnya satu indikator.")
    indikator = {
        i.nomor: i
        for i in Indikator.objects.filter(aspek__instrumen=evaluasi.siklus.instrumen_id, nomor__in=alasan)
    }
    asing = set(alasan) - set(indikator)
    if asing:
        raise DomainError(f"Nomor indikator tidak dikenal: {', '.join(map(str, sorted(asing)))}.")
    evaluasi.penilaian.update(alasan_perbaikan="")
    for nomor, teks in alasan.items():
        PenilaianIndikator.objects.update_or_create(
            evaluasi=evaluasi, indikator=indikator[nomor], defaults={"alasan_perbaikan": teks}
        )
    status_lama = evaluasi.status
    evaluasi.status = Status.DIKEMBALIKAN
    evaluasi.save(update_fields=["status", "updated_at"])
    _jadwalkan_peringkat(evaluasi)
    data = {"dari": status_lama, "ke": evaluasi.status, "alasan": alasan}
    _audit(evaluasi, "evaluasi.dikembalikan", oleh, evaluasi, data)
    _beri_tahu_unit(
        evaluasi,
        f"Evaluasi dikembalikan untuk perbaikan ({len(alasan)} indikator)",
        "Biro Organisasi mengembalikan penilaian mandiri Anda. Lihat alasan pada setiap indikator, "
        "perbaiki isian dan bukti dukung, lalu ajukan kembali sebelum jendela perbaikan berakhir.",
    )
    return evaluasi


@transaction.atomic
def evaluasi_selesai_dinilai(*, evaluasi: Evaluasi, oleh) -> Evaluasi:
    """Tandai evaluasi selesai dinilai: setiap indikator yang masuk IPP sudah memiliki level."""
    evaluasi = _kunci(evaluasi)
    _wajib_boleh_nilai(evaluasi, oleh)
    belum = Indikator.objects.filter(aspek__instrumen=evaluasi.siklus.instrumen_id, suplemen=False).exclude(
        pk__in=evaluasi.penilaian.filter(level__isnull=False).values("indikator_id")
    )
    nomor = list(belum.order_by("nomor").values_list("nomor", flat=True))
    if nomor:
        raise DomainError(f"Indikator belum dinilai ({len(nomor)}): {', '.join(map(str, nomor))}.")
    status_lama = evaluasi.status
    evaluasi.status, evaluasi.dinilai_pada = Status.DINILAI, timezone.now()
    evaluasi.save(update_fields=["status", "dinilai_pada", "updated_at"])
    hasil = hasil_hitung_evaluasi(evaluasi=evaluasi)
    _jadwalkan_peringkat(evaluasi)
    data = {"dari": status_lama, "ke": evaluasi.status, "ipp": str(hasil.ipp), "kategori": hasil.kategori}
    _audit(evaluasi, "evaluasi.dinilai", oleh, evaluasi, data)
    _beri_tahu_unit(
        evaluasi,
        "Penilaian evaluator selesai",
        f"IPP sementara {hasil.ipp_bulat} ({hasil.kategori}, {hasil.predikat}); hasil final menyusul.",
    )
    return evaluasi


@transaction.atomic
def evaluasi_finalkan(*, evaluasi: Evaluasi, oleh) -> Evaluasi:
    """Tetapkan hasil evaluasi sebagai final (jendela finalisasi); setelah ini tidak ada perubahan."""
    evaluasi = _kunci(evaluasi)
    akses.wajib(oleh, Kemampuan.NILAI_EVALUASI)
    if evaluasi.status != Status.DINILAI:
        raise DomainError("Hanya evaluasi yang selesai dinilai yang dapat difinalkan.")
    wajib_dalam_jendela(evaluasi.siklus, "finalisasi")
    # Hasil final tidak boleh mendahului jawaban atas keberatan unit (Sanggahan) yang masih terbuka.
    terbuka = evaluasi.sanggahan.filter(status=Sanggahan.Status.DIAJUKAN).count()
    if terbuka:
        raise DomainError(
            f"Masih ada {terbuka} sanggahan yang belum dijawab; jawab dahulu sebelum memfinalkan."
        )
    evaluasi.status, evaluasi.final_pada = Status.FINAL, timezone.now()
    evaluasi.save(update_fields=["status", "final_pada", "updated_at"])
    hasil = hasil_hitung_evaluasi(evaluasi=evaluasi)
    data = {"dari": Status.DINILAI, "ke": evaluasi.status, "ipp": str(hasil.ipp), "kategori": hasil.kategori}
    _audit(evaluasi, "evaluasi.difinalkan", oleh, evaluasi, data)
    _jadwalkan_peringkat(evaluasi)
    _beri_tahu_unit(
        evaluasi,
        "Hasil evaluasi final",
        f"IPP {hasil.ipp_bulat} — kategori {hasil.kategori} ({hasil.predikat}).",
    )
    return evaluasi
