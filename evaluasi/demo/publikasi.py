"""Demo publikasi: siklus 2025 yang sudah selesai dan dipublikasikan, untuk semua lokus siklus 2026.

Dengan siklus ini halaman publik ``/hasil/`` berisi, dan siklus 2026 mendapat pembanding (perubahan IPP per
unit, sebaran kategori tahun lalu). Nilainya acak yang wajar dan rata-rata sedikit lebih rendah daripada 2026.
Didaftarkan di ``evaluasi/demo/__init__.py`` dengan urutan 38: sebelum siklus 2026 (40), sesudah unit.
"""

import random
from datetime import date, datetime, time

from django.utils import timezone

from akun.models import Pengguna

from .. import services
from ..models import Evaluasi, Indikator, PenilaianIndikator, RiwayatLevel, SiklusMonev
from ..selectors import instrumen_terbaru

TAHUN_LALU = 2025
# Jendela 2025 yang seluruhnya sudah lewat: tidak ada pengisian atau penilaian yang masih dapat berjalan.
JENDELA_LALU = {
    "pengisian_mulai": date(2025, 3, 3),
    "pengisian_selesai": date(2025, 5, 30),
    "penilaian_mulai": date(2025, 6, 2),
    "penilaian_selesai": date(2025, 8, 29),
    "perbaikan_mulai": date(2025, 9, 1),
    "perbaikan_selesai": date(2025, 9, 30),
    "finalisasi_mulai": date(2025, 10, 1),
    "finalisasi_selesai": date(2025, 11, 28),
}
CATATAN = {True: "Sesuai bukti dukung yang diunggah.", False: "Bukti dukung belum memenuhi unsur indikator."}
REKOMENDASI = "Lengkapi bukti dukung dan tingkatkan pemenuhan unsur indikator."
# Geser level per aspek (menurut urutannya) agar rata-rata aspek berbeda seperti pada hasil nyata: kebijakan
# dan SDM lebih matang, sistem informasi dan inovasi tertinggal.
CONDONG_ASPEK = {1: 0.4, 2: 0.3, 3: 0.1, 4: -0.4, 5: 0.0, 6: -0.6}


def _waktu(tanggal: date):
    return timezone.make_aware(datetime.combine(tanggal, time(10, 0)))


def _level_acak(rng: random.Random, dasar: float) -> int:
    return max(0, min(5, round(rng.gauss(dasar, 0.8))))


def _penilaian(evaluasi_ids, indikator, biro, rng) -> list[PenilaianIndikator]:
    """Level F-02 setiap indikator: tiap lokus punya tingkat kematangan sendiri, indikatornya menyebar."""
    pada = _waktu(JENDELA_LALU["penilaian_mulai"])
    baris = []
    for evaluasi_id in evaluasi_ids:
        dasar = rng.uniform(1.7, 3.5)
        for indikator_id, urutan_aspek in indikator:
            level = _level_acak(rng, dasar + CONDONG_ASPEK.get(urutan_aspek, 0))
            baris.append(
                PenilaianIndikator(
                    evaluasi_id=evaluasi_id,
                    indikator_id=indikator_id,
                    level=level,
                    catatan=CATATAN[level >= 3],
                    rekomendasi="" if level >= 4 else REKOMENDASI,
                    dinilai_oleh=biro,
                    dinilai_pada=pada,
                )
            )
    return baris


def _nilai_dan_finalkan(siklus: SiklusMonev, biro, rng: random.Random) -> None:
    """Isi F-02 sekaligus dan tetapkan semua evaluasi final langsung.

    Jendela 2025 sudah tertutup, sehingga service alur (ajukan, nilai, finalkan) akan menolak dengan benar;
    demo menulis keadaan akhirnya secara langsung dan dalam jumlah besar (51 lokus × 30 indikator) agar cepat.
    Hasil dan peringkat tetap dihitung oleh service yang sama dengan portal.
    """
    indikator = Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False).order_by("nomor")
    evaluasi_ids = list(siklus.evaluasi.order_by("penyelenggara__kode").values_list("pk", flat=True))
    penilaian = PenilaianIndikator.objects.bulk_create(
        _penilaian(evaluasi_ids, list(indikator.values_list("pk", "aspek__urutan")), biro, rng)
    )
    RiwayatLevel.objects.bulk_create(
        RiwayatLevel(penilaian=p, level_baru=p.level, alasan="Penilaian pertama.", oleh=biro)
        for p in penilaian
    )
    siklus.evaluasi.update(
        status=Evaluasi.Status.FINAL,
        diajukan_pada=_waktu(JENDELA_LALU["pengisian_selesai"]),
        dinilai_pada=_waktu(JENDELA_LALU["penilaian_selesai"]),
        final_pada=_waktu(JENDELA_LALU["finalisasi_mulai"]),
    )


def siklus_lalu_demo(konteks):
    if SiklusMonev.objects.filter(tahun=TAHUN_LALU).exists():
        return
    biro = Pengguna.objects.get(username="biro")
    siklus = SiklusMonev(
        tahun=TAHUN_LALU,
        nama=f"Monev PEKPPP Tahun {TAHUN_LALU}",
        instrumen=instrumen_terbaru(),
        **JENDELA_LALU,
    )
    siklus = services.siklus_buka(siklus=siklus, oleh=biro)
    _nilai_dan_finalkan(siklus, biro, random.Random(TAHUN_LALU))  # noqa: S311 (data demo deterministik)
    services.siklus_publikasikan(siklus=siklus, oleh=biro)
    koreksi = _koreksi_demo(siklus, biro)
    _tanggal_terbit_demo(siklus, koreksi)
    konteks["stdout"].write(
        f"Siklus {siklus}: {siklus.evaluasi.count()} lokus final, dipublikasikan; koreksi atas "
        f"{koreksi.evaluasi.penyelenggara} menerbitkan versi 2"
    )


# Tanggal demo yang masuk akal: terbit setelah jendela finalisasi 2025 ditutup, dikoreksi dua bulan kemudian.
TERBIT_LALU, KOREKSI_LALU = date(2025, 12, 10), date(2026, 2, 16)


def _tanggal_terbit_demo(siklus: SiklusMonev, koreksi) -> None:
    """Data demo saja: tanggal publikasi dan koreksi yang wajar, bukan saat demo dimuat."""
    SiklusMonev.objects.filter(pk=siklus.pk).update(dipublikasikan_pada=_waktu(TERBIT_LALU))
    siklus.versi_publikasi.filter(nomor=1).update(diterbitkan_pada=_waktu(TERBIT_LALU))
    siklus.versi_publikasi.filter(nomor=2).update(diterbitkan_pada=_waktu(KOREKSI_LALU))
    type(koreksi).objects.filter(pk=koreksi.pk).update(pada=_waktu(KOREKSI_LALU))


def _koreksi_demo(siklus: SiklusMonev, biro):
    """Satu koreksi setelah terbit, agar halaman publik 2025 menunjukkan versi 2 beserta alasannya."""
    evaluasi = (
        siklus.evaluasi.select_related("siklus", "penyelenggara", "hasil")
        .order_by("hasil__peringkat")[2:3]
        .get()
    )
    level = dict(
        evaluasi.penilaian.filter(indikator__nomor__in=(2, 5)).values_list("indikator__nomor", "level")
    )
    return services.evaluasi_koreksi(
        evaluasi=evaluasi,
        level_per_nomor={nomor: min(5, lama + 2) for nomor, lama in level.items()},
        alasan=(
            "Bukti forum konsultasi publik dan maklumat pelayanan yang sah sudah diunggah sebelum batas "
            "pengisian, tetapi terlewat saat penilaian."
        ),
        rujukan="Berita Acara Koreksi Hasil Monev Nomor 700.1/045/BA-Ortal/2026",
        oleh=biro,
    )
