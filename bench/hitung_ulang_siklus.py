"""Ukur hitung ulang hasil satu siklus (N lokus × 30 indikator) terhadap satu pernyataan SQL sekerja.

Per ukuran (bawaan 100, 1.000, 5.000 lokus), berpasangan dan berselang-seling (≥ 3 pasang):
- ``siklus_hitung_ulang`` (service: transaksi, jalur PostgreSQL = satu pernyataan ``evaluasi.skor_sql``);
- pembanding: satu pernyataan SQL yang mengerjakan hal yang sama — IPP per aspek, pembulatan setengah ke atas,
  kategori dari pita instrumen, RANK(), tulis upsert — dijalankan langsung lewat kursor dalam transaksi,
  tanpa service (selisihnya adalah biaya service itu sendiri).
Sebelum setiap anggota pasangan (di luar pengukuran) IPP semua hasil dikosongkan, sehingga setiap baris
berubah dan ditulis (kasus terberat). Dicetak juga: tanpa perubahan, jalur rujukan Python (jalur SQLite),
jumlah kueri, dan kesamaan hasil SQL dengan rujukan Python. Basis data sekali pakai ``BENCH_DB``.

    BENCH_DB=kaltim_bench_hitung .venv/bin/python bench/hitung_ulang_siklus.py [--lokus 100,1000,5000]
"""

import argparse
import random
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR), str(AKAR / "bench")]

from bersama.basis_data import basis_data_sekali_pakai, pasang_url  # noqa: E402
from bersama.lingkungan import pasang_produksi  # noqa: E402
from bersama.mesin import Pantau  # noqa: E402
from bersama.ukur import berpasangan, ringkas, sasaran, sekali  # noqa: E402

SASARAN_RASIO = 1.5  # issue 17: ≤ 1,5× pembanding di setiap ukuran


def isi_siklus(tahun: int, unit: list, rng: random.Random):
    from datetime import date

    from evaluasi.models import Evaluasi, Indikator, InstrumenVersi, PenilaianIndikator, SiklusMonev

    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    hari = date(tahun, 1, 1)
    jendela = {f"{f}_{b}": hari for f in ("pengisian", "penilaian", "perbaikan", "finalisasi") for b in ("mulai", "selesai")}  # fmt: skip # noqa: E501
    siklus = SiklusMonev.objects.create(tahun=tahun, nama=f"Bench {tahun}", instrumen=instrumen, **jendela)
    status = [Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL, Evaluasi.Status.DIAJUKAN]
    evaluasi = Evaluasi.objects.bulk_create(
        Evaluasi(siklus=siklus, penyelenggara=u, status=status[n % 3]) for n, u in enumerate(unit)
    )
    indikator = list(Indikator.objects.filter(aspek__instrumen=instrumen, suplemen=False))
    PenilaianIndikator.objects.bulk_create(
        (
            PenilaianIndikator(evaluasi=e, indikator=i, level=rng.randint(0, 5))
            for e in evaluasi
            for i in indikator
        ),
        batch_size=5000,
    )
    return siklus


def pembanding(siklus):
    """Satu pernyataan SQL yang sama kerjanya, langsung lewat kursor (pemanggil membuka transaksinya)."""
    from django.db import connection
    from django.utils import timezone

    from evaluasi.skor_sql import _SQL, STATUS_BERPERINGKAT

    with connection.cursor() as kursor:
        kursor.execute(
            _SQL,
            {
                "siklus": siklus.pk,
                "instrumen": siklus.instrumen_id,
                "berperingkat": STATUS_BERPERINGKAT,
                "waktu": timezone.now(),
            },  # fmt: skip
        )
        return kursor.fetchone()[0]


def hasil_siklus(siklus) -> dict:
    from evaluasi.models import HasilEvaluasi

    kolom = ("evaluasi_id", "ipp", "ipp_bulat", "kategori", "predikat", "peringkat", "nilai_aspek")
    return {h[0]: h[1:] for h in HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).values_list(*kolom)}


def kosongkan(siklus):
    from evaluasi.models import HasilEvaluasi

    HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).update(ipp=0)


def jumlah_kueri(fungsi) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as kueri:
        fungsi()
    return len(kueri)


def ukur_ukuran(siklus, ulang: int) -> dict:
    from django.db import transaction

    from evaluasi.services import siklus_hitung_ulang
    from evaluasi.services.hasil import siklus_hitung_ulang_python

    layanan = lambda: siklus_hitung_ulang(siklus=siklus)  # noqa: E731
    siklus_hitung_ulang(siklus=siklus)  # pemanasan: semua hasil tercipta

    def dengan_transaksi(fungsi):
        def jalankan():
            with transaction.atomic():
                fungsi()

        return jalankan

    persiapan = lambda: kosongkan(siklus)  # noqa: E731
    a, b, rasio, ca, cb = berpasangan(
        layanan,
        dengan_transaksi(lambda: pembanding(siklus)),
        ulang,
        persiapan_a=persiapan,
        persiapan_b=persiapan,
    )
    tetap = [sekali(layanan)[0] for _ in range(ulang)]
    python = [sekali(lambda: siklus_hitung_ulang_python(siklus=siklus), persiapan)[0] for _ in range(ulang)]
    acuan = hasil_siklus(siklus)  # sesudah jalur Python
    kosongkan(siklus)
    siklus_hitung_ulang(siklus=siklus)
    sama = hasil_siklus(siklus) == acuan
    kosongkan(siklus)
    q_layanan = jumlah_kueri(layanan)
    kosongkan(siklus)
    q_pembanding = jumlah_kueri(lambda: pembanding(siklus))
    return {"layanan": a, "pembanding": b, "rasio": rasio, "cpu_a": ca, "cpu_b": cb, "tetap": tetap,
            "python": python, "sama": sama, "q_layanan": q_layanan, "q_pembanding": q_pembanding}  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lokus", default="100,1000,5000", help="ukuran dipisah koma")
    parser.add_argument("--ulang", type=int, default=3)
    args = parser.parse_args()
    ukuran = [int(x) for x in args.lokus.split(",")]
    ulang = max(3, args.ulang)

    import django

    django.setup()
    from kode_etik.models import Penyelenggara

    hasil = {}
    with basis_data_sekali_pakai(NAMA_DB), Pantau(NAMA_DB) as pantau:
        rng = random.Random(1)  # noqa: S311
        unit = Penyelenggara.objects.bulk_create(
            Penyelenggara(kode=f"PD-{i:05d}", nama=f"Unit {i:05d}") for i in range(max(ukuran))
        )
        for n, jumlah in enumerate(ukuran):
            hasil[jumlah] = ukur_ukuran(isi_siklus(2030 + n, unit[:jumlah], rng), ulang)

    print(
        f"Basis data {NAMA_DB} (PostgreSQL, DEBUG=False); 30 indikator per lokus; {ulang} pasang per ukuran"
    )
    print(pantau.laporan())
    gagal = []
    for jumlah, h in hasil.items():
        median = sorted(h["rasio"])[len(h["rasio"]) // 2]
        if median > SASARAN_RASIO or not h["sama"]:
            gagal.append(str(jumlah))
        print(f"  {jumlah} lokus:")
        print(f"    siklus_hitung_ulang (semua berubah): {ringkas(h['layanan'])} ms, {h['q_layanan']} kueri")
        pembanding_ms = ringkas(h["pembanding"])
        print(f"    satu pernyataan SQL (pembanding)   : {pembanding_ms} ms, {h['q_pembanding']} kueri")
        print(f"    rasio per pasang                   : {ringkas(h['rasio'], lambda x: f'{x:.2f}×')}")
        print(f"    tanpa perubahan (tidak ada tulisan): {ringkas(h['tetap'])} ms")
        print(f"    jalur rujukan Python (SQLite)      : {ringkas(h['python'])} ms")
        print(f"    hasil SQL = rujukan Python         : {'ya' if h['sama'] else 'TIDAK'}")
    print(sasaran(f"Sasaran: rasio median ≤ {SASARAN_RASIO}× di setiap ukuran dan hasil sama", not gagal))


if __name__ == "__main__":
    pasang_produksi("kaltim-bench-hitung-")
    NAMA_DB = pasang_url("kaltim_bench_hitung")
    main()
