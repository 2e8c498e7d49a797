"""Pemeriksaan ketahanan bertulis: PostgreSQL dimulai ulang, Redis mati, worker dibunuh di tengah render PDF.

Semua layanan milik pemeriksaan ini sendiri, tidak menyentuh PostgreSQL/Redis bersama: PostgreSQL 15 baru
(initdb di folder sementara, port 5433; sebagai root lewat ``runuser -u postgres``), redis-server port 6380
tanpa persistensi, basis data baru dengan data minimal, gunicorn 2 worker dan satu worker Celery dengan
setelan produksi (DEBUG=False, tanpa TLS). Lalu:

(a) PostgreSQL dihentikan beberapa detik lalu dinyalakan lagi selagi sebuah klien terus meminta halaman;
    status per detik dicetak. Harapan: 503 (halaman "layanan sedang tidak tersedia") selama mati, 200 lagi
    sesudahnya tanpa memulai ulang portal, tidak ada 500.
(b) Redis dihentikan: halaman tetap 200, permintaan PDF diterima cepat dan tercatat "antri"; Redis dinyalakan
    lagi, tugas berkala antre-ulang (yang dijalankan Celery beat) dikirim, PDF selesai.
(c) Worker dibunuh (SIGKILL) di tengah render PDF (kait ``DOKUMEN_JEDA_UJI``): berkas lama tetap dilayani;
    worker baru menerima tugas yang sama setelah ``visibility_timeout`` (5 s di sini) dan PDF selesai.

Setiap pemeriksaan mencetak LULUS/GAGAL; semua yang dinyalakan dihentikan di akhir (juga saat galat).

    .venv/bin/python bench/gangguan.py [--port-pg 5433] [--port-redis 6380] [--mati-detik 4]
"""

import argparse
import collections
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from beban_lib import proses  # noqa: E402
from beban_lib.klien import Sesi  # noqa: E402

PG_BIN = Path("/usr/lib/postgresql/15/bin")
NAMA_DB = "kaltim_gangguan_bench"
SANDI = "sandi-gangguan-" + secrets.token_hex(4)
JEDA_RENDER = 30  # detik: worker pertama di (c) berhenti selama ini sebelum menyimpan PDF
VISIBILITY = 5  # detik: pesan tak ter-ack dikembalikan ke antrean (produksi: 30 menit)

DATA_MINIMAL = f"""
from akun.models import Pengguna, Peran
from evaluasi.models import Evaluasi, HasilEvaluasi, InstrumenVersi, SiklusMonev
from kode_etik.models import Penyelenggara
Pengguna.objects.create_user(
    username="biro", password="{SANDI}", nama="Biro Organisasi", peran=Peran.BIRO, is_staff=True
)
unit = Penyelenggara.objects.create(kode="PD-DINKES", nama="Dinas Kesehatan", singkatan="Dinkes")
hari = {{f"{{f}}_{{b}}": "2031-01-01" for f in ("pengisian", "penilaian", "perbaikan", "finalisasi")
        for b in ("mulai", "selesai")}}
siklus = SiklusMonev.objects.create(
    tahun=2031, nama="Monev uji gangguan", instrumen=InstrumenVersi.objects.get(tahun=2025, jenis="A"), **hari
)
ev = Evaluasi.objects.create(siklus=siklus, penyelenggara=unit, status=Evaluasi.Status.DINILAI)
HasilEvaluasi.objects.create(
    evaluasi=ev, nilai_aspek={{"I": "4.0000", "II": "3.5000"}}, ipp="3.7100", ipp_bulat="3.71",
    kategori="B", predikat="Baik", peringkat=1, dihitung_pada="2031-05-01T00:00:00+08:00",
)
print("EVALUASI", ev.code)
"""


def cetak(teks: str = "") -> None:
    print(teks, flush=True)


def _port_terpakai(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
        return True
    return False


# --- Layanan milik pemeriksaan ini ------------------------------------------------------------------


class PostgresPribadi:
    """Klaster PostgreSQL sekali pakai; sebagai root dijalankan sebagai pengguna ``postgres``."""

    def __init__(self, folder: Path, port: int):
        self.folder, self.port = folder / "pg", port
        self.data = self.folder / "data"
        self.folder.mkdir()
        self.awalan: list[str] = []
        if os.geteuid() == 0:  # initdb/postgres menolak root
            shutil.chown(self.folder, "postgres", "postgres")
            self.awalan = ["runuser", "-u", "postgres", "--"]

    def _jalankan(self, *perintah: str, batas: float = 120) -> None:
        # Semua subprocess di sini menjalankan perintah tetap milik pemeriksaan ini, bukan masukan pengguna.
        subprocess.run([*self.awalan, *perintah], check=True, capture_output=True, timeout=batas)  # noqa: S603

    def siapkan(self) -> None:
        self._jalankan(
            str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-locale",
        )  # fmt: skip
        self.nyalakan()

    def nyalakan(self) -> None:
        opsi = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "postgres.log")
        self._jalankan(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", log, "-o", opsi, "-w", "start")

    def hentikan(self, mode: str = "fast") -> None:
        if (self.data / "postmaster.pid").exists():
            self._jalankan(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, nama: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{nama}"


class RedisPribadi:
    def __init__(self, folder: Path, port: int):
        self.folder, self.port, self.proses = folder, port, None

    def nyalakan(self) -> None:
        perintah = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        perintah += ["--appendonly", "no"]
        self.proses = proses.ProsesLatar(
            "redis", perintah, env=dict(os.environ), cwd=self.folder, berkas_log=self.folder / "redis.log"
        )
        batas = time.monotonic() + 10
        while not _port_terpakai(self.port):
            if time.monotonic() > batas or not self.proses.hidup():
                raise RuntimeError("redis-server pribadi tidak siap")
            time.sleep(0.05)

    def hentikan(self) -> None:
        if self.proses is not None:
            self.proses.hentikan()
            self.proses = None


def lingkungan(url_db: str, url_redis: str, folder: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="kaltim_yanlik.settings",
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
        CONN_MAX_AGE="60",  # koneksi persisten: yang putus saat PostgreSQL mati harus diganti sendiri
        REDIS_URL=url_redis,
        CELERY_BROKER_URL=url_redis,
        CELERY_RESULT_BACKEND=url_redis,
        CACHE_URL=url_redis.rsplit("/", 1)[0] + "/1",
        CELERY_TASK_ALWAYS_EAGER="False",
        CELERY_VISIBILITY_TIMEOUT=str(VISIBILITY),
        CELERY_UNACKED_RESTORE_INTERVAL="1",
        CELERY_UNACKED_RESTORE_THROTTLE="1",
        DOKUMEN_ANTRE_ULANG_DETIK="0",
        MEDIA_ROOT=str(folder / "media"),
        STATIC_ROOT=str(folder / "static"),
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env["CACHE_URL"] = env["CACHE_URL"].replace("redis://", "rediscache://")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def manage(env: dict, *argumen: str) -> str:
    hasil = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *argumen],
        env=env,
        cwd=AKAR,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if hasil.returncode:
        raise RuntimeError(f"manage.py {argumen[0]} gagal:\n{hasil.stdout}\n{hasil.stderr}")
    return hasil.stdout


def mulai_worker(env: dict, folder: Path, nama: str, **tambahan: str) -> proses.ProsesLatar:
    bin_venv = Path(sys.executable).parent
    worker = proses.ProsesLatar(
        nama,
        [str(bin_venv / "celery"), "-A", "kaltim_yanlik", "worker", "--pool=solo", "-l", "info"]
        + ["-n", f"{nama}@%h", "--without-heartbeat", "--without-gossip", "--without-mingle"],
        env={**env, **tambahan},
        cwd=AKAR,
        berkas_log=folder / f"{nama}.log",
    )
    proses.tunggu_log(worker, " ready.")
    return worker


def kueri(url_db: str, sql: str, *param):
    import psycopg

    with psycopg.connect(url_db, connect_timeout=5) as koneksi:
        return koneksi.execute(sql, param).fetchone()


def status_dokumen(url_db: str):
    return kueri(url_db, "SELECT code, status, percobaan, berkas FROM core_dokumenpdf LIMIT 1")


def tunggu(kondisi, batas: float) -> float | None:
    """Detik sampai ``kondisi()`` benar, atau None bila tidak dalam ``batas``."""
    mulai = time.monotonic()
    while time.monotonic() - mulai < batas:
        with contextlib.suppress(Exception):
            if kondisi():
                return time.monotonic() - mulai
        time.sleep(0.3)
    return None


def masuk(port: int) -> Sesi:
    sesi = Sesi("127.0.0.1", port, batas_waktu=15)
    sesi.get("/akun/masuk/")
    respons = sesi.post("/akun/masuk/", {"username": "biro", "password": SANDI})
    if respons.status != 302:
        raise RuntimeError(f"Login gagal: {respons.status}")
    return sesi


# --- Pemeriksaan ------------------------------------------------------------------------------------


def periksa_postgres(pg: PostgresPribadi, port: int, sesi: Sesi, halaman: list[str], mati_detik: float):
    cetak(f"\n(a) PostgreSQL dihentikan {mati_detik:.0f} s lalu dinyalakan lagi; klien meminta halaman terus")
    hitungan: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    contoh_503 = []
    berhenti = threading.Event()
    awal = time.monotonic()

    def klien():
        klien_sesi = Sesi("127.0.0.1", port, batas_waktu=10)
        klien_sesi.cookie = dict(sesi.cookie)
        i = 0
        while not berhenti.is_set():
            detik = int(time.monotonic() - awal)
            try:
                respons = klien_sesi.get(halaman[i % len(halaman)])
                hitungan[detik][respons.status] += 1
                if respons.status == 503 and not contoh_503:
                    contoh_503.append(respons.teks())
            except Exception as exc:  # noqa: BLE001 — setiap galat klien dihitung, bukan dibuang
                hitungan[detik][type(exc).__name__] += 1
                time.sleep(0.1)
            i += 1

    utas = threading.Thread(target=klien, daemon=True)
    utas.start()
    time.sleep(3)
    t_mati = time.monotonic() - awal
    pg.hentikan("fast")
    time.sleep(mati_detik)
    pg.nyalakan()
    t_hidup = time.monotonic() - awal
    time.sleep(6)
    berhenti.set()
    utas.join(15)

    cetak(f"  PostgreSQL mati pada t={t_mati:.1f} s, hidup lagi pada t={t_hidup:.1f} s")
    cetak("  detik   200   503  lain")
    for detik in sorted(hitungan):
        c = hitungan[detik]
        lain = {k: v for k, v in c.items() if k not in (200, 503)}
        cetak(f"  {detik:5d} {c[200]:5d} {c[503]:5d}  {lain or ''}")
    semua = sum(hitungan.values(), collections.Counter())
    lain = {k: v for k, v in semua.items() if k not in (200, 503)}
    akhir = [hitungan[d] for d in sorted(hitungan) if d >= t_hidup + 3]
    pulih = bool(akhir) and all(set(c) == {200} for c in akhir)
    pesan_ok = bool(contoh_503) and "Layanan sedang tidak tersedia" in contoh_503[0]
    lulus = semua[503] > 0 and not lain and pulih and pesan_ok
    cetak(f"  jumlah: 200×{semua[200]}, 503×{semua[503]}, lain {lain or 'tidak ada'}")
    cetak(f"  halaman 503 berbahasa Indonesia: {'ya' if pesan_ok else 'TIDAK'}; 200 lagi ≥3 s setelah hidup: "
          f"{'ya' if pulih else 'TIDAK'}")  # fmt: skip
    return lulus


def periksa_redis(redis: RedisPribadi, sesi: Sesi, halaman: list[str], url_db: str, env: dict, kode_ev: str):
    cetak("\n(b) Redis dihentikan: halaman dan permintaan PDF; Redis dinyalakan lagi, antre-ulang")
    redis.hentikan()
    status_halaman = {url: sesi.get(url).status for url in halaman}
    cetak(f"  halaman selama Redis mati: {status_halaman}")
    sesi.get(f"/evaluasi/{kode_ev}/")  # token CSRF segar
    mulai = time.monotonic()
    respons = sesi.post(f"/dokumen/laporan-hasil-evaluasi/{kode_ev}/buat/", {"next": f"/evaluasi/{kode_ev}/"})
    durasi = time.monotonic() - mulai
    _, status, _, _ = status_dokumen(url_db)
    cetak(
        f"  permintaan PDF selama Redis mati: HTTP {respons.status} dalam {durasi:.2f} s, status «{status}»"
    )
    ok_mati = all(s == 200 for s in status_halaman.values()) and respons.status == 302 and status == "antri"
    ok_mati = ok_mati and durasi < 5

    redis.nyalakan()
    t0 = time.monotonic()
    # Yang dikirim Celery beat setiap 5 menit (CELERY_BEAT_SCHEDULE "antre-ulang-dokumen").
    subprocess.run(  # noqa: S603
        [str(Path(sys.executable).parent / "celery"), "-A", "kaltim_yanlik", "call",
         "kaltim_yanlik.core.tasks.dokumen_antre_ulang_task"],
        env=env, cwd=AKAR, check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    selesai = tunggu(lambda: status_dokumen(url_db)[1] == "selesai", 120)
    akhir = status_dokumen(url_db)
    cetak(
        f"  Redis hidup lagi → antre-ulang dikirim → status «{akhir[1]}» "
        + (f"dalam {time.monotonic() - t0:.1f} s" if selesai is not None else "(tidak selesai dalam 120 s)")
    )
    return ok_mati and selesai is not None


def periksa_worker(env: dict, folder: Path, worker, sesi: Sesi, url_db: str, kode_ev: str):
    cetak(f"\n(c) Worker dibunuh (SIGKILL) di tengah render PDF; visibility_timeout {VISIBILITY} s")
    worker.hentikan()
    kode, _, percobaan_awal, berkas_lama = status_dokumen(url_db)
    unduh = f"/dokumen/{kode}/unduh/"
    isi_lama = sesi.get(unduh).isi
    lambat = mulai_worker(env, folder, "worker-lambat", DOKUMEN_JEDA_UJI=str(JEDA_RENDER))
    sesi.get(f"/evaluasi/{kode_ev}/")
    # Laporan sudah terbit di (b): terbit ulang wajib beralasan dan menjadi revisi baru.
    alasan = "Uji gangguan: terbit ulang saat worker dibunuh."
    sesi.post(
        f"/dokumen/laporan-hasil-evaluasi/{kode_ev}/buat/",
        {"next": f"/evaluasi/{kode_ev}/", "alasan": alasan},
    )
    proses.tunggu_log(lambat, "DOKUMEN_JEDA_UJI: jeda", batas=90)
    _, status_tengah, _, _ = status_dokumen(url_db)
    selama = sesi.get(unduh)
    lama_dilayani = selama.status == 200 and selama.isi == isi_lama
    os.killpg(lambat.popen.pid, signal.SIGKILL)
    lambat.popen.wait(10)
    t_bunuh = time.monotonic()
    lambat.hentikan()
    cetak(f"  PDF baru sudah dirender, belum disimpan; status «{status_tengah}»; worker dibunuh")
    cetak(
        f"  unduhan selama itu: HTTP {selama.status}, berkas lama utuh: {'ya' if lama_dilayani else 'TIDAK'}"
    )

    pengganti = mulai_worker(env, folder, "worker-pengganti")
    selesai = tunggu(lambda: status_dokumen(url_db)[1] == "selesai", 120)
    _, status, percobaan, berkas_baru = status_dokumen(url_db)
    sesudah = sesi.get(unduh)
    diganti = "ya" if berkas_baru != berkas_lama else "TIDAK"
    cetak(
        f"  worker pengganti: status «{status}» {time.monotonic() - t_bunuh:.1f} s setelah pembunuhan, "
        f"percobaan {percobaan_awal} → {percobaan}, berkas diganti: {diganti}"
    )
    pdf_sah = sesudah.status == 200 and sesudah.isi.startswith(b"%PDF-")
    cetak(f"  unduhan sesudahnya: HTTP {sesudah.status}, PDF sah: {'ya' if pdf_sah else 'TIDAK'}")
    lulus = status_tengah == "diproses" and lama_dilayani and selesai is not None and pdf_sah
    return lulus and percobaan == percobaan_awal + 2 and berkas_baru != berkas_lama, pengganti


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port-pg", type=int, default=5433)
    parser.add_argument("--port-redis", type=int, default=6380)
    parser.add_argument("--mati-detik", type=float, default=4, help="lama PostgreSQL dimatikan di (a)")
    args = parser.parse_args()
    for nama, port in (("PostgreSQL", args.port_pg), ("Redis", args.port_redis)):
        if _port_terpakai(port):
            cetak(f"GAGAL: port {nama} {port} sudah dipakai; pilih port lain (--port-pg/--port-redis).")
            return 2

    proses.pasang_pembersih()
    folder = Path(tempfile.mkdtemp(prefix="kaltim-gangguan-"))
    folder.chmod(0o755)  # pengguna postgres perlu melintasinya
    pg = PostgresPribadi(folder, args.port_pg)
    redis = RedisPribadi(folder, args.port_redis)
    hasil: dict[str, bool] = {}
    try:
        mulai = time.monotonic()
        pg.siapkan()
        redis.nyalakan()
        kueri(pg.url("postgres"), "SELECT 1")
        import psycopg

        with psycopg.connect(pg.url("postgres"), autocommit=True) as koneksi:
            koneksi.execute(f'CREATE DATABASE "{NAMA_DB}"')
        url_db = pg.url(NAMA_DB)
        url_redis = f"redis://127.0.0.1:{args.port_redis}/0"
        env = lingkungan(url_db, url_redis, folder)
        manage(env, "migrate", "-v0")
        kode_ev = manage(env, "shell", "-c", DATA_MINIMAL).split("EVALUASI", 1)[1].strip()
        manage(env, "collectstatic", "--noinput", "-v0")
        port = proses.port_bebas()
        gunicorn = proses.ProsesLatar(
            "gunicorn",
            [str(Path(sys.executable).parent / "gunicorn"), "kaltim_yanlik.wsgi:application"]
            + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "30", "--graceful-timeout", "5"],
            env=env,
            cwd=AKAR,
            berkas_log=folder / "gunicorn.log",
        )
        proses.tunggu_http(f"http://127.0.0.1:{port}/akun/masuk/", gunicorn)
        worker = mulai_worker(env, folder, "worker")
        cetak(
            f"Siap dalam {time.monotonic() - mulai:.0f} s: PostgreSQL 15 :{args.port_pg}, "
            f"Redis :{args.port_redis}, "
            f"gunicorn 2 worker :{port}, worker Celery 1 (solo); folder {folder}"
        )
        sesi = masuk(port)
        halaman = ["/", f"/evaluasi/{kode_ev}/", "/hasil/"]

        hasil["(a) PostgreSQL dimulai ulang"] = periksa_postgres(pg, port, sesi, halaman, args.mati_detik)
        hasil["(b) Redis mati lalu kembali"] = periksa_redis(redis, sesi, halaman, url_db, env, kode_ev)
        lulus, worker = periksa_worker(env, folder, worker, sesi, url_db, kode_ev)
        hasil["(c) Worker dibunuh di tengah render"] = lulus
        if not gunicorn.hidup():
            hasil["gunicorn tetap hidup sepanjang pemeriksaan"] = False
    except Exception as exc:  # noqa: BLE001 — dicetak sebagai GAGAL, lalu semuanya dibereskan
        cetak(f"\nGalat: {type(exc).__name__}: {exc}")
        hasil["pemeriksaan berjalan sampai selesai"] = False
    finally:
        proses.hentikan_semua()
        redis.hentikan()
        with contextlib.suppress(Exception):
            pg.hentikan("immediate")
        shutil.rmtree(folder, ignore_errors=True)

    cetak("\nHasil:")
    for nama, lulus in hasil.items():
        cetak(f"  {'LULUS' if lulus else 'GAGAL'}  {nama}")
    return 0 if hasil and all(hasil.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
