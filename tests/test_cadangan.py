"""Latihan pemulihan otomatis: ``make cadangkan`` lalu ``make pulihkan`` pada PostgreSQL sekali pakai.

Uji ini tidak memakai basis data uji Django: ia membuat basis data bernama unik di server DATABASE_URL,
mengisinya dengan psycopg, dan menjalankan target make sungguhan (pg_dump, pg_restore, tar) seperti sysadmin.
"""

import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

AKAR = Path(__file__).resolve().parent.parent
URL_SUMBER = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not URL_SUMBER.startswith(("postgres://", "postgresql://")),
    reason="butuh PostgreSQL: DATABASE_URL harus postgres://... (skrip cadangan hanya mendukung PostgreSQL)",
)

BARIS = [(1, "Pengaduan Samsat — antrean", b"\x00\x01\xff"), (2, "Bukti dukung F-01 ‘kutip’", b"")]
BERKAS_MEDIA = {
    "bukti/2026/lampiran 1.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF",
    "dokumen/laporan.pdf": os.urandom(70_000),
}


def _url_basis_data(nama: str) -> str:
    bagian = urlsplit(URL_SUMBER)
    return urlunsplit((bagian.scheme, bagian.netloc, f"/{nama}", bagian.query, ""))


def _server(perintah: sql.Composable) -> None:
    # CREATE/DROP DATABASE tidak boleh di dalam transaksi; tersambung ke basis data pemeliharaan "postgres".
    with psycopg.connect(_url_basis_data("postgres"), autocommit=True) as koneksi:
        koneksi.execute(perintah)


def _buat_kosong(nama: str) -> None:
    _server(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nama)))
    _server(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(nama)))


def _baris(url: str) -> list[tuple]:
    with psycopg.connect(url) as koneksi:
        return [tuple(b) for b in koneksi.execute("SELECT id, judul, isi FROM catatan ORDER BY id")]


def _make(*argumen: str, url: str, media: Path, cadangan: Path) -> subprocess.CompletedProcess:
    lingkungan = {**os.environ, "DATABASE_URL": url, "MEDIA_ROOT": str(media), "CADANGAN_DIR": str(cadangan)}
    return subprocess.run(
        ["make", "--no-print-directory", "-s", *argumen],
        cwd=AKAR,
        env=lingkungan,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def basis_data_sekali_pakai():
    nama = f"kaltim_cadangan_{uuid.uuid4().hex[:12]}"
    _buat_kosong(nama)
    yield nama
    _server(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(nama)))


def test_cadangkan_lalu_pulihkan_mengembalikan_baris_dan_berkas_utuh(basis_data_sekali_pakai, tmp_path):
    url = _url_basis_data(basis_data_sekali_pakai)
    with psycopg.connect(url) as koneksi:
        koneksi.execute("CREATE TABLE catatan (id serial PRIMARY KEY, judul text NOT NULL, isi bytea)")
        with koneksi.cursor() as kursor:
            kursor.executemany("INSERT INTO catatan (id, judul, isi) VALUES (%s, %s, %s)", BARIS)
    media, cadangan = tmp_path / "media", tmp_path / "cadangan"
    for jalur, isi in BERKAS_MEDIA.items():
        (media / jalur).parent.mkdir(parents=True, exist_ok=True)
        (media / jalur).write_bytes(isi)

    hasil = _make("cadangkan", url=url, media=media, cadangan=cadangan)
    assert hasil.returncode == 0, hasil.stderr
    (folder,) = cadangan.iterdir()
    assert folder.name.startswith("kaltim-yanlik-")
    isi_folder = {p.name for p in folder.iterdir()}
    assert isi_folder == {"basisdata.dump", "media.tar.gz", "MANIFEST.txt", "SHA256SUMS"}
    assert "jumlah_berkas_media: 2" in (folder / "MANIFEST.txt").read_text()

    # Basis data yang masih berisi tidak ditimpa tanpa --timpa, dan tidak ada yang berubah.
    media_kosong = tmp_path / "media-kosong"
    ditolak = _make("pulihkan", f"CADANGAN={folder}", url=url, media=media_kosong, cadangan=cadangan)
    assert ditolak.returncode != 0
    assert "tidak kosong" in ditolak.stderr
    assert _baris(url) == BARIS

    # Bencana: basis data dan media hilang; dipulihkan ke basis data kosong yang dibuat ulang.
    _buat_kosong(basis_data_sekali_pakai)
    for jalur in BERKAS_MEDIA:
        (media / jalur).unlink()
    pulih = _make("pulihkan", f"CADANGAN={folder}", url=url, media=media, cadangan=cadangan)
    assert pulih.returncode == 0, pulih.stderr
    assert _baris(url) == BARIS
    for jalur, isi in BERKAS_MEDIA.items():
        assert (media / jalur).read_bytes() == isi

    # Dengan TIMPA=1 basis data yang berisi ditimpa kembali ke isi cadangan.
    with psycopg.connect(url) as koneksi:
        koneksi.execute("UPDATE catatan SET judul = 'diubah setelah cadangan'")
    timpa = _make("pulihkan", f"CADANGAN={folder}", "TIMPA=1", url=url, media=media, cadangan=cadangan)
    assert timpa.returncode == 0, timpa.stderr
    assert _baris(url) == BARIS


def test_pulihkan_menolak_cadangan_yang_rusak(basis_data_sekali_pakai, tmp_path):
    url = _url_basis_data(basis_data_sekali_pakai)
    cadangan = tmp_path / "cadangan"
    assert _make("cadangkan", url=url, media=tmp_path / "media", cadangan=cadangan).returncode == 0
    (folder,) = cadangan.iterdir()
    with (folder / "basisdata.dump").open("ab") as berkas:
        berkas.write(b"rusak")

    hasil = _make("pulihkan", f"CADANGAN={folder}", url=url, media=tmp_path / "media", cadangan=cadangan)
    assert hasil.returncode != 0
    assert "checksum" in hasil.stderr
