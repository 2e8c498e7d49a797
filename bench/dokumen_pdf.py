"""Ukur render PDF: satu Laporan Hasil Evaluasi dan satu Rekap Provinsi 1.000 lokus, lewat alur penuh.

Alur penuh = ``dokumen_proses`` (tandai diproses, susun konteks dan grafik, template, WeasyPrint, simpan
berkas, tandai selesai). Pembanding = WeasyPrint saja atas HTML yang sama yang sudah jadi. Cache grafik
dikosongkan sebelum setiap ulangan agar grafik benar-benar digambar. Membuat basis data uji sementara pada
DATABASE_URL (bawaan: PostgreSQL lokal) dan menghapusnya di akhir.

    .venv/bin/python bench/dokumen_pdf.py [--lokus 1000] [--ulang 5]

Sasaran (issue): laporan < 1,5 s dengan rasio overhead < 1,3; rekap 1.000 lokus < 20 s dan < 500 MB.
"""

import argparse
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaltim_yanlik.settings_test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kaltim_bench")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

CATATAN = "Dokumen pendukung sesuai, namun belum menunjukkan publikasi rutin di seluruh kanal layanan."
REKOMENDASI = (
    "Susun jadwal publikasi bulanan dan dokumentasikan tangkapan layar bertanggal pada setiap kanal."
)


def _jendela(tahun: int) -> dict:
    from datetime import date

    hari = date(tahun, 1, 1)
    return {
        f"{f}_{b}": hari
        for f in ("pengisian", "penilaian", "perbaikan", "finalisasi")
        for b in ("mulai", "selesai")
    }


def isi_siklus(tahun: int, unit: list, rng: random.Random):
    """Siklus ``tahun`` dengan semua ``unit`` dinilai (level acak, catatan dan rekomendasi), lalu dihitung."""
    from evaluasi.models import Evaluasi, Indikator, InstrumenVersi, PenilaianIndikator, SiklusMonev
    from evaluasi.services import siklus_hitung_ulang

    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    siklus = SiklusMonev.objects.create(
        tahun=tahun, nama=f"Monev PEKPPP {tahun}", instrumen=instrumen, **_jendela(tahun)
    )
    evaluasi = Evaluasi.objects.bulk_create(
        Evaluasi(siklus=siklus, penyelenggara=u, status=Evaluasi.Status.FINAL) for u in unit
    )
    indikator = list(Indikator.objects.filter(aspek__instrumen=instrumen, suplemen=False))
    PenilaianIndikator.objects.bulk_create(
        (
            PenilaianIndikator(
                evaluasi=e, indikator=i, level=rng.randint(1, 5), catatan=CATATAN, rekomendasi=REKOMENDASI
            )
            for e in evaluasi
            for i in indikator
        ),
        batch_size=5000,
    )
    siklus_hitung_ulang(siklus=siklus)
    return siklus, evaluasi


def isi_bukti(evaluasi, jumlah: int = 60):
    from evaluasi.models import BuktiDukung, SlotBukti

    slot = list(SlotBukti.objects.filter(indikator__aspek__instrumen=evaluasi.siklus.instrumen))
    BuktiDukung.objects.bulk_create(
        BuktiDukung(
            evaluasi=evaluasi, slot=slot[i % len(slot)], berkas=f"bukti/x/{i}.pdf",
            nama_asli=f"Dokumen bukti {i}.pdf", jenis_isi="application/pdf", ukuran=120_000 + i,
            berlaku_tanggal="2026-01-15",
        )
        for i in range(jumlah)
    )  # fmt: skip


def ukur(fungsi, ulang: int, persiapan=lambda: None) -> float:
    waktu = []
    for _ in range(ulang):
        persiapan()
        mulai = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - mulai)
    return statistics.median(waktu)


def ukur_dokumen(jenis: str, subjek, oleh, ulang: int) -> tuple[float, float, int, int]:
    """(median alur penuh, WeasyPrint saja, susun HTML saja, jumlah halaman, ukuran) untuk satu dokumen."""
    from pypdf import PdfReader

    from kaltim_yanlik.core.dokumen import dokumen_minta, dokumen_proses, susun_html
    from kaltim_yanlik.core.models import DokumenPDF
    from kaltim_yanlik.core.pdf import html_ke_pdf

    dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)  # eager: render pertama (pemanasan)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal

    def antrekan_lagi():
        cache.clear()
        DokumenPDF.objects.filter(pk=dokumen.pk).update(status=DokumenPDF.Status.ANTRI)

    penuh = ukur(lambda: dokumen_proses(dokumen_id=dokumen.pk), ulang, persiapan=antrekan_lagi)
    terkini = DokumenPDF.objects.get(pk=dokumen.pk)
    susun = ukur(lambda: susun_html(terkini), ulang, persiapan=cache.clear)
    html = susun_html(terkini)
    if os.environ.get("BENCH_SIMPAN_HTML"):
        Path(os.environ["BENCH_SIMPAN_HTML"], f"{jenis}.html").write_text(html)
    hanya_weasyprint = ukur(lambda: html_ke_pdf(html), ulang)
    dokumen.refresh_from_db()
    with dokumen.berkas.open("rb") as berkas:
        halaman = len(PdfReader(berkas).pages)
    return penuh, hanya_weasyprint, susun, halaman, dokumen.ukuran


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lokus", type=int, default=1000)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()

    from akun.models import Pengguna
    from kode_etik.models import Penyelenggara

    setup_test_environment()
    nama_asli = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rng = random.Random(7)  # noqa: S311
        unit = Penyelenggara.objects.bulk_create(
            Penyelenggara(kode=f"PD-{i:05d}", nama=f"Dinas Pelayanan Publik Contoh Nomor {i:05d}")
            for i in range(args.lokus)
        )
        isi_siklus(2025, unit, rng)
        siklus, evaluasi = isi_siklus(2026, unit, rng)
        isi_bukti(evaluasi[0])
        biro = Pengguna.objects.create_user("bench-biro", password=None, peran="biro", nama="Evaluator Bench")
        rss_awal = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        lap = ukur_dokumen("laporan-hasil-evaluasi", evaluasi[0], biro, args.ulang)
        rekap = ukur_dokumen("rekap-provinsi", siklus, biro, max(1, args.ulang // 2))
        rss_akhir = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        print(f"Basis data: {connection.vendor}; inti CPU: {os.cpu_count()}; ulangan: {args.ulang}")
        for nama, (penuh, wp, susun, halaman, ukuran) in (
            ("Laporan Hasil Evaluasi", lap),
            (f"Rekap Provinsi {args.lokus} lokus", rekap),
        ):
            print(f"  {nama}: {halaman} halaman, {ukuran / 1024:.0f} KB")
            print(
                f"    alur penuh (konteks+grafik+template+WeasyPrint+simpan): median {penuh * 1000:8.0f} ms"
            )
            print(f"    WeasyPrint saja atas HTML yang sama                  : median {wp * 1000:8.0f} ms")
            print(f"    susun HTML saja (kueri, grafik, template)             : {susun * 1000:8.0f} ms")
            print(f"    rasio overhead                                        : {penuh / wp:.2f}×")
        print(f"  RSS puncak proses: {rss_akhir:.0f} MB (sebelum render {rss_awal:.0f} MB)")
    finally:
        connection.creation.destroy_test_db(nama_asli, verbosity=0)


if __name__ == "__main__":
    main()
