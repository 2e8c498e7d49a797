"""Ukur render PDF: satu Laporan Hasil Evaluasi dan satu Rekap Provinsi N lokus (bawaan 1.000).

Per dokumen, berpasangan dan berselang-seling (alur penuh, lalu WeasyPrint saja, diulang ≥ 3 kali):
- alur penuh = ``dokumen_proses``: tandai diproses, susun konteks, baca grafik tersimpan, templat,
  WeasyPrint, simpan berkas, tandai selesai;
- pembanding = WeasyPrint saja atas HTML yang sama yang sudah jadi.
Dicetak min / median waktu dinding dan CPU proses, rasio per pasangan, halaman dan ukuran berkas. Grafik
sudah tersimpan seperti di produksi (tugas penyiapan berjalan sesudah hitung ulang); ``--grafik-dingin``
mengosongkan simpanan grafik sebelum setiap alur penuh. RSS puncak Rekap diukur di proses baru yang hanya
merender Rekap itu. Setelan produksi (DEBUG=False), basis data sekali pakai ``BENCH_DB``.

    BENCH_DB=kaltim_bench_dokumen .venv/bin/python bench/dokumen_pdf.py [--lokus 1000] [--ulang 3]
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(AKAR), str(AKAR / "bench")]

from bersama.basis_data import basis_data_sekali_pakai, pasang_url  # noqa: E402
from bersama.lingkungan import pasang_produksi  # noqa: E402
from bersama.mesin import Pantau  # noqa: E402
from bersama.ukur import berpasangan, ringkas, sasaran  # noqa: E402

# Sasaran issue 17.
SASARAN_LAPORAN_MS = 600
SASARAN_OVERHEAD = 1.05
SASARAN_REKAP_MS = 4000
SASARAN_REKAP_MB = 300

CATATAN = "Dokumen pendukung sesuai, namun belum menunjukkan publikasi rutin di seluruh kanal layanan."
REKOMENDASI = (
    "Susun jadwal publikasi bulanan dan dokumentasikan tangkapan layar bertanggal pada setiap kanal."
)


def _jendela(tahun: int) -> dict:
    from datetime import date

    hari = date(tahun, 1, 1)
    return {f"{f}_{b}": hari for f in ("pengisian", "penilaian", "perbaikan", "finalisasi") for b in ("mulai", "selesai")}  # fmt: skip # noqa: E501


def isi_siklus(tahun: int, unit: list, rng: random.Random):
    """Siklus ``tahun`` dengan semua ``unit`` final (level acak, catatan dan rekomendasi), dihitung ulang dan
    grafiknya disiapkan seperti tugas hitung ulang di produksi."""
    from evaluasi.grafik import grafik_siklus_siapkan
    from evaluasi.models import Evaluasi, Indikator, InstrumenVersi, PenilaianIndikator, SiklusMonev
    from evaluasi.services import siklus_hitung_ulang

    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    siklus = SiklusMonev.objects.create(tahun=tahun, nama=f"Monev PEKPPP {tahun}", instrumen=instrumen,
                                        **_jendela(tahun))  # fmt: skip
    evaluasi = Evaluasi.objects.bulk_create(
        Evaluasi(siklus=siklus, penyelenggara=u, status=Evaluasi.Status.FINAL) for u in unit
    )
    indikator = list(Indikator.objects.filter(aspek__instrumen=instrumen, suplemen=False))
    PenilaianIndikator.objects.bulk_create(
        (
            PenilaianIndikator(
                evaluasi=e, indikator=i, level=rng.randint(1, 5), catatan=CATATAN, rekomendasi=REKOMENDASI
            )  # fmt: skip
            for e in evaluasi
            for i in indikator
        ),
        batch_size=5000,
    )
    siklus_hitung_ulang(siklus=siklus)
    grafik_siklus_siapkan(siklus)
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


def ukur_dokumen(jenis: str, subjek, oleh, ulang: int, grafik_dingin: bool) -> dict:
    from pypdf import PdfReader

    from kaltim_yanlik.core.dokumen import dokumen_minta, dokumen_proses, susun_html
    from kaltim_yanlik.core.models import DokumenPDF, GrafikTersimpan
    from kaltim_yanlik.core.pdf import html_ke_pdf

    dokumen = dokumen_minta(jenis=jenis, subjek=subjek, oleh=oleh)  # eager: render pertama (pemanasan)
    dokumen.refresh_from_db()
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    html = susun_html(DokumenPDF.objects.get(pk=dokumen.pk))
    if os.environ.get("BENCH_SIMPAN_HTML"):
        Path(os.environ["BENCH_SIMPAN_HTML"], f"{jenis}.html").write_text(html)

    def antrekan_lagi():
        if grafik_dingin:
            GrafikTersimpan.objects.all().delete()
        DokumenPDF.objects.filter(pk=dokumen.pk).update(status=DokumenPDF.Status.ANTRI)

    penuh, wp, rasio, cpu_penuh, cpu_wp = berpasangan(
        lambda: dokumen_proses(dokumen_id=dokumen.pk),
        lambda: html_ke_pdf(html),
        ulang,
        persiapan_a=antrekan_lagi,
    )
    dokumen.refresh_from_db()
    with dokumen.berkas.open("rb") as berkas:
        halaman = len(PdfReader(berkas).pages)
    return {"id": dokumen.pk, "penuh": penuh, "wp": wp, "rasio": rasio, "cpu_penuh": cpu_penuh,
            "cpu_wp": cpu_wp, "halaman": halaman, "ukuran": dokumen.ukuran}  # fmt: skip


def rss_proses_baru(dokumen_id: int) -> dict:
    """Render satu dokumen di proses Python baru; RSS puncak dan waktunya (tanpa sisa render sebelumnya)."""
    keluaran = subprocess.run(  # noqa: S603 — perintah tetap bench ini sendiri
        [sys.executable, __file__, "--anak", str(dokumen_id)], capture_output=True, text=True, check=True,
        env=dict(os.environ),
    )  # fmt: skip
    return json.loads(keluaran.stdout.strip().splitlines()[-1])


def anak(dokumen_id: int) -> None:
    import django

    django.setup()
    from kaltim_yanlik.core.dokumen import dokumen_proses
    from kaltim_yanlik.core.models import DokumenPDF

    DokumenPDF.objects.filter(pk=dokumen_id).update(status=DokumenPDF.Status.ANTRI)
    mulai = time.perf_counter()
    dokumen = dokumen_proses(dokumen_id=dokumen_id)
    detik = time.perf_counter() - mulai
    assert dokumen.status == DokumenPDF.Status.SELESAI, dokumen.alasan_gagal
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss_mb": rss, "detik": detik}))


def _median(nilai: list[float]) -> float:
    return sorted(nilai)[len(nilai) // 2]


def cetak(nama: str, h: dict, sasaran_ms: float | None, sasaran_rasio: float | None) -> None:
    rasio_cpu = [a / b for a, b in zip(h["cpu_penuh"], h["cpu_wp"], strict=True)]
    pasang = len(h["penuh"])
    print(f"  {nama}: {h['halaman']} halaman, {h['ukuran'] / 1024:.0f} KB; {pasang} pasang berselang-seling")
    print(f"    alur penuh (dokumen_proses) : {ringkas(h['penuh'])} ms (CPU {ringkas(h['cpu_penuh'])} ms)")
    print(f"    WeasyPrint saja, HTML sama  : {ringkas(h['wp'])} ms (CPU {ringkas(h['cpu_wp'])} ms)")
    print(f"    rasio penuh / WeasyPrint    : dinding {ringkas(h['rasio'], _kali)}")
    print(f"                                  CPU {ringkas(rasio_cpu, _kali)}")
    if sasaran_ms is not None:
        terbaik = min(h["penuh"]) * 1000
        print("    " + sasaran(f"sasaran < {sasaran_ms:.0f} ms: min {terbaik:.0f} ms", terbaik < sasaran_ms))
    if sasaran_rasio is not None:
        kini = _median(h["rasio"])
        print(
            "    "
            + sasaran(f"sasaran overhead ≤ {sasaran_rasio:.2f}×: median {kini:.3f}×", kini <= sasaran_rasio)
        )


def _kali(x: float) -> str:
    return f"{x:.3f}×"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lokus", type=int, default=1000)
    parser.add_argument("--ulang", type=int, default=3, help="pasangan berselang-seling per dokumen (≥ 3)")
    parser.add_argument(
        "--grafik-dingin", action="store_true", help="kosongkan simpanan grafik tiap alur penuh"
    )
    parser.add_argument("--anak", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.anak:
        return anak(args.anak)

    import django

    django.setup()
    from akun.models import Pengguna
    from kode_etik.models import Penyelenggara

    nama_db = os.environ["BENCH_DB_AKTIF"]
    with basis_data_sekali_pakai(nama_db):
        rng = random.Random(7)  # noqa: S311
        unit = Penyelenggara.objects.bulk_create(
            Penyelenggara(kode=f"PD-{i:05d}", nama=f"Dinas Pelayanan Publik Contoh Nomor {i:05d}")
            for i in range(args.lokus)
        )
        isi_siklus(2025, unit, rng)
        siklus, evaluasi = isi_siklus(2026, unit, rng)
        isi_bukti(evaluasi[0])
        biro = Pengguna.objects.create_user("bench-biro", password=None, peran="biro", nama="Evaluator Bench")
        with Pantau(nama_db) as pantau:
            lap = ukur_dokumen(
                "laporan-hasil-evaluasi", evaluasi[0], biro, max(3, args.ulang), args.grafik_dingin
            )
            rekap = ukur_dokumen("rekap-provinsi", siklus, biro, max(3, args.ulang), args.grafik_dingin)
            rss = [rss_proses_baru(rekap["id"]) for _ in range(3)]

    keadaan = "dikosongkan tiap alur (dingin)" if args.grafik_dingin else "tersimpan (seperti produksi)"
    print(f"Basis data {nama_db} (PostgreSQL, DEBUG=False); {args.lokus} lokus; grafik {keadaan}")
    print(pantau.laporan())
    cetak("Laporan Hasil Evaluasi", lap, SASARAN_LAPORAN_MS, SASARAN_OVERHEAD)
    cetak(f"Rekap Provinsi {args.lokus} lokus", rekap, SASARAN_REKAP_MS, None)
    mb = [r["rss_mb"] for r in rss]
    print(f"    RSS puncak proses baru yang hanya merender Rekap: {ringkas(mb, lambda x: f'{x:.0f} MB')} "
          f"(render {ringkas([r['detik'] for r in rss])} ms)")  # fmt: skip
    print(
        "    "
        + sasaran(f"sasaran < {SASARAN_REKAP_MB} MB: maks {max(mb):.0f} MB", max(mb) < SASARAN_REKAP_MB)
    )


if __name__ == "__main__":
    if "--anak" not in sys.argv:
        pasang_produksi("kaltim-bench-pdf-")
        os.environ["BENCH_DB_AKTIF"] = pasang_url("kaltim_bench_dokumen")
    main()
