"""Data contoh: Penyelenggara Provinsi Kalimantan Timur (kode_etik/data), Pelaksana dan jenis layanan.

Penyelenggara dimuat lewat jalur impor yang sama dengan admin, sehingga data demo juga menguji impor.
Nama Pelaksana fiktif, dibangkitkan deterministik agar demo sama di setiap mesin.
"""

import random
from datetime import date
from pathlib import Path

import tablib

from . import services
from .models import JenisLayanan, Pelaksana, Penempatan, Penyelenggara
from .resources import PenyelenggaraResource

BERKAS_PENYELENGGARA = Path(__file__).parent / "data" / "penyelenggara-kaltim-contoh.csv"

NAMA_DEPAN = [
    "Ahmad",
    "Siti",
    "Budi",
    "Dewi",
    "Rahmat",
    "Nur",
    "Andi",
    "Fitri",
    "Hendra",
    "Rina",
    "Yusuf",
    "Lestari",
    "Agus",
    "Wahyuni",
    "Irfan",
    "Maya",
    "Syahrul",
    "Ratna",
    "Dedi",
    "Indah",
    "Fajar",
    "Novita",
    "Arif",
    "Yuli",
]
NAMA_BELAKANG = [
    "Saputra",
    "Rahmawati",
    "Hidayat",
    "Susanti",
    "Pratama",
    "Kurniawan",
    "Handayani",
    "Setiawan",
    "Lubis",
    "Nugroho",
    "Aisyah",
    "Wibowo",
    "Permata",
    "Hasibuan",
    "Ramadhan",
    "Anggraini",
    "Syafii",
    "Maulana",
]
JABATAN_STAF = [
    ("Sekretaris", "pejabat"),
    ("Kepala Bidang Pelayanan", "pejabat"),
    ("Kepala Sub Bagian Umum", "pejabat"),
    ("Analis Pelayanan Publik", "pegawai"),
    ("Pengelola Pengaduan", "pegawai"),
    ("Arsiparis", "pegawai"),
    ("Petugas Loket", "petugas"),
    ("Petugas Informasi", "petugas"),
    ("Tenaga Kontrak Pelayanan", "lainnya"),
]
LAYANAN = {
    "PD-DINKES": [
        "Rekomendasi izin fasilitas kesehatan",
        "Penerbitan surat tanda registrasi tenaga kesehatan",
        "Layanan pengaduan kesehatan",
    ],
    "UPTD-LABKES": ["Pemeriksaan laboratorium klinik", "Uji kualitas air minum"],
    "UPTD-SAMSAT-SMD": [
        "Pembayaran Pajak Kendaraan Bermotor tahunan",
        "Pengesahan STNK lima tahunan",
        "Balik nama kendaraan bermotor",
    ],
    "PD-DPMPTSP": ["Perizinan berusaha berbasis risiko", "Konsultasi perizinan"],
    "PD-DINSOS": ["Rekomendasi bantuan sosial", "Pelayanan rehabilitasi sosial"],
    "UOBK-AWS": ["Rawat jalan", "Rawat inap", "Instalasi gawat darurat"],
}


def _nip(rng: random.Random, urutan: int) -> str:
    """NIP 18 digit: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1), nomor urut (3)."""
    lahir = f"{rng.randint(1968, 1998)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tmt = f"{rng.randint(1995, 2022)}{rng.randint(1, 12):02d}"
    return f"{lahir}{tmt}{rng.randint(1, 2)}{urutan % 1000:03d}"


def _nama(rng: random.Random) -> str:
    return f"{rng.choice(NAMA_DEPAN)} {rng.choice(NAMA_BELAKANG)}"


def muat_penyelenggara(oleh) -> int:
    data = tablib.Dataset().load(BERKAS_PENYELENGGARA.read_text(encoding="utf-8"), format="csv")
    hasil = PenyelenggaraResource().import_data(
        data, dry_run=False, raise_errors=True, use_transactions=True, user=oleh
    )
    return hasil.total_rows


def _pelaksana_unit(unit, rng, urutan_awal, oleh) -> int:
    """Kepala (pejabat) dan 3–6 staf per unit; unit yang sudah berisi tidak diisi ulang."""
    if unit.pelaksana.exists():
        return 0
    kepala = Pelaksana(
        nama=_nama(rng),
        nip=_nip(rng, urutan_awal),
        jabatan=f"Kepala {unit.nama_pendek}",
        kategori=Pelaksana.Kategori.PEJABAT,
        penyelenggara=unit,
    )
    services.pelaksana_simpan(pelaksana=kepala, oleh=oleh)
    jumlah = rng.randint(3, 6)
    for i in range(jumlah):
        jabatan, kategori = JABATAN_STAF[(urutan_awal + i) % len(JABATAN_STAF)]
        nip = "" if kategori == "lainnya" else _nip(rng, urutan_awal + i + 1)
        staf = Pelaksana(nama=_nama(rng), nip=nip, jabatan=jabatan, kategori=kategori, penyelenggara=unit)
        services.pelaksana_simpan(pelaksana=staf, oleh=oleh)
    unit.kepala = kepala
    services.penyelenggara_simpan(penyelenggara=unit, oleh=oleh, field_diubah=["kepala"])
    return jumlah + 1


def _jenis_layanan(oleh):
    for kode, daftar in LAYANAN.items():
        unit = Penyelenggara.objects.filter(kode=kode).first()
        for nama in daftar if unit else []:
            if not JenisLayanan.objects.filter(penyelenggara=unit, nama=nama).exists():
                services.jenis_layanan_simpan(
                    jenis_layanan=JenisLayanan(penyelenggara=unit, nama=nama), oleh=oleh
                )


def _atasan_unit(unit, oleh) -> None:
    """Atasan langsung demo: pejabat struktural di bawah Kepala, staf lain di bawah pejabat pertama."""
    if unit.kepala_id is None:
        return
    staf = list(unit.pelaksana.filter(aktif=True).exclude(pk=unit.kepala_id).order_by("pk"))
    pejabat = [p for p in staf if p.kategori == Pelaksana.Kategori.PEJABAT]
    for p in staf:
        if p.atasan_langsung_id:
            continue
        atasan = unit.kepala_id if p in pejabat or not pejabat else pejabat[0].pk
        p.atasan_langsung_id = atasan
        services.pelaksana_simpan(pelaksana=p, oleh=oleh, field_diubah=["atasan_langsung"])


def _penempatan_unit(unit, rng, oleh) -> None:
    """Setiap Pelaksana bukan Kepala ditempatkan di satu jenis layanan unitnya (atau ruang pelayanan)."""
    layanan = list(unit.jenis_layanan.filter(aktif=True).order_by("nama"))
    belum = (
        unit.pelaksana.filter(aktif=True, penempatan__isnull=True).exclude(pk=unit.kepala_id).order_by("pk")
    )
    for i, p in enumerate(belum):
        jenis = layanan[i % len(layanan)] if layanan else None
        mulai = date(2025, rng.randint(1, 6), rng.randint(1, 28))
        services.penempatan_ganti(
            pelaksana=p, jenis_layanan=jenis, tempat="" if jenis else f"Ruang pelayanan {unit.nama_pendek}",
            mulai=mulai, keterangan="Penempatan awal (data demo).", oleh=oleh,
        )  # fmt: skip


def unit_dan_pelaksana(konteks):
    oleh = konteks["admin"]
    jumlah_unit = muat_penyelenggara(oleh)
    rng = random.Random(8_2025)  # noqa: S311 (data demo deterministik, bukan kriptografi)
    baru = 0
    for nomor, unit in enumerate(Penyelenggara.objects.order_by("kode")):
        baru += _pelaksana_unit(unit, rng, nomor * 10 + 1, oleh)
    _jenis_layanan(oleh)
    for unit in Penyelenggara.objects.select_related("kepala").order_by("kode"):
        _atasan_unit(unit, oleh)
        _penempatan_unit(unit, rng, oleh)
    konteks["stdout"].write(
        f"Penyelenggara: {jumlah_unit} baris dimuat; Pelaksana baru: {baru} "
        f"(total {Pelaksana.objects.count()}); {Penempatan.objects.count()} penempatan."
    )


LANGKAH = [(20, unit_dan_pelaksana)]
