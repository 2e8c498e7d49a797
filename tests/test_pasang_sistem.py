"""``scripts/pasang-sistem.sh pdf`` (dipanggil ``make run``/``make demo``): tanpa Pango atau font Noto dan
tanpa hak root, satu baris berbahasa Indonesia menyebut paket yang harus dipasang; portal tetap berjalan.

Perintah sistem yang dibaca skrip (``fc-list``, ``ldconfig``, ``id``, ``apt-get``) diganti skrip kecil di
PATH, sehingga uji tidak memasang atau mengubah apa pun di mesin ini."""

import subprocess
from pathlib import Path

SKRIP = Path(__file__).resolve().parents[1] / "scripts" / "pasang-sistem.sh"


def _jalankan(tmp_path, *, font: bool, pango: bool, uid: int = 1000):
    palsu = tmp_path / "bin"
    palsu.mkdir()
    isi = {
        "fc-list": "echo '/usr/share/fonts/NotoSans-Regular.ttf: Noto Sans:style=Regular'"
        if font
        else "true",
        "ldconfig": "echo 'libpangoft2-1.0.so.0 (libc6,x86-64) => /lib/libpangoft2-1.0.so.0'"
        if pango
        else "true",
        "id": f"echo {uid}",
        "apt-get": "echo apt-get dipanggil >&2; exit 99",
    }
    for nama, perintah in isi.items():
        berkas = palsu / nama
        berkas.write_text(f"#!/bin/sh\n{perintah}\n")
        berkas.chmod(0o755)
    lingkungan = {"PATH": f"{palsu}:/usr/bin:/bin"}
    return subprocess.run(
        ["bash", str(SKRIP), "pdf"], capture_output=True, text=True, env=lingkungan, check=False
    )


def test_tanpa_pango_dan_font_satu_baris_jelas_dan_tetap_berjalan(tmp_path):
    hasil = _jalankan(tmp_path, font=False, pango=False)
    assert hasil.returncode == 0
    baris = hasil.stderr.strip().splitlines()
    assert len(baris) == 1 and hasil.stdout == ""
    assert "PDF" in baris[0] and "gagal" in baris[0]
    for paket in ("fonts-noto-core", "libpango-1.0-0", "libpangoft2-1.0-0"):
        assert paket in baris[0]
    assert "apt-get dipanggil" not in hasil.stderr  # bukan root: tidak mencoba memasang


def test_lengkap_tanpa_keluaran(tmp_path):
    hasil = _jalankan(tmp_path, font=True, pango=True)
    assert (hasil.returncode, hasil.stdout, hasil.stderr) == (0, "", "")


def test_root_dengan_apt_memasang_yang_kurang_saja(tmp_path):
    hasil = _jalankan(tmp_path, font=True, pango=False, uid=0)
    # apt-get palsu gagal (kode 99): skrip berhenti dengan galat pemasangan, setelah menyebut paketnya.
    assert hasil.returncode != 0 and "Memasang paket sistem: libpango-1.0-0 libpangoft2-1.0-0" in hasil.stdout
    assert "fonts-noto-core" not in hasil.stdout
