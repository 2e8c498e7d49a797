"""Demo penghargaan: periode Pelaksana Dinas Kesehatan di setiap status (persiapan, penilaian dengan lembar
nilai belum lengkap dan satu nominasi berpengaduan, ditetapkan dengan keputusan dan piagam), satu periode
ditetapkan di UPTD Samsat dan satu periode berjenjang Samsat dalam penilaian (tingkat atasan langsung terisi,
tinjauan Kepala Seksi sebagian), serta penghargaan Gubernur dari siklus 2025 yang sudah final (ditetapkan)
dan satu usulan Biro yang masih menunggu Keputusan Gubernur.

Dijalankan sesudah unit, akun, siklus, dan kasus (urutan 60); tidak mengulang bila sudah ada.
"""

import random
from datetime import timedelta

from django.utils import timezone

from akun.models import Pengguna
from evaluasi.models import HasilEvaluasi, SiklusMonev
from kaltim_yanlik.core.dokumen import dokumen_minta
from kode_etik import services as kode_etik_services
from kode_etik.models import Pelaksana, Penyelenggara
from sanksi import services as sanksi_services
from sanksi.models import Pengaduan

from .dokumen import KEPUTUSAN_GUBERNUR, KEPUTUSAN_PELAKSANA, PIAGAM_PELAKSANA, PIAGAM_PENYELENGGARA
from .models import PenghargaanPenyelenggara, PeriodePenghargaan
from .selectors import penilaian_periode
from .services import berjenjang
from .services import penyelenggara as services_unit
from .services import periode as services

# Pejabat struktural unit demo: sekretaris tim dan tiga kepala bidang (anggota tim penilai).
STRUKTURAL = {
    "PD-DINKES": [
        ("Hj. Nurul Hidayah, S.KM., M.Kes.", "Sekretaris Dinas Kesehatan"),
        ("dr. Andi Mappanyukki, M.Kes.", "Kepala Bidang Pelayanan Kesehatan"),
        ("Ir. Rustam Effendi, M.Si.", "Kepala Bidang Pencegahan dan Pengendalian Penyakit"),
        ("Siti Rahmah, S.Kep., M.M.", "Kepala Bidang Sumber Daya Kesehatan"),
    ],
    "UPTD-SAMSAT-SMD": [
        ("Muhammad Yusuf, S.E.", "Kepala Sub Bagian Tata Usaha"),
        ("Dewi Kartika, S.Sos.", "Kepala Seksi Pendataan dan Penetapan"),
        ("Agus Prasetyo, S.H.", "Kepala Seksi Penagihan dan Keberatan"),
        ("Rina Marlina, S.AP.", "Kepala Seksi Pelayanan"),
    ],
}
PETUGAS = [
    ("Fitri Handayani, A.Md.Kes.", "Petugas Loket Pendaftaran"),
    ("Bayu Saputra, S.Kom.", "Pengelola Layanan Informasi"),
    ("Yuliana Sari, S.Farm.", "Petugas Layanan Perizinan Apotek"),
    ("Hendra Gunawan", "Petugas Pengaduan"),
]


def _bulan_mundur(n: int):
    awal = timezone.localdate().replace(day=1)
    for _ in range(n):
        awal = (awal - timedelta(days=1)).replace(day=1)
    return awal


def _pastikan_pelaksana(unit, daftar, oleh) -> list[Pelaksana]:
    hasil = []
    for nama, jabatan in daftar:
        p = Pelaksana.objects.filter(penyelenggara=unit, nama=nama).first()
        if p is None:
            p = Pelaksana(nama=nama, jabatan=jabatan, penyelenggara=unit)
            kode_etik_services.pelaksana_simpan(pelaksana=p, oleh=oleh)
        hasil.append(p)
    return hasil


def _isi_lembar(periode, kepala, rng, *, anggota_terisi=None, condong: dict | None = None):
    kriteria = list(periode.kriteria.filter(dari_data=False))
    nominasi = list(periode.nominasi.select_related("pelaksana"))
    tim = list(periode.tim.order_by("peran", "id"))
    for anggota in tim[: anggota_terisi if anggota_terisi is not None else len(tim)]:
        nilai = {
            (n.pk, k.pk): min(100, rng.randint(72, 92) + (condong or {}).get(n.pelaksana.nama, 0))
            for n in nominasi
            for k in kriteria
        }
        services.lembar_nilai_simpan(anggota=anggota, nilai=nilai, oleh=kepala)


def _periode(kepala, struktural, calon, *, jenis, mulai, nama="Pelaksana Pelayanan Publik Teladan"):
    periode = services.periode_buat(
        penyelenggara=kepala.penyelenggara, jenis=jenis, mulai=mulai, nama_penghargaan=nama, oleh=kepala
    )
    services.tim_tetapkan(periode=periode, sekretaris=struktural[0], anggota=struktural[1:4], oleh=kepala)
    for p, alasan in calon:
        services.nominasi_tambah(periode=periode, pelaksana=p, alasan=alasan, oleh=kepala)
    return periode


def _tetapkan(periode, kepala, nomor, bentuk_teratas, jumlah=1):
    penilaian = penilaian_periode(periode)
    terpilih = [h for h, _n, rekam, _v in penilaian.baris() if not rekam.bersanksi][:jumlah]
    penerima = [
        {"nominasi": penilaian.nominasi[h.nominasi_id], "bentuk": bentuk_teratas if i == 0 else ["piagam"],
         "keterangan_bentuk": "Uang pembinaan Rp1.000.000" if "uang" in bentuk_teratas and i == 0 else "",
         "tampil_publik": True}
        for i, h in enumerate(terpilih)
    ]  # fmt: skip
    tanggal = min(timezone.localdate(), periode.selesai + timedelta(days=5))
    services.periode_tetapkan(
        periode=periode, penerima=penerima, nomor_keputusan=nomor, tanggal_keputusan=tanggal, oleh=kepala
    )
    periode.refresh_from_db()
    return periode


def _pengaduan_dalam(periode, pelaksana, operator):
    """Satu pengaduan terhadap nominasi dalam periode: kriteria tanpa komplain menjadi 0 dan ditandai."""
    if Pengaduan.objects.filter(pelaksana=pelaksana, uraian__startswith="[demo penghargaan]").exists():
        return
    sanksi_services.pengaduan_catat(
        penyelenggara=periode.penyelenggara, saluran=Pengaduan.Saluran.KOTAK_SARAN, pelaksana=pelaksana,
        uraian="[demo penghargaan] Petugas loket melayani sambil bermain telepon genggam dan tidak menyapa.",
        diterima_tanggal=periode.mulai + timedelta(days=9), oleh=operator,
    )  # fmt: skip


def _pelaksana_dinkes(kepala, operator, rng):
    unit = kepala.penyelenggara
    struktural = _pastikan_pelaksana(unit, STRUKTURAL["PD-DINKES"], kepala)
    petugas = _pastikan_pelaksana(unit, PETUGAS, kepala)
    alasan = ["Ramah dan cepat melayani pendaftaran.", "Menginisiasi antrean daring.", "Tidak pernah absen."]
    # Ditetapkan: triwulan yang sudah lewat dan dua bulan lalu.
    triwulan = _periode(
        kepala,
        struktural,
        list(zip(petugas[:3], alasan, strict=True)),
        jenis="triwulan",
        mulai=_bulan_mundur(5),
    )
    services.penilaian_mulai(periode=triwulan, oleh=kepala)
    _isi_lembar(triwulan, kepala, rng, condong={petugas[1].nama: 6})
    _tetapkan(triwulan, kepala, "800/1.4.2/PH-TW/DINKES/2026", ["piagam", "uang"], jumlah=2)
    dua_bulan = _periode(
        kepala,
        struktural,
        list(zip(petugas[:3], alasan, strict=True)),
        jenis="bulanan",
        mulai=_bulan_mundur(2),
    )
    services.penilaian_mulai(periode=dua_bulan, oleh=kepala)
    _isi_lembar(dua_bulan, kepala, rng, condong={petugas[0].nama: 5})
    ditetapkan = _tetapkan(dua_bulan, kepala, "800/1.4.2/PH-BLN/DINKES/2026", ["piagam", "pin"])
    # Penilaian: bulan lalu, tiga dari lima lembar terisi, satu nominasi berpengaduan dalam periode.
    bulan_lalu = _periode(
        kepala, struktural, list(zip(petugas, [*alasan, "Tanggap terhadap keluhan."], strict=True)),
        jenis="bulanan", mulai=_bulan_mundur(1),
    )  # fmt: skip
    _pengaduan_dalam(bulan_lalu, petugas[3], operator)
    services.penilaian_mulai(periode=bulan_lalu, oleh=kepala)
    _isi_lembar(bulan_lalu, kepala, rng, anggota_terisi=3)
    # Persiapan: bulan ini, kriteria tambahan, tim belum disusun.
    bulan_ini = services.periode_buat(
        penyelenggara=unit, jenis="bulanan", mulai=_bulan_mundur(0),
        nama_penghargaan="Pelaksana Pelayanan Publik Teladan", oleh=kepala,
    )  # fmt: skip
    services.kriteria_tambah(periode=bulan_ini, nama="Kepatuhan standar pelayanan", bobot=10, oleh=kepala)
    return ditetapkan


def _pelaksana_samsat(kepala, rng):
    struktural = _pastikan_pelaksana(kepala.penyelenggara, STRUKTURAL["UPTD-SAMSAT-SMD"], kepala)
    staf = list(
        Pelaksana.objects.filter(penyelenggara=kepala.penyelenggara, aktif=True)
        .exclude(pk__in=[p.pk for p in struktural] + [kepala.penyelenggara.kepala_id])
        .order_by("nama")[:3]
    )
    if len(staf) < 2:
        return None
    periode = _periode(kepala, struktural, [(p, "") for p in staf], jenis="bulanan", mulai=_bulan_mundur(2))
    services.penilaian_mulai(periode=periode, oleh=kepala)
    _isi_lembar(periode, kepala, rng)
    _berjenjang_samsat(kepala, struktural, staf, rng)
    return _tetapkan(periode, kepala, "973/PH/UPTD-PPRD-SMD/2026", ["piagam", "piala"])


def _atasan(pelaksana, atasan, oleh) -> None:
    pelaksana.atasan_langsung = atasan
    kode_etik_services.pelaksana_simpan(pelaksana=pelaksana, oleh=oleh, field_diubah=["atasan_langsung"])


def _berjenjang_samsat(kepala, struktural, staf, rng) -> None:
    """Periode berjenjang: petugas → Koordinator Loket → Kepala Seksi Pelayanan → Kepala UPTD (memutus)."""
    unit = kepala.penyelenggara
    kasi = struktural[3]
    (koordinator,) = _pastikan_pelaksana(unit, [("Sri Lestari, S.E.", "Koordinator Loket Pelayanan")], kepala)
    _atasan(kasi, unit.kepala, kepala)
    _atasan(koordinator, kasi, kepala)
    for p in staf:
        _atasan(p, koordinator, kepala)
    periode = services.periode_buat(
        penyelenggara=unit, jenis="bulanan", mulai=_bulan_mundur(1), metode="berjenjang",
        nama_penghargaan="Pelaksana Pelayanan Publik Teladan (berjenjang)", oleh=kepala,
    )  # fmt: skip
    for p in staf:
        services.nominasi_tambah(
            periode=periode, pelaksana=p, alasan="Diusulkan atasan langsung.", oleh=kepala
        )
    services.penilaian_mulai(periode=periode, oleh=kepala)
    kriteria = list(periode.kriteria.filter(dari_data=False))
    for i, nominasi in enumerate(periode.nominasi.order_by("pelaksana__nama")):
        tingkat = list(nominasi.tahap_berjenjang.order_by("tingkat"))
        nilai = {k.pk: rng.randint(75, 92) for k in kriteria}
        berjenjang.tahap_berjenjang_simpan(tahap=tingkat[0], nilai=nilai, catatan="", oleh=kepala)
        if i == 0:  # satu nominasi sudah ditinjau Kepala Seksi (nilai kinerja dikoreksi)
            nilai = {**nilai, kriteria[1].pk: max(0, nilai[kriteria[1].pk] - 5)}
            catatan = "Kinerja dikoreksi: dua keluhan antrean dalam bulan ini."
            berjenjang.tahap_berjenjang_simpan(tahap=tingkat[1], nilai=nilai, catatan=catatan, oleh=kepala)


def _kategori_teratas_berisi(siklus) -> str | None:
    """Kategori tertinggi yang punya unit final (data demo acak belum tentu memuat kategori A)."""
    terisi = set(
        HasilEvaluasi.objects.filter(evaluasi__siklus=siklus, evaluasi__status="final").values_list(
            "kategori", flat=True
        )
    )
    urut = siklus.instrumen.kategori.order_by("-batas_bawah").values_list("kode", flat=True)
    return next((k for k in urut if k in terisi), None)


def _penghargaan_gubernur(biro):
    siklus = SiklusMonev.objects.filter(dipublikasikan_pada__isnull=False).order_by("-tahun").first()
    if siklus is None or services_unit.galat_siklus_belum_final(siklus):
        return None
    tanggal = min(timezone.localdate(), siklus.finalisasi_selesai + timedelta(days=20))
    terbaik = services_unit.usulan_buat(
        siklus=siklus, nama="Penghargaan Pelayanan Publik Terbaik", aturan="peringkat", jumlah_teratas=5,
        oleh=biro,
    )  # fmt: skip
    services_unit.penghargaan_tetapkan(
        penghargaan=terbaik, nomor_keputusan=f"100.3.3.2/K.{siklus.tahun % 100 + 700}/{tanggal.year}",
        tanggal_keputusan=tanggal, bentuk=["piagam", "piala"], oleh=biro,
    )  # fmt: skip
    # Usulan kedua menunggu Keputusan Gubernur: Biro dapat mengeluarkan unit dan menetapkannya sendiri.
    kategori = _kategori_teratas_berisi(siklus)
    if kategori is not None:
        predikat = siklus.instrumen.kategori.get(kode=kategori).predikat
        services_unit.usulan_buat(
            siklus=siklus, nama=f"Penghargaan Pelayanan Publik {predikat}", aturan="kategori",
            kategori=kategori, oleh=biro,
        )  # fmt: skip
    return terbaik


def penghargaan_demo(konteks):
    if PeriodePenghargaan.objects.exists() or PenghargaanPenyelenggara.objects.exists():
        return
    rng = random.Random(5_2025)  # noqa: S311 (data demo deterministik, bukan kriptografi)
    nama_akun = ["kepala.dinkes", "operator.dinkes", "kepala.samsat", "biro"]
    akun = {u.username: u for u in Pengguna.objects.filter(username__in=nama_akun)}
    dokumen = []
    if {"kepala.dinkes", "operator.dinkes"} <= set(akun):
        ditetapkan = _pelaksana_dinkes(akun["kepala.dinkes"], akun["operator.dinkes"], rng)
        dokumen += [(KEPUTUSAN_PELAKSANA, ditetapkan)] + [
            (PIAGAM_PELAKSANA, p) for p in ditetapkan.penerima.all()
        ]
    if "kepala.samsat" in akun:
        _pelaksana_samsat(akun["kepala.samsat"], rng)
    if "biro" in akun:
        prima = _penghargaan_gubernur(akun["biro"])
        if prima is not None:
            dinkes = Penyelenggara.objects.filter(kode="PD-DINKES").first()
            contoh = prima.penerima.filter(penyelenggara=dinkes).first() or prima.penerima.first()
            dokumen += [(KEPUTUSAN_GUBERNUR, prima), (PIAGAM_PENYELENGGARA, contoh)]
    for jenis, subjek in dokumen:
        dokumen_minta(jenis=jenis, subjek=subjek, oleh=akun.get("biro"))
    konteks["stdout"].write(
        f"Penghargaan: {PeriodePenghargaan.objects.count()} periode Pelaksana, "
        f"{PenghargaanPenyelenggara.objects.count()} penghargaan Penyelenggara, "
        f"{len(dokumen)} PDF diantrekan."
    )


LANGKAH = [(60, penghargaan_demo)]
