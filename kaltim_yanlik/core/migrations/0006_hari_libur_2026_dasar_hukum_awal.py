"""Data awal: hari libur nasional dan cuti bersama 2026 (dari ``core/data/hari-libur-2026.csv``) dan daftar
dasar hukum yang dicetak naskah dinas portal.

Hari libur: SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497, 2, 5 Tahun 2025 (17 libur
nasional + 8 cuti bersama); teks SKB belum dilihat sendiri, lihat ``hari-libur-2026.md``. Dasar hukum: judul
dan nomor dari regulations.md §1 dan §5; Pedoman MenPANRB 5/2023 belum terkonfirmasi (hanya satu sumber).
Keduanya data: admin mengoreksinya tanpa mengubah kode.
"""

import csv
from datetime import date
from pathlib import Path

from django.db import migrations

BERKAS_LIBUR = Path(__file__).resolve().parent.parent / "data" / "hari-libur-2026.csv"
SUMBER_LIBUR = "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB Nomor 1497, 2, 5 Tahun 2025"
PANRB = "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"

# kode, jenis, penerbit, nomor, tahun, tentang, perubahan, singkatan, urutan, terkonfirmasi, catatan
DASAR_HUKUM = [
    ("uu-pelayanan-publik", "uu", "", "25", 2009, "Pelayanan Publik", "", "UU 25/2009", 10, True, ""),
    ("uu-pemerintahan-daerah", "uu", "", "23", 2014, "Pemerintahan Daerah", "", "UU 23/2014", 11, True, ""),
    ("uu-administrasi-pemerintahan", "uu", "", "30", 2014, "Administrasi Pemerintahan", "", "UU 30/2014", 12,
     True, ""),
    ("pp-pelaksanaan-uu-pelayanan-publik", "pp", "", "96", 2012,
     "Pelaksanaan Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik", "", "PP 96/2012", 20, True, ""),
    ("permenpanrb-pekppp", "permen", PANRB, "29", 2022,
     "Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik",
     f"sebagaimana telah diubah dengan Peraturan Menteri {PANRB} Nomor 4 Tahun 2023",
     "PermenPANRB 29/2022 jo. 4/2023", 30, True,
     "Perubahan Nomor 4 Tahun 2023 dari dua sumber sekunder; belum dilihat di JDIH (regulations.md §1)."),
    ("pedoman-menpanrb-pekppp", "pedoman", PANRB, "5", 2023,
     "Instrumen dan Mekanisme Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik", "",
     "Pedoman MenPANRB 5/2023", 31, False,
     "Disebut Biro Organisasi sebagai “Permenpan RB 5/2023”; teksnya belum ditemukan (regulations.md §1). "
     "Periksa nomor dan judul di JDIH KemenPANRB."),
    ("pergub-kode-etik", "pergub", "Kalimantan Timur", "8", 2025,
     "Perilaku dan Kode Etik Pelayanan Publik di Lingkungan Pemerintah Daerah", "", "Pergub Kaltim 8/2025", 40,
     True, ""),
]  # fmt: skip

# Urutan "Mengingat": menurut hierarki peraturan, lalu kronologis bila setingkat (Lampiran II UU 12/2011).
UU = ["uu-pelayanan-publik", "uu-pemerintahan-daerah"]
PP = ["pp-pelaksanaan-uu-pelayanan-publik"]
NASKAH = {
    "keputusan-sanksi": [*UU, "uu-administrasi-pemerintahan", *PP, "pergub-kode-etik"],
    "keputusan-penghargaan-pelaksana": [*UU, *PP, "pergub-kode-etik"],
    "keputusan-penghargaan-penyelenggara": [*UU, *PP, "permenpanrb-pekppp", "pergub-kode-etik"],
    # Berita Acara dan Laporan juga mencetak dasar hukum instrumen evaluasinya (PermenPANRB, Pedoman).
    "berita-acara-evaluasi": [*UU, *PP, "pergub-kode-etik"],
    "laporan-hasil-evaluasi": [*UU, *PP, "pergub-kode-etik"],
}


def pasang(apps, schema_editor):
    HariLibur = apps.get_model("core", "HariLibur")
    DasarHukum = apps.get_model("core", "DasarHukum")
    DasarHukumNaskah = apps.get_model("core", "DasarHukumNaskah")
    with BERKAS_LIBUR.open(encoding="utf-8") as berkas:
        for baris in csv.DictReader(berkas):
            HariLibur.objects.update_or_create(
                tanggal=date.fromisoformat(baris["tanggal"]),
                defaults={"nama": baris["nama"], "jenis": baris["jenis"], "sumber": SUMBER_LIBUR},
            )
    kolom = ["jenis", "penerbit", "nomor", "tahun", "tentang", "perubahan", "singkatan", "urutan",
             "terkonfirmasi", "catatan"]  # fmt: skip
    baris_dh = {}
    for kode, *nilai in DASAR_HUKUM:
        baris_dh[kode], _ = DasarHukum.objects.update_or_create(
            kode=kode, defaults=dict(zip(kolom, nilai, strict=True))
        )
    for jenis, daftar in NASKAH.items():
        for urutan, kode in enumerate(daftar, start=1):
            DasarHukumNaskah.objects.get_or_create(
                jenis_naskah=jenis, dasar_hukum=baris_dh[kode], defaults={"urutan": urutan}
            )


def lepas(apps, schema_editor):
    apps.get_model("core", "DasarHukumNaskah").objects.all().delete()
    apps.get_model("core", "DasarHukum").objects.filter(kode__in=[d[0] for d in DASAR_HUKUM]).delete()
    apps.get_model("core", "HariLibur").objects.filter(tanggal__year=2026).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0005_hari_libur_dasar_hukum")]

    operations = [migrations.RunPython(pasang, lepas)]
