"""Koreksi Biro Organisasi atas level evaluasi yang sudah final: satu-satunya jalan mengubah rekam resmi.

Koreksi wajib beralasan dan berujukan (mis. "Putusan sanggahan …" atau "Berita Acara Koreksi Nomor …").
Setiap level yang berubah masuk riwayat level F-02 bertanda koreksi; IPP evaluasi dihitung ulang dan siklus
diperingkat ulang dalam transaksi yang sama; bila siklus sudah pernah terbit, versi publikasi berikutnya
dibuat dengan alasan dan rujukan koreksi, sehingga halaman publik menunjukkan apa yang berubah dan kapan,
dan versi sebelumnya tetap dapat dibuka.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from akun.models import PERAN_UNIT, Pengguna
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.notifikasi import notifikasi_kirim

from ..final import siklus_final
from ..models import (
    Evaluasi,
    HasilEvaluasi,
    Indikator,
    KoreksiEvaluasi,
    PenilaianIndikator,
    RiwayatLevel,
    SiklusMonev,
)
from .hasil import hasil_hitung_evaluasi, siklus_hitung_ulang
from .publikasi import publikasi_versi_terbitkan

PANJANG_ALASAN_MAKS = 2000
PANJANG_RUJUKAN_MAKS = 200


def _teks_wajib(teks: str, label: str, maks: int) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise DomainError(f"Tuliskan {label} koreksi; koreksi atas hasil final wajib {label}.")
    if len(teks) > maks:
        raise DomainError(
            f"{label.capitalize()} terlalu panjang ({len(teks)} karakter); paling banyak {maks}."
        )
    return teks


def _perubahan(
    evaluasi: Evaluasi, level_per_nomor: dict[int, int]
) -> list[tuple[Indikator, int | None, int]]:
    """(indikator, level lama, level baru) untuk setiap level yang benar-benar berubah."""
    indikator = {
        i.nomor: i for i in Indikator.objects.filter(aspek__instrumen_id=evaluasi.siklus.instrumen_id)
    }
    asing = sorted(set(level_per_nomor) - set(indikator))
    if asing:
        raise DomainError(f"Nomor indikator tidak dikenal: {', '.join(map(str, asing))}.")
    lama = dict(evaluasi.penilaian.values_list("indikator__nomor", "level"))
    hasil = []
    for nomor, level in sorted(level_per_nomor.items()):
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 5:
            raise DomainError(f"Level indikator {nomor} harus bilangan bulat 0 sampai 5.")
        if lama.get(nomor) != level:
            hasil.append((indikator[nomor], lama.get(nomor), level))
    if not hasil:
        raise DomainError("Tidak ada level yang berubah; koreksi tidak dicatat.")
    return hasil


def _terapkan(evaluasi: Evaluasi, perubahan, koreksi: KoreksiEvaluasi, oleh) -> None:
    sekarang = timezone.now()
    for indikator, lama, baru in perubahan:
        penilaian, _ = PenilaianIndikator.objects.select_for_update().get_or_create(
            evaluasi=evaluasi, indikator=indikator
        )
        penilaian.level, penilaian.dinilai_oleh, penilaian.dinilai_pada = baru, oleh, sekarang
        penilaian.save(update_fields=["level", "dinilai_oleh", "dinilai_pada"])
        RiwayatLevel.objects.create(
            penilaian=penilaian,
            level_lama=lama,
            level_baru=baru,
            alasan=f"Koreksi hasil final ({koreksi.rujukan}): {koreksi.alasan}",
            oleh=oleh,
            koreksi=koreksi,
        )


def _beri_tahu_unit(evaluasi: Evaluasi, koreksi: KoreksiEvaluasi) -> None:
    notifikasi_kirim(
        penerima=Pengguna.objects.filter(
            peran__in=PERAN_UNIT, penyelenggara=evaluasi.penyelenggara_id, is_active=True
        ),
        judul=f"Koreksi hasil evaluasi {evaluasi.siklus.tahun}",
        isi=(
            f"Biro Organisasi mengoreksi {len(koreksi.perubahan)} level ({koreksi.rujukan}). IPP "
            f"{koreksi.ipp_lama} → {koreksi.ipp_baru} ({koreksi.kategori_baru}). Alasan: {koreksi.alasan}"
        ),
        tautan=reverse("evaluasi:detail", args=[evaluasi.code]),
    )


@transaction.atomic
def evaluasi_koreksi(
    *, evaluasi: Evaluasi, level_per_nomor: dict[int, int], alasan: str, rujukan: str, oleh
) -> KoreksiEvaluasi:
    """Ubah level evaluasi final lewat koreksi beralasan dan berujukan; lihat docstring modul."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KOREKSI_HASIL, evaluasi.penyelenggara)
    # Siklus dikunci dahulu: koreksi bersamaan pada satu siklus diberi nomor versi berurutan.
    siklus = SiklusMonev.objects.select_for_update().get(pk=evaluasi.siklus_id)
    evaluasi = (
        Evaluasi.objects.select_for_update().select_related("siklus", "penyelenggara").get(pk=evaluasi.pk)
    )
    if evaluasi.status != Evaluasi.Status.FINAL:
        raise DomainError(
            "Koreksi hanya untuk evaluasi yang sudah final; evaluasi yang belum final diubah lewat penilaian "
            "F-02 pada jendela penilaian atau perbaikan."
        )
    alasan = _teks_wajib(alasan, "alasan", PANJANG_ALASAN_MAKS)
    rujukan = _teks_wajib(rujukan, "rujukan", PANJANG_RUJUKAN_MAKS)
    perubahan = _perubahan(evaluasi, level_per_nomor)
    semula = (
        HasilEvaluasi.objects.filter(evaluasi=evaluasi).values("ipp_bulat", "kategori", "peringkat").first()
    )
    semula = semula or {"ipp_bulat": None, "kategori": "", "peringkat": None}
    koreksi = KoreksiEvaluasi.objects.create(
        evaluasi=evaluasi,
        alasan=alasan,
        rujukan=rujukan,
        perubahan=[
            {"indikator": i.nomor, "kode": i.kode, "level_lama": lama, "level_baru": baru}
            for i, lama, baru in perubahan
        ],
        ipp_lama=semula["ipp_bulat"],
        ipp_baru=semula["ipp_bulat"] or 0,
        kategori_lama=semula["kategori"],
        kategori_baru=semula["kategori"] or "-",
        peringkat_lama=semula["peringkat"],
        oleh=oleh,
        pada=timezone.now(),
    )
    _terapkan(evaluasi, perubahan, koreksi, oleh)
    hasil_hitung_evaluasi(evaluasi=evaluasi)
    siklus_hitung_ulang(siklus=siklus, koreksi=True)
    hasil = HasilEvaluasi.objects.get(evaluasi=evaluasi)
    koreksi.ipp_baru, koreksi.kategori_baru, koreksi.peringkat_baru = (
        hasil.ipp_bulat,
        hasil.kategori,
        hasil.peringkat,
    )
    koreksi.save(update_fields=["ipp_baru", "kategori_baru", "peringkat_baru", "updated_at"])
    versi = None
    if siklus_final(siklus):
        versi = publikasi_versi_terbitkan(
            siklus=siklus,
            oleh=oleh,
            alasan=f"Koreksi hasil {evaluasi.penyelenggara}: {alasan}",
            rujukan=rujukan,
            koreksi=koreksi,
        )
    audit_catat(
        objek=koreksi,
        aksi="evaluasi.koreksi.dicatat",
        oleh=oleh,
        penyelenggara_id=evaluasi.penyelenggara_id,
        data={
            "evaluasi": str(evaluasi.code),
            "rujukan": rujukan,
            "alasan": alasan,
            "perubahan": koreksi.perubahan,
            "ipp": [str(koreksi.ipp_lama), str(koreksi.ipp_baru)],
            "peringkat": [koreksi.peringkat_lama, koreksi.peringkat_baru],
            "versi_publikasi": versi.nomor if versi else None,
        },
    )
    _beri_tahu_unit(evaluasi, koreksi)
    return koreksi
