"""Uji beban: portal di gunicorn + PostgreSQL + worker Celery sungguhan, 50 pengguna selama 60 s.

Langkah: (1) buat ulang basis data ``kaltim_beban``, migrasi, data demo, perbesar menjadi 1.000 lokus
(Penyelenggara dengan Evaluasi di siklus berjalan) beserta akun Biro dan Kepala/Operator per unit;
(2) collectstatic ke folder sementara, jalankan gunicorn (2 worker gthread) di 127.0.0.1 dengan setelan
produksi (DEBUG=False; hanya pengalihan HTTPS dan cookie aman yang dimatikan karena tanpa TLS) dan satu
worker Celery pada Redis db khusus; (3) pengguna maya masuk lewat formulir login, lalu berulang memilih
campuran berbobot (beranda, daftar, ringkasan evaluasi, simpan F-01, unggah bukti PDF, minta PDF, pantau
status) dengan jeda pikir acak (lingkar tertutup, bawaan), atau — ``--mode terbuka`` — skenario yang tiba pada
laju tetap ``--laju`` per detik tanpa jeda pikir, diukur sejak jadwal kedatangannya (lingkar terbuka:
server yang lambat tidak memperlambat datangnya beban); (4) cetak rps, p50/p95/p99 dan galat per aksi dan
keseluruhan, CPU setiap pihak dan proses lain di mesin (putaran bising terlihat), dan tabel kueri per
halaman yang diukur di proses dengan lingkungan server yang sama (DEBUG=False). Semua proses yang dimulai
bench dihentikan di akhir, juga saat Ctrl+C atau galat.

    .venv/bin/python bench/beban.py [--mode tertutup|terbuka] [--laju 15] [--pengguna 50] [--durasi 60]

Basis data: server dan kredensial dari DATABASE_URL (bawaan PostgreSQL lokal), nama basis data selalu
``BEBAN_DB`` (bawaan ``kaltim_bench_beban``) karena basis data itu DIHAPUS dan dibuat ulang;
BEBAN_DATABASE_URL menimpa seluruhnya. Redis: BEBAN_REDIS_URL (bawaan redis://127.0.0.1:6379/14, db ini
dikosongkan). Port gunicorn: port bebas pilihan sistem (tidak bertabrakan dengan bench atau uji lain).
Sasaran (issue 17): 0 galat, p95 keseluruhan < 300 ms.
"""

import argparse
import os
import secrets
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(AKAR))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from beban_lib import cpu, proses  # noqa: E402
from beban_lib.statistik import JUDUL_TABEL, Pencatat, baris_tabel, per_aksi, ringkas  # noqa: E402

SASARAN_P95_MD = 300
URL_DB_BAWAAN = "postgres://postgres@127.0.0.1:5432/kaltim_bench_beban"


def url_basis_data() -> str:
    if os.environ.get("BEBAN_DATABASE_URL"):
        return os.environ["BEBAN_DATABASE_URL"]
    # Hanya server dan kredensial dari DATABASE_URL: `make bench` memberi DATABASE_URL basis data uji
    # bersama, dan basis data bench dihapus-buat ulang, jadi namanya tidak pernah diambil dari sana.
    dasar = urlsplit(os.environ.get("DATABASE_URL") or URL_DB_BAWAAN)
    if not dasar.scheme.startswith("postgres"):
        dasar = urlsplit(URL_DB_BAWAAN)
    return dasar._replace(path="/" + os.environ.get("BEBAN_DB", "kaltim_bench_beban"), query="").geturl()


def argumen():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=["tertutup", "terbuka"], default="tertutup")
    parser.add_argument("--laju", type=float, default=15, help="mode terbuka: skenario tiba per detik")
    parser.add_argument("--pengguna", type=int, default=50, help="pengguna maya (sesi login)")
    parser.add_argument("--biro", type=int, default=5, help="berapa di antaranya evaluator Biro")
    parser.add_argument("--durasi", type=float, default=60, help="detik jendela ukur")
    parser.add_argument("--pemanasan", type=float, default=5, help="detik setelah semua masuk, tidak diukur")
    parser.add_argument("--lokus", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4, help="thread per worker gunicorn (1 = sync)")
    parser.add_argument(
        "--conn-max-age", type=int, default=60, help="CONN_MAX_AGE server (0 = koneksi baru per permintaan)"
    )
    parser.add_argument(
        "--nice-worker", type=int, default=10, help="prioritas CPU worker Celery lebih rendah dari web"
    )
    parser.add_argument("--jeda", type=float, nargs=2, default=(0.5, 1.5), metavar=("MIN", "MAKS"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tunggu-pdf", type=float, default=120, help="batas detik menunggu antrean PDF")
    parser.add_argument(
        "--wajib-lolos", action="store_true", help="kode keluar 1 bila sasaran (0 galat, p95) tidak tercapai"
    )
    args = parser.parse_args()
    if not 0 <= args.biro < args.pengguna:
        parser.error("--biro harus lebih kecil dari --pengguna")
    return args


def siapkan_lingkungan_proses(folder: Path, url_db: str) -> None:
    """Lingkungan proses bench sendiri (persiapan data): Celery eager, e-mail di memori."""
    for nama in ("REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
        os.environ.pop(nama, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kaltim_yanlik.settings",
        DATABASE_URL=url_db,
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
    )


def lingkungan_server(url_db: str, redis_url: str, conn_max_age: int) -> dict:
    """Setelan produksi lewat lingkungan (seperti env.example), hanya tanpa TLS."""
    env = dict(os.environ)
    env.update(
        CONN_MAX_AGE=str(conn_max_age),
        DEBUG="False",
        # Pengguna maya masuk dengan kata sandi saja; verifikasi dua langkah diuji di akun/tests.
        WAJIB_2FA="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="False",
        SESSION_COOKIE_SECURE="False",
        CSRF_COOKIE_SECURE="False",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=url_db,
        REDIS_URL=redis_url,
        CELERY_BROKER_URL=redis_url,
        CELERY_RESULT_BACKEND=redis_url,
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def siapkan_data(args, url_db: str):
    from beban_lib import data

    mulai = time.perf_counter()
    nama = data.buat_ulang_basis_data(url_db)
    import django

    django.setup()
    keluaran_demo = data.muat_demo()
    demo_selesai = time.perf_counter()
    skenario = data.perbesar(
        jumlah_lokus=args.lokus,
        jumlah_biro=args.biro,
        jumlah_unit_maya=args.pengguna - args.biro,
        seed=args.seed,
    )
    from django.db import connections

    connections.close_all()
    selesai = time.perf_counter()
    siklus = [b for b in keluaran_demo.splitlines() if b.startswith("Siklus")]
    print(f"Basis data {nama}: migrasi + demo {demo_selesai - mulai:.0f} s ({'; '.join(siklus)})")
    print(
        f"  diperbesar ke {skenario.jumlah_lokus} lokus (siklus berjalan) {selesai - demo_selesai:.1f} s"
        f" (bulk_create: unit, Kepala+Operator per unit, {data.PELAKSANA_PER_UNIT} Pelaksana per unit, "
        "evaluasi draf dengan sebagian F-01 terisi, evaluasi final bernilai di siklus lalu)"
    )
    return skenario


def jalankan_layanan(args, folder: Path, url_db: str, redis_url: str):
    import redis

    redis.Redis.from_url(redis_url).flushdb()  # db Redis khusus bench: buang antrean sisa putaran lalu
    env = lingkungan_server(url_db, redis_url, args.conn_max_age)
    bin_venv = Path(sys.executable).parent
    proses.ProsesLatar(
        "collectstatic",
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=AKAR,
        berkas_log=folder / "collectstatic.log",
    ).popen.wait(300)
    port = proses.port_bebas()
    kelas = "gthread" if args.threads > 1 else "sync"
    gunicorn = proses.ProsesLatar(
        "gunicorn",
        [str(bin_venv / "gunicorn"), "kaltim_yanlik.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + f"--workers {args.workers} --worker-class {kelas} --threads {args.threads}".split()
        + ["--keep-alive", "5", "--timeout", "60", "--graceful-timeout", "10"],
        env=env,
        cwd=AKAR,
        berkas_log=folder / "gunicorn.log",
    )
    worker = proses.ProsesLatar(
        "worker Celery",
        # Render PDF di latar mengalah pada permintaan web yang ditunggu orang (mesin yang sama, 2 inti).
        ["nice", "-n", str(args.nice_worker), str(bin_venv / "celery")]
        + ["-A", "kaltim_yanlik", "worker", "--pool=solo", "--concurrency=1", "-l", "info"]
        + ["--without-heartbeat", "--without-gossip", "--without-mingle"],
        env=env,
        cwd=AKAR,
        berkas_log=folder / "worker.log",
    )
    proses.tunggu_http(f"http://127.0.0.1:{port}/akun/masuk/", gunicorn)
    proses.tunggu_log(worker, " ready.")
    uraian = f"gunicorn {args.workers} worker {kelas}"
    if kelas == "gthread":
        uraian += f" × {args.threads} thread"
    uraian += f", keep-alive 5 s, CONN_MAX_AGE={args.conn_max_age}"
    uraian += f"; worker Celery 1 (solo, nice {args.nice_worker})"
    return port, gunicorn, worker, uraian


def jalankan_beban(args, skenario, port: int, gunicorn, grup_cpu: dict, nama_db: str):
    from beban_lib import terbuka
    from beban_lib.data import SANDI
    from beban_lib.pengguna_maya import Jadwal, PenggunaMaya
    from bersama.mesin import Pantau
    from django.utils import timezone

    from kaltim_yanlik.core.berkas_contoh import pdf_contoh

    pencatat, jadwal = Pencatat(), Jadwal()
    pdf_bukti = pdf_contoh("Bukti dukung uji beban")
    pengguna = [
        PenggunaMaya(
            n, akun, skenario, host="127.0.0.1", port=port, pencatat=pencatat, jadwal=jadwal, seed=args.seed,
            jeda=tuple(args.jeda), sandi=SANDI, pdf_bukti=pdf_bukti, hari_ini=timezone.localdate(),
        )
        for n, akun in enumerate(skenario.pengguna)
    ]  # fmt: skip
    awal_masuk = time.perf_counter()
    for p in pengguna:
        if args.mode == "terbuka":
            p.masuk()
            continue
        p.start()
        time.sleep(0.2)  # login bertahap seperti pagi hari, bukan 50 PBKDF2 dalam satu milidetik
    while (
        args.mode == "tertutup"
        and jadwal.sudah_masuk < len(pengguna)
        and time.perf_counter() - awal_masuk < 180
    ):
        time.sleep(0.2)
    lama_masuk = time.perf_counter() - awal_masuk
    gagal_masuk = [f"{p.akun.username}: {p.galat_masuk}" for p in pengguna if p.galat_masuk]
    print(f"Login {len(pengguna) - len(gagal_masuk)}/{len(pengguna)} pengguna dalam {lama_masuk:.1f} s")
    mulai = time.perf_counter() + args.pemanasan
    pencatat.jendela = (mulai, mulai + args.durasi)
    hasil_terbuka = {}
    if args.mode == "terbuka":
        siap = [p for p in pengguna if not p.galat_masuk]
        penjadwal = threading.Thread(
            target=lambda: hasil_terbuka.update(
                h=terbuka.jalankan(siap, laju=args.laju, mulai=time.perf_counter(), akhir=mulai + args.durasi)
            ),
            name="penjadwal-kedatangan",
        )
        penjadwal.start()
    time.sleep(args.pemanasan)
    with Pantau(nama_db) as pantau:
        cpu_awal, mesin_awal = cpu.potret(grup_cpu, nama_db), cpu.mesin()
        _pantau(pencatat, args.durasi, gunicorn)
        pemakaian = cpu.selisih(cpu_awal, cpu.potret(grup_cpu, nama_db))
        sibuk, total = (b - a for a, b in zip(mesin_awal, cpu.mesin(), strict=True))
    pemakaian["seluruh mesin"] = sibuk
    pemakaian["kapasitas mesin"] = total
    jadwal.hentikan()
    if args.mode == "terbuka":
        penjadwal.join(120)
    for p in pengguna:
        if p.is_alive():
            p.join(40)
    return pencatat, gagal_masuk, pemakaian, pantau, hasil_terbuka.get("h")


def _pantau(pencatat: Pencatat, durasi: float, gunicorn) -> None:
    akhir = time.perf_counter() + durasi
    while (sisa := akhir - time.perf_counter()) > 0:
        time.sleep(min(15, sisa))
        if not gunicorn.hidup():
            print("  gunicorn berhenti di tengah beban!")
            return
        catatan = [c for c in pencatat.di_jendela() if c.mulai < time.perf_counter()]
        berjalan = durasi - max(0.0, akhir - time.perf_counter())
        galat = sum(1 for c in catatan if c.galat)
        print(f"  … {berjalan:4.0f} s: {len(catatan)} permintaan, {galat} galat", flush=True)


def tunggu_antrean_pdf(batas: float, sejak) -> tuple[dict, float]:
    from beban_lib.data import antrean_pdf

    mulai = time.perf_counter()
    while True:
        jumlah = antrean_pdf(sejak)
        if not (jumlah.get("antri") or jumlah.get("diproses")) or time.perf_counter() - mulai > batas:
            return jumlah, time.perf_counter() - mulai
        time.sleep(1)


def cetak_laporan(args, pencatat: Pencatat, uraian_server: str, gagal_masuk, pdf, lama_pdf, gunicorn):
    from beban_lib.pengguna_maya import AKSI

    catatan = pencatat.di_jendela()
    masuk = pencatat.semua("masuk")
    total = ringkas("KESELURUHAN", catatan, args.durasi)
    print()
    print(
        f"Inti CPU: {os.cpu_count()}; {uraian_server}; beban rata-rata mesin sebelum mulai: "
        f"{', '.join(f'{x:.2f}' for x in LOAD_AWAL)}"
    )
    if args.mode == "terbuka":
        pola = f"LINGKAR TERBUKA: {args.laju:g} skenario/s tiba tanpa jeda pikir, diukur sejak jadwal tiba"
    else:
        pola = f"lingkar tertutup: jeda pikir acak {args.jeda[0]}–{args.jeda[1]} s setelah setiap halaman"
    print(
        f"Pengguna maya: {args.pengguna} ({args.biro} Biro, {args.pengguna - args.biro} Kepala/Operator dari "
        f"{args.pengguna - args.biro} unit berbeda, seed {args.seed}); {pola}; pemanasan "
        f"{args.pemanasan:.0f} s tidak dihitung; jendela ukur {args.durasi:.0f} s"
    )
    if masuk:
        waktu = sorted(c.durasi_md for c in masuk)
        median, maks = waktu[len(waktu) // 2], waktu[-1]
        print(f"Login (tidak dihitung): {len(masuk)} kali, median {median:.0f} ms, maks {maks:.0f} ms")
    print(JUDUL_TABEL)
    for r in per_aksi(catatan, args.durasi, AKSI):
        print(baris_tabel(r))
    print(baris_tabel(total))
    contoh = [c.galat for c in catatan if c.galat] + gagal_masuk
    if contoh:
        print(f"Contoh galat (pertama dari {len(contoh)}):")
        for teks in contoh[:8]:
            print(f"  - {teks}")
    if any(c.galat and c.galat.startswith("status 5") for c in catatan):
        print("Ekor log gunicorn:\n" + gunicorn.ekor_log(40))
    sisa = (pdf.get("antri") or 0) + (pdf.get("diproses") or 0)
    durasi = pdf.get("durasi_md") or []
    render = f"; render median {durasi[len(durasi) // 2]:.0f} ms, maks {durasi[-1]:.0f} ms" if durasi else ""
    print(
        f"Antrean PDF setelah beban: {pdf.get('selesai', 0)} selesai, {pdf.get('gagal', 0)} gagal, "
        f"{sisa} belum selesai (ditunggu {lama_pdf:.0f} s){render}"
    )
    galat_total = total.galat + len(gagal_masuk) + (pdf.get("gagal") or 0)
    lolos = galat_total == 0 and total.p95 < SASARAN_P95_MD
    print(
        f"Sasaran: 0 galat → {galat_total}; p95 < {SASARAN_P95_MD} ms → {total.p95:.0f} ms; "
        f"{'TERCAPAI' if lolos else 'BELUM TERCAPAI'}"
    )
    return lolos


def cetak_cpu(pemakaian: dict, jumlah: int, durasi: float) -> None:
    """CPU tiap pihak selama jendela ukur; ms CPU per permintaan memberi taksiran kapasitas mesin sepi."""
    kapasitas = pemakaian.pop("kapasitas mesin")
    milik_bench = sum(v for k, v in pemakaian.items() if k != "seluruh mesin")
    pemakaian["lainnya (di luar bench)"] = max(0.0, pemakaian["seluruh mesin"] - milik_bench)
    print(f"CPU selama jendela ukur {durasi:.0f} s (kapasitas {kapasitas:.0f} detik-CPU):")
    for nama, detik in pemakaian.items():
        per = f", {detik * 1000 / jumlah:5.1f} ms per perm." if jumlah and nama != "seluruh mesin" else ""
        print(f"  {nama:<24} {detik:6.1f} s ({detik / kapasitas:4.0%}){per}")
    web = pemakaian.get("gunicorn", 0) + pemakaian.get(cpu.POSTGRES, 0)
    if jumlah and web:
        rps = os.cpu_count() * jumlah / web
        print(f"  taksiran batas atas web (gunicorn+postgres) di {os.cpu_count()} inti sepi: ~{rps:.0f} rps")


def cetak_kueri(skenario, env_server: dict, folder: Path) -> None:
    """Tabel kueri per halaman, diukur di proses baru dengan lingkungan server yang sama (DEBUG=False)."""
    import dataclasses
    import json
    import subprocess

    berkas = folder / "skenario.json"
    data = dataclasses.asdict(skenario)
    berkas.write_text(json.dumps({k: data[k] for k in ("pengguna", "siklus_code", "isian_f01")}))
    env = {**env_server, "ALLOWED_HOSTS": env_server["ALLOWED_HOSTS"] + ",testserver"}
    keluaran = subprocess.run(  # noqa: S603 — skrip bench ini sendiri
        [sys.executable, str(AKAR / "bench" / "beban_lib" / "kueri.py"), str(berkas)],
        env=env, cwd=AKAR, capture_output=True, text=True, check=True,
    )  # fmt: skip
    print(
        "Per halaman, konfigurasi yang disajikan (DEBUG=False, proses terpisah, sesudah beban; CPU median 5):"
    )
    for baris in keluaran.stdout.strip().splitlines():
        aksi, username, path, status, kueri, md, cpu_md = json.loads(baris)
        angka = f"{status} {kueri:3d} kueri {md:5.0f} ms {cpu_md:4.0f} ms CPU"
        print(f"  {aksi:<17} {username:<21} {angka} {path}")


LOAD_AWAL = os.getloadavg()


def main():
    args = argumen()
    proses.pasang_pembersih()
    url_db = url_basis_data()
    redis_url = os.environ.get("BEBAN_REDIS_URL", "redis://127.0.0.1:6379/14")
    folder = Path(tempfile.mkdtemp(prefix="kaltim-beban-"))
    siapkan_lingkungan_proses(folder, url_db)
    lolos, bersih = False, False
    try:
        skenario = siapkan_data(args, url_db)
        port, gunicorn, worker, uraian = jalankan_layanan(args, folder, url_db, redis_url)
        print(f"Portal: http://127.0.0.1:{port}/ ({uraian}); log di {folder}")
        from django.utils import timezone

        awal_beban = timezone.now()
        grup = {"gunicorn": gunicorn.popen.pid, "worker Celery": worker.popen.pid}
        nama_db = urlsplit(url_db).path.lstrip("/")
        pencatat, gagal_masuk, pemakaian, pantau, terbuka = jalankan_beban(
            args, skenario, port, gunicorn, grup, nama_db
        )
        pdf, lama_pdf = tunggu_antrean_pdf(args.tunggu_pdf, awal_beban)
        lolos = cetak_laporan(args, pencatat, uraian, gagal_masuk, pdf, lama_pdf, gunicorn)
        if terbuka is not None:
            print(
                f"Kedatangan: {terbuka.dijadwalkan} dijadwalkan ({args.laju:g}/s), {terbuka.selesai} selesai;"
                " "
                f"antre menunggu pengguna bebas paling banyak {terbuka.antre_maks}"
            )
        cetak_cpu(pemakaian, len(pencatat.di_jendela()), args.durasi)
        print(
            "Keadaan mesin selama jendela ukur (gunicorn, worker, dan PostgreSQL bench dihitung milik bench):"
        )
        print(pantau.laporan())
        cetak_kueri(skenario, lingkungan_server(url_db, redis_url, args.conn_max_age), folder)
        bersih = True
    finally:
        proses.hentikan_semua()
        try:
            import redis

            redis.Redis.from_url(redis_url).flushdb()
        except Exception as e:  # noqa: BLE001 — pembersihan terbaik-usaha; hasil bench sudah tercetak
            print(f"Redis tidak dikosongkan: {e}")
        if bersih:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for isi in ("media", "static"):
                shutil.rmtree(folder / isi, ignore_errors=True)
            print(f"Bench berhenti sebelum selesai; log gunicorn/worker disimpan di {folder}")
    # Seperti bench lain, angka dicetak dan tidak menggagalkan `make bench` kecuali diminta --wajib-lolos.
    return 1 if args.wajib_lolos and not lolos else 0


if __name__ == "__main__":
    threading.excepthook = lambda a: print(f"Thread {a.thread.name}: {a.exc_type.__name__}: {a.exc_value}")
    sys.exit(main())
