"""Instrumen PEKPPP 2025 jenis A (luring) sebagai data: aspek, indikator, level, isian F-01, bukti dukung, kategori.

Sumber: /work/shared/domain/regulations.md §2.2 (bobot aspek), §2.3 (indikator dan bobotnya), §2.4 (level
0–5 dan opsi yang dihitung dari F-01), §2.7 (kategori IPP), §6.2 (bukti dukung). Teks level ditulis dalam
Bahasa Indonesia mengikuti bunyi F-02; admin dapat memperbaikinya bila teks resmi Pedoman berbeda.

Keputusan yang tidak tertulis di sumber (lihat juga docstring evaluasi/usulan_level.py):

- Aspek diberi kode romawi I–VII (§2.9); aspek VII "Informasi Tambahan" berbobot 0 % dan hanya memuat
  indikator suplemen 31 (sistem antrian), yang dinilai tetapi tidak masuk IPP.
- ``wajib`` pada slot bukti tidak disebut sumber. Ditandai wajib: bukti utama yang diperlukan untuk setiap
  klaim level di atas 0; bukti yang hanya menopang level lebih tinggi tidak wajib. Ind. 21 dan 29 tidak
  punya slot wajib karena bukti §6.2-nya hanya relevan untuk sebagian level.
- Ind. 23 mengikuti urutan tangga F-02 (operasikan, akses, kompatibel, .go.id, navigasi), bukan urutan
  pertanyaan F-01 (§2.4).
"""

from decimal import Decimal

from django.db import migrations

TAHUN, JENIS = 2025, "A"

INSTRUMEN = {
    "tahun": TAHUN,
    "jenis": JENIS,
    "nama": "PEKPPP 2025 Jenis A (luring)",
    "dasar_hukum": "PermenPANRB 29/2022 jo. 4/2023; Pedoman MenPANRB 5/2023",
    "aktif": True,
}

# (kode, nama, bobot %, urutan) — §2.2
ASPEK = [
    ("I", "Kebijakan Pelayanan", "24", 1),
    ("II", "Profesionalisme SDM", "25", 2),
    ("III", "Sarana Prasarana", "18", 3),
    ("IV", "Sistem Informasi Pelayanan Publik", "11", 4),
    ("V", "Konsultasi dan Pengaduan", "10", 5),
    ("VI", "Inovasi Pelayanan Publik", "12", 6),
    ("VII", "Informasi Tambahan", "0", 7),
]

# (kode, predikat, batas bawah, batas atas) — §2.7, rentang inklusif atas IPP yang dibulatkan 2 desimal
KATEGORI = [
    ("A", "Pelayanan Prima", "4.51", "5.00"),
    ("A-", "Sangat Baik", "4.01", "4.50"),
    ("B", "Baik", "3.51", "4.00"),
    ("B-", "Baik dengan Catatan", "3.01", "3.50"),
    ("C", "Cukup", "2.51", "3.00"),
    ("C-", "Cukup dengan Catatan", "2.01", "2.50"),
    ("D", "Buruk", "1.51", "2.00"),
    ("E", "Sangat Buruk", "1.01", "1.50"),
    ("F", "Gagal", "0.00", "1.00"),
]


# --- Penyusun isian F-01 (lihat bentuknya di evaluasi/usulan_level.py) ---------------------------


def ya(kode, label, syarat=False):
    masukan = {"kode": kode, "jenis": "ya_tidak", "label": label}
    return masukan | ({"syarat": True} if syarat else {})


def ceklis(kode, label, opsi):
    return {
        "kode": kode,
        "jenis": "ceklis",
        "label": label,
        "opsi": [{"kode": k, "label": t} for k, t in opsi],
    }


def pilihan(kode, label, opsi):
    daftar = [{"kode": k, "label": t, "level": n} for k, t, n in opsi]
    return {"kode": kode, "jenis": "pilihan", "label": label, "opsi": daftar}


def jumlah(kode, label):
    return {"kode": kode, "jenis": "jumlah", "label": label}


def persen(kode, label):
    return {"kode": kode, "jenis": "persen", "label": label}


def berjenjang(nol, pola, lima):
    """Deskripsi level 0–5 untuk tangga "n unsur": level 1–4 mengisi ``{n}`` pada ``pola``."""
    return (nol, *(pola.format(n=n) for n in range(1, 5)), lima)


MEDIA_PUBLIKASI = [
    ("cetak", "Media cetak/non-elektronik (brosur, leaflet, papan pengumuman)"),
    ("elektronik", "Media elektronik (layar TV/monitor, kios informasi)"),
    ("media_sosial", "Media sosial"),
    ("website", "Website/subsite"),
    ("aplikasi", "Aplikasi yang dapat diunduh"),
]
PAPAN_REKLAME = ("papan_reklame", "Papan reklame (videotron, billboard, baliho)")

INDIKATOR = [
    # ---------------------------------------------------------------- I. Kebijakan Pelayanan (24 %)
    {
        "nomor": 1,
        "aspek": "I",
        "kode": "1.a.Ak",
        "bobot": "17",
        "teks": "Tersedia Standar Pelayanan (SP) sesuai dengan ketentuan peraturan perundang-undangan yang berlaku",
        "level": (
            "Tidak tersedia Standar Pelayanan (SP).",
            "Tersedia SP, tetapi belum memenuhi 14 komponen.",
            "Tersedia SP yang memenuhi 14 komponen.",
            "Tersedia SP yang memenuhi 14 komponen dan telah ditetapkan.",
            "Tersedia SP yang memenuhi 14 komponen, disusun dengan melibatkan masyarakat, dan telah ditetapkan.",
            "Tersedia SP yang memenuhi 14 komponen, disusun dengan melibatkan masyarakat, telah ditetapkan, "
            "dan dimonitor serta dievaluasi (monev).",
        ),
        "aturan": "bertingkat",
        "f01": {
            "masukan": [
                ya("ada_sp", "Tersedia Standar Pelayanan (untuk sebagian atau seluruh jenis pelayanan)"),
                ya("empat_belas_komponen", "SP memenuhi 14 komponen (6 service delivery, 8 manufacturing)"),
                ya("ditetapkan", "SP telah ditetapkan"),
                ya("melibatkan_masyarakat", "Penyusunan SP melibatkan masyarakat"),
                ya("monev", "SP dimonitor dan dievaluasi (monev)"),
            ]
        },
        "bukti": [
            ("Daftar jenis pelayanan yang diselenggarakan", False, "pdf", ""),
            (
                "Dokumen Standar Pelayanan yang ditetapkan (SK beserta lampiran)",
                True,
                "pdf",
                "SK penetapan SP beserta lampiran 14 komponen untuk setiap jenis pelayanan.",
            ),
            (
                "Berita acara, foto, atau notulen pelibatan masyarakat",
                False,
                "campuran",
                "Bukti pelibatan masyarakat dalam penyusunan SP (level 4–5).",
            ),
            ("Laporan pelaksanaan Forum Konsultasi Publik (FKP)", False, "pdf", ""),
        ],
    },
    {
        "nomor": 2,
        "aspek": "I",
        "kode": "2.a.P",
        "bobot": "14",
        "teks": "Proses penyusunan dan perubahan SP telah melibatkan unsur masyarakat",
        "level": berjenjang(
            "Penyusunan SP tidak melibatkan unsur masyarakat dan pihak terkait (stakeholder).",
            "Penyusunan SP melibatkan sedikitnya {n} unsur masyarakat.",
            "Penyusunan SP melibatkan lebih dari 4 unsur masyarakat.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ceklis(
                    "unsur",
                    "Unsur masyarakat yang terlibat dalam penyusunan/perubahan SP",
                    [
                        ("pengguna_layanan", "Masyarakat pengguna layanan"),
                        ("ahli", "Ahli/praktisi/akademisi"),
                        ("instansi_terkait", "Instansi terkait"),
                        ("organisasi_masyarakat_sipil", "Organisasi masyarakat sipil"),
                        ("media_massa", "Media massa"),
                    ],
                )
            ]
        },
        "bukti": [
            (
                "Berita acara (kesepakatan) Forum Konsultasi Publik",
                True,
                "pdf",
                "BA bertanda tangan para pihak yang memperlihatkan unsur masyarakat yang hadir.",
            ),
            ("Daftar hadir penyusunan SP", False, "pdf", ""),
            ("Notulen", False, "pdf", ""),
            ("Foto kegiatan", False, "gambar", ""),
            ("Laporan pelaksanaan Forum Konsultasi Publik", False, "pdf", ""),
        ],
    },
    {
        "nomor": 3,
        "aspek": "I",
        "kode": "3.a.T",
        "bobot": "7",
        "teks": "Jumlah media publikasi untuk komponen service delivery",
        "level": (
            "Tidak ada publikasi SP.",
            "SP dipublikasikan, tetapi hanya sebagian komponen service delivery, pada media cetak/non-elektronik "
            "maupun elektronik.",
            "Seluruh komponen service delivery dipublikasikan pada 2 media atau lebih, tetapi belum pada SIPP "
            "Nasional.",
            "Seluruh komponen service delivery dipublikasikan pada 2 media dan pada SIPP Nasional.",
            "Seluruh komponen service delivery dipublikasikan pada 3 media dan pada SIPP Nasional.",
            "Seluruh komponen service delivery dipublikasikan pada 4 media atau lebih dan pada SIPP Nasional.",
        ),
        "aturan": "media_sp",
        "f01": {
            "masukan": [
                ya("seluruh_komponen", "Seluruh (6) komponen service delivery dipublikasikan"),
                ceklis(
                    "media",
                    "Media publikasi SP",
                    [*MEDIA_PUBLIKASI, ("sippn", "SIPP Nasional (SIPPN)"), PAPAN_REKLAME],
                ),
            ]
        },
        "bukti": [
            (
                "Foto/tangkapan layar media publikasi SP",
                True,
                "gambar",
                "Satu berkas per media, memperlihatkan komponen service delivery yang dipublikasikan.",
            ),
            ("Tangkapan layar publikasi SP di SIPP Nasional", False, "gambar", "Untuk level 3–5."),
        ],
    },
    {
        "nomor": 4,
        "aspek": "I",
        "kode": "4.a.K",
        "bobot": "14",
        "teks": "Telah dilakukan peninjauan ulang secara berkala atas SP dan hasil peninjauan ulang telah "
        "ditindaklanjuti",
        "level": (
            "Tidak dilakukan peninjauan ulang SP secara berkala.",
            "Peninjauan ulang dilakukan setiap 3 tahun atau lebih terhadap seluruh jenis layanan.",
            "Peninjauan ulang dilakukan 2 tahun sekali terhadap sebagian jenis layanan.",
            "Peninjauan ulang dilakukan 2 tahun sekali terhadap seluruh jenis layanan.",
            "Peninjauan ulang dilakukan setahun sekali atau lebih cepat terhadap sebagian jenis layanan.",
            "Peninjauan ulang dilakukan setahun sekali atau lebih cepat terhadap seluruh jenis layanan.",
        ),
        "aturan": "pilihan",
        "f01": {
            "masukan": [
                pilihan(
                    "peninjauan",
                    "Pernyataan yang paling sesuai tentang peninjauan ulang SP",
                    [
                        ("tidak", "Tidak dilakukan peninjauan ulang berkala", 0),
                        ("tiga_tahun_seluruh", "Setiap 3 tahun atau lebih, seluruh jenis layanan", 1),
                        ("dua_tahun_sebagian", "Setiap 2 tahun, sebagian jenis layanan", 2),
                        ("dua_tahun_seluruh", "Setiap 2 tahun, seluruh jenis layanan", 3),
                        ("setahun_sebagian", "Setahun sekali atau lebih cepat, sebagian jenis layanan", 4),
                        ("setahun_seluruh", "Setahun sekali atau lebih cepat, seluruh jenis layanan", 5),
                    ],
                )
            ]
        },
        "bukti": [
            ("Berita acara FKP peninjauan ulang SP", True, "pdf", ""),
            (
                "Laporan peninjauan ulang (BA peninjauan, rencana aksi, pelaksanaan rencana aksi)",
                False,
                "pdf",
                "",
            ),
            ("Foto kegiatan peninjauan (bertanggal)", False, "gambar", ""),
        ],
    },
    {
        "nomor": 5,
        "aspek": "I",
        "kode": "5.a.K",
        "bobot": "10",
        "teks": "Pemenuhan siklus Maklumat Pelayanan (ketersediaan, penetapan, dan publikasi)",
        "level": (
            "Tidak tersedia Maklumat Pelayanan.",
            "Tersedia Maklumat Pelayanan, tetapi belum ditetapkan.",
            "Maklumat Pelayanan telah ditetapkan, tetapi isinya belum sesuai peraturan perundang-undangan.",
            "Maklumat Pelayanan telah ditetapkan dan isinya sesuai peraturan perundang-undangan.",
            "Maklumat Pelayanan ditetapkan, isinya sesuai, dan dipublikasikan pada media non-elektronik.",
            "Maklumat Pelayanan ditetapkan, isinya sesuai, dan dipublikasikan pada media non-elektronik dan "
            "elektronik.",
        ),
        "aturan": "bertingkat",
        "f01": {
            "masukan": [
                ya("ada", "Tersedia Maklumat Pelayanan"),
                ya("ditetapkan", "Maklumat Pelayanan telah ditetapkan"),
                ya("isi_sesuai", "Isi Maklumat Pelayanan sesuai peraturan perundang-undangan"),
                ya("publikasi_nonelektronik", "Dipublikasikan pada media non-elektronik"),
                ya("publikasi_elektronik", "Dipublikasikan pada media elektronik"),
            ]
        },
        "bukti": [
            ("Dokumen pengesahan Maklumat Pelayanan", True, "pdf", ""),
            ("Foto/tangkapan layar publikasi Maklumat Pelayanan (fisik dan daring)", False, "gambar", ""),
        ],
    },
    {
        "nomor": 6,
        "aspek": "I",
        "kode": "6.a.B",
        "bobot": "17",
        "teks": "SKM yang dilaksanakan sesuai dengan Peraturan Menteri PANRB",
        "level": (
            "Belum melaksanakan Survei Kepuasan Masyarakat (SKM).",
            "SKM dilaksanakan, tetapi tidak sesuai PermenPANRB yang berlaku.",
            "SKM dilaksanakan sesuai PermenPANRB yang berlaku.",
            "SKM sesuai PermenPANRB dan hasilnya dipublikasikan pada media non-elektronik.",
            "SKM sesuai PermenPANRB dan hasilnya dipublikasikan pada media non-elektronik dan elektronik.",
            "SKM sesuai PermenPANRB, hasilnya dipublikasikan pada media non-elektronik dan elektronik, serta "
            "ditindaklanjuti.",
        ),
        "aturan": "bertingkat",
        "f01": {
            "masukan": [
                ya("dilaksanakan", "SKM telah dilaksanakan"),
                ya("sesuai_permen", "Pelaksanaan SKM sesuai PermenPANRB yang berlaku"),
                ya("publikasi_nonelektronik", "Hasil SKM dipublikasikan pada media non-elektronik"),
                ya("publikasi_elektronik", "Hasil SKM dipublikasikan pada media elektronik"),
                ya("tindak_lanjut", "Hasil SKM ditindaklanjuti"),
            ]
        },
        "bukti": [
            (
                "Dokumen/foto pelaksanaan SKM dan media yang digunakan (mesin SKM atau kuesioner)",
                True,
                "campuran",
                "",
            ),
            ("Laporan hasil SKM", True, "pdf", ""),
            ("Publikasi hasil SKM", False, "campuran", "Untuk level 3–5."),
        ],
    },
    {
        "nomor": 7,
        "aspek": "I",
        "kode": "7.a.T",
        "bobot": "7",
        "teks": "Jumlah media publikasi hasil SKM",
        "level": berjenjang(
            "Hasil SKM tidak dipublikasikan.",
            "Hasil SKM dipublikasikan pada {n} media publikasi.",
            "Hasil SKM dipublikasikan pada lebih dari 4 media publikasi.",
        ),
        "aturan": "hitung",
        "f01": {"masukan": [ceklis("media", "Media publikasi hasil SKM", [*MEDIA_PUBLIKASI, PAPAN_REKLAME])]},
        "bukti": [
            ("Foto/tangkapan layar publikasi hasil SKM per media", True, "gambar", "Satu berkas per media.")
        ],
    },
    {
        "nomor": 8,
        "aspek": "I",
        "kode": "8.a.Ak",
        "bobot": "7",
        "teks": "Persentase (rencana) tindak lanjut hasil SKM yang (telah selesai) ditindaklanjuti",
        "level": (
            "Tidak ada rencana tindak lanjut (RTL) hasil SKM.",
            "Ada RTL hasil SKM, tetapi belum dilaksanakan.",
            "RTL hasil SKM dilaksanakan kurang dari 30 %, dibuktikan dengan laporan pelaksanaannya.",
            "RTL hasil SKM dilaksanakan 30–80 %, dibuktikan dengan laporan pelaksanaannya.",
            "RTL hasil SKM dilaksanakan lebih dari 80 %, dibuktikan dengan laporan pelaksanaannya.",
            "RTL hasil SKM dilaksanakan 100 %, dibuktikan dengan laporan pelaksanaannya.",
        ),
        "aturan": "persen_rtl",
        "f01": {
            "masukan": [
                ya("ada_rtl", "Tersedia rencana tindak lanjut (RTL) hasil SKM"),
                persen("realisasi", "Persentase RTL yang telah selesai (realisasi RTL ÷ jumlah RTL × 100)"),
            ]
        },
        "bukti": [
            ("Laporan SKM tahun sebelumnya (n-1) yang memuat RTL", True, "pdf", ""),
            (
                "Laporan pelaksanaan tindak lanjut hasil SKM",
                False,
                "pdf",
                "Untuk level 2–5: memperlihatkan realisasi setiap RTL.",
            ),
        ],
    },
    {
        "nomor": 9,
        "aspek": "I",
        "kode": "9.a.Ak",
        "bobot": "7",
        "teks": "Kecepatan tindak lanjut hasil SKM seluruh jenis pelayanan",
        "level": (
            "Rekomendasi hasil SKM tidak ditindaklanjuti.",
            "Seluruh rekomendasi hasil SKM ditindaklanjuti dalam 1 tahun setelah laporan SKM terbit.",
            "Seluruh rekomendasi hasil SKM ditindaklanjuti dalam 9 bulan setelah laporan SKM terbit.",
            "Seluruh rekomendasi hasil SKM ditindaklanjuti dalam 6 bulan setelah laporan SKM terbit.",
            "Seluruh rekomendasi hasil SKM ditindaklanjuti dalam 3 bulan setelah laporan SKM terbit.",
            "Seluruh rekomendasi hasil SKM ditindaklanjuti dalam 1 bulan setelah laporan SKM terbit.",
        ),
        "aturan": "pilihan",
        "f01": {
            "masukan": [
                pilihan(
                    "kecepatan",
                    "Waktu penyelesaian seluruh tindak lanjut sejak laporan SKM terbit",
                    [
                        ("tidak", "Tidak ditindaklanjuti", 0),
                        ("satu_tahun", "1 tahun", 1),
                        ("sembilan_bulan", "9 bulan", 2),
                        ("enam_bulan", "6 bulan", 3),
                        ("tiga_bulan", "3 bulan", 4),
                        ("satu_bulan", "1 bulan", 5),
                    ],
                )
            ]
        },
        "bukti": [
            ("Laporan SKM 2 tahun terakhir beserta RTL", True, "pdf", ""),
            (
                "Laporan tindak lanjut yang memperlihatkan tanggal penyelesaian",
                True,
                "pdf",
                "Kecepatan dinilai dari tanggal terbit laporan SKM sampai tindak lanjut selesai.",
            ),
        ],
    },
    # ---------------------------------------------------------------- II. Profesionalisme SDM (25 %)
    {
        "nomor": 10,
        "aspek": "II",
        "kode": "10.b.As",
        "bobot": "10",
        "teks": "Tersedia waktu pelayanan yang memudahkan pengguna layanan",
        "level": (
            "Tidak memiliki kebijakan jam pelayanan/kerja.",
            "Memiliki kebijakan jam pelayanan/kerja.",
            *(
                f"Memiliki kebijakan jam pelayanan/kerja dan {n} unsur waktu pelayanan lainnya."
                for n in (1, 2, 3)
            ),
            "Memiliki kebijakan jam pelayanan/kerja dan 4 unsur waktu pelayanan lainnya atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "ambang": [0, 1, 2, 3, 4],
            "masukan": [
                ya("kebijakan_jam", "Memiliki kebijakan jam pelayanan/kerja", syarat=True),
                ceklis(
                    "unsur",
                    "Unsur waktu pelayanan yang memudahkan",
                    [
                        ("tanpa_jeda", "Tanpa jeda pelayanan (istirahat bergilir/shift)"),
                        ("tambahan_hari_kerja", "Penambahan waktu di luar jam pelayanan pada hari kerja"),
                        (
                            "luar_hari_kerja_tertentu",
                            "Penambahan waktu di luar hari kerja pada kondisi tertentu",
                        ),
                        ("luar_hari_kerja_rutin", "Penambahan waktu di luar hari kerja secara rutin"),
                        ("layanan_24_jam", "Layanan 24 jam"),
                    ],
                ),
            ],
        },
        "bukti": [
            ("SK jam pelayanan", True, "pdf", ""),
            ("Surat perintah lembur (nota dinas/memo)", False, "pdf", ""),
            ("Surat tugas pelayanan pada hari libur", False, "pdf", ""),
            ("Foto kegiatan", False, "gambar", ""),
        ],
    },
    {
        "nomor": 11,
        "aspek": "II",
        "kode": "11.b.K",
        "bobot": "20",
        "teks": "Tersedia Kode Etik dan Kode Perilaku Pelaksana dan/atau Budaya Pelayanan di lingkungan instansi",
        "level": (
            "Tidak tersedia kode etik dan kode perilaku pelaksana.",
            "Kode etik dan kode perilaku pelaksana hanya memuat nilai dasar hak dan kewajiban.",
            *(
                f"Kode etik dan kode perilaku memuat hak dan kewajiban serta {n} unsur lainnya."
                for n in (1, 2, 3)
            ),
            "Kode etik dan kode perilaku memuat hak dan kewajiban serta 4 unsur lainnya.",
        ),
        "aturan": "hitung",
        "f01": {
            "ambang": [0, 1, 2, 3, 4],
            "masukan": [
                ya(
                    "hak_kewajiban",
                    "Tersedia kode etik dan kode perilaku yang memuat nilai dasar hak dan kewajiban",
                    syarat=True,
                ),
                ceklis(
                    "unsur",
                    "Unsur lain yang dimuat",
                    [
                        ("larangan_kkn", "Larangan KKN"),
                        ("larangan_diskriminasi", "Larangan diskriminasi"),
                        ("sanksi", "Sanksi"),
                        ("penghargaan", "Penghargaan"),
                    ],
                ),
            ],
        },
        "bukti": [("Dokumen (SK) kode etik dan kode perilaku pelaksana", True, "pdf", "")],
    },
    {
        "nomor": 12,
        "aspek": "II",
        "kode": "12.b.Ak",
        "bobot": "20",
        "teks": "Tersedia mekanisme yang dibangun (unit kerja) untuk menjaga dan meningkatkan motivasi kerja Pelaksana",
        "level": berjenjang(
            "Tidak tersedia mekanisme peningkatan motivasi kerja pelaksana.",
            "Tersedia {n} jenis mekanisme peningkatan motivasi kerja.",
            "Tersedia lebih dari 4 jenis mekanisme peningkatan motivasi kerja.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ceklis(
                    "mekanisme",
                    "Mekanisme peningkatan motivasi kerja",
                    [
                        ("penghargaan", "Pemberian penghargaan"),
                        ("diklat", "Kesempatan mengikuti diklat"),
                        ("beasiswa", "Program beasiswa"),
                        ("konseling", "Program konseling"),
                        ("capacity_building", "Program team/capacity building"),
                        ("lainnya", "Mekanisme lainnya"),
                    ],
                )
            ]
        },
        "bukti": [
            (
                "Dokumentasi program motivasi kerja 1 tahun terakhir",
                True,
                "campuran",
                "Piagam penghargaan, sertifikat diklat, rekomendasi beasiswa, jadwal konseling, foto capacity "
                "building.",
            )
        ],
    },
    {
        "nomor": 13,
        "aspek": "II",
        "kode": "13.b.K",
        "bobot": "20",
        "teks": "Tersedia kriteria pemberian penghargaan bagi pegawai (pelaksana) yang berprestasi",
        "level": (
            "Tidak ada pemberian penghargaan.",
            "Penghargaan diberikan berdasarkan 1–2 unsur, tidak termasuk kinerja.",
            "Penghargaan diberikan berdasarkan 3–5 unsur, tidak termasuk kinerja.",
            "Penghargaan diberikan berdasarkan 1–2 unsur, termasuk kinerja.",
            "Penghargaan diberikan berdasarkan 3–4 unsur, termasuk kinerja.",
            "Penghargaan diberikan berdasarkan 5–6 unsur, termasuk kinerja.",
        ),
        "aturan": "penghargaan",
        "f01": {
            "masukan": [
                ceklis(
                    "kriteria",
                    "Kriteria pemberian penghargaan",
                    [
                        ("kehadiran", "Kehadiran"),
                        ("kinerja", "Kinerja"),
                        ("kerja_sama", "Kerja sama"),
                        ("inovatif", "Inovatif/kreatif"),
                        ("penampilan", "Penampilan"),
                        ("bebas_komplain", "Tidak pernah menerima komplain dari pengguna layanan"),
                    ],
                )
            ]
        },
        "bukti": [("SK yang mengatur kriteria pemberian penghargaan", True, "pdf", "")],
    },
    {
        "nomor": 14,
        "aspek": "II",
        "kode": "14.b.K",
        "bobot": "30",
        "teks": "Tersedia pelaksana yang menerapkan budaya pelayanan",
        "level": berjenjang(
            "Pelaksana tidak menerapkan budaya pelayanan.",
            "Pelaksana menerapkan {n} unsur budaya pelayanan.",
            "Pelaksana menerapkan 5 unsur budaya pelayanan.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ceklis(
                    "unsur",
                    "Unsur budaya pelayanan yang diterapkan pelaksana",
                    [
                        ("seragam", "Mengenakan pakaian seragam"),
                        ("identitas_nama", "Mengenakan identitas nama"),
                        ("atribut", "PIN/atribut/logo unit pelayanan"),
                        ("aturan_5s", "Aturan penerapan 5S (senyum, salam, sapa, sopan, santun)"),
                        ("nilai_budaya", "Nilai-nilai budaya pelayanan"),
                    ],
                )
            ]
        },
        "bukti": [("Foto pegawai menerapkan budaya pelayanan", True, "gambar", "")],
    },
    # ---------------------------------------------------------------- III. Sarana Prasarana (18 %)
    {
        "nomor": 15,
        "aspek": "III",
        "kode": "15.c.K",
        "bobot": "15",
        "teks": "Tersedia tempat parkir dengan fasilitas pendukung yang memadai",
        "level": berjenjang(
            "Tidak tersedia tempat parkir.",
            "Tersedia tempat parkir dengan {n} fasilitas parkir.",
            "Tersedia tempat parkir dengan 5 fasilitas parkir atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ya("tersedia_parkir", "Tersedia tempat parkir bagi pengguna layanan", syarat=True),
                ceklis(
                    "fasilitas",
                    "Fasilitas parkir",
                    [
                        ("pemisahan_r2_r4", "Pemisahan parkir roda dua dan roda empat"),
                        ("petugas", "Petugas parkir"),
                        ("karcis", "Pemeriksaan karcis/kartu parkir"),
                        ("cctv", "CCTV"),
                        ("penitipan_helm", "Penitipan helm/jaket"),
                        ("kanopi", "Pelindung (kanopi/atap)"),
                        ("drive_thru", "Drive thru"),
                        ("lainnya", "Lainnya"),
                    ],
                ),
            ]
        },
        "bukti": [("Foto tempat parkir dan seluruh fasilitasnya", True, "gambar", "")],
    },
    {
        "nomor": 16,
        "aspek": "III",
        "kode": "16.c.As",
        "bobot": "23",
        "teks": "Tersedia ruang tunggu dengan fasilitas wajib dan pelengkap",
        "level": (
            "Tidak tersedia fasilitas ruang tunggu.",
            "Tersedia fasilitas wajib ruang tunggu (kursi tunggu dan pendingin/sirkulasi udara).",
            *(f"Tersedia fasilitas wajib dan {n} fasilitas pelengkap." for n in (1, 2, 3)),
            "Tersedia fasilitas wajib dan 4 fasilitas pelengkap atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "ambang": [0, 1, 2, 3, 4],
            "masukan": [
                ya("kursi_tunggu", "Fasilitas wajib: kursi tunggu", syarat=True),
                ya("sirkulasi_udara", "Fasilitas wajib: pendingin/sirkulasi udara ruangan", syarat=True),
                ceklis(
                    "pelengkap",
                    "Fasilitas pelengkap",
                    [
                        ("antrian_monitor", "Mesin antrian dilengkapi monitor"),
                        ("televisi", "Televisi"),
                        ("bahan_bacaan", "Bahan bacaan"),
                        ("charger", "Pengisi daya (charger booth)"),
                        ("wifi", "Hotspot/wifi"),
                        ("air_minum", "Air minum"),
                        ("lainnya", "Lainnya"),
                    ],
                ),
            ],
        },
        "bukti": [("Foto/video ruang tunggu dan seluruh fasilitasnya", True, "gambar", "")],
    },
    {
        "nomor": 17,
        "aspek": "III",
        "kode": "17.c.As",
        "bobot": "20",
        "teks": "Tersedia sarana toilet pengguna layanan yang layak pakai",
        "level": berjenjang(
            "Tidak tersedia toilet pengguna layanan.",
            "Toilet pengguna layanan memenuhi {n} kondisi.",
            "Toilet pengguna layanan memenuhi lebih dari 4 kondisi.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ya("tersedia_toilet", "Tersedia toilet untuk pengguna layanan", syarat=True),
                ceklis(
                    "kondisi",
                    "Kondisi toilet",
                    [
                        ("terpisah", "Toilet pria dan wanita terpisah"),
                        ("wastafel", "Wastafel"),
                        ("toiletries", "Toiletries (tisu, sabun, tempat sampah)"),
                        ("air_bersih", "Air bersih"),
                        ("monev_kebersihan", "Monev kebersihan oleh petugas"),
                        ("lainnya", "Lainnya"),
                    ],
                ),
            ]
        },
        "bukti": [
            (
                "Foto/video toilet pengguna layanan dan fasilitasnya",
                True,
                "gambar",
                "Termasuk lembar monev kebersihan bila ada.",
            )
        ],
    },
    {
        "nomor": 18,
        "aspek": "III",
        "kode": "18.c.K",
        "bobot": "20",
        "teks": "Tersedia sarana prasarana bagi pengguna layanan kelompok rentan",
        "level": (
            "Tidak tersedia sarana prasarana bagi pengguna layanan kelompok rentan.",
            "Tersedia 1–3 sarana prasarana bagi kelompok rentan.",
            "Tersedia 4–6 sarana prasarana bagi kelompok rentan.",
            "Tersedia 7–9 sarana prasarana bagi kelompok rentan.",
            "Tersedia 10–12 sarana prasarana bagi kelompok rentan.",
            "Tersedia 13 sarana prasarana bagi kelompok rentan atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "ambang": [1, 4, 7, 10, 13],
            "masukan": [
                ceklis(
                    "sarpras",
                    "Sarana prasarana bagi kelompok rentan",
                    [
                        ("kursi_roda", "Kursi roda/tongkat/kruk"),
                        ("pintu_mudah", "Pintu masuk yang mudah diakses"),
                        ("ramp", "Ramp/jalan landai dengan pegangan rambat"),
                        ("lift_braille", "Lift khusus disertai huruf braille"),
                        ("selasar", "Selasar yang menghubungkan semua ruangan"),
                        ("toilet_khusus", "Toilet khusus"),
                        ("loket_khusus", "Loket khusus"),
                        ("ruang_tunggu_khusus", "Ruang tunggu khusus"),
                        ("guiding_block", "Guiding block"),
                        ("parkir_khusus", "Parkir khusus yang mudah diakses"),
                        ("alat_bantu", "Alat bantu tunanetra/tunarungu"),
                        ("arena_bermain", "Arena bermain anak"),
                        ("ruang_laktasi", "Ruang laktasi"),
                        ("petugas_pemandu", "Petugas pemandu/bahasa isyarat"),
                    ],
                )
            ],
        },
        "bukti": [("Foto sarana prasarana kelompok rentan", True, "gambar", "")],
    },
    {
        "nomor": 19,
        "aspek": "III",
        "kode": "19.c.As",
        "bobot": "11",
        "teks": "Tersedia sarana prasarana penunjang",
        "level": berjenjang(
            "Tidak tersedia sarana prasarana penunjang.",
            "Tersedia {n} sarana prasarana penunjang.",
            "Tersedia 5 sarana prasarana penunjang atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ceklis(
                    "fasilitas",
                    "Sarana prasarana penunjang",
                    [
                        ("fotocopy_atk", "Fotokopi/ATK"),
                        ("p3k", "P3K"),
                        ("apar", "APAR"),
                        ("kantin", "Kantin"),
                        ("ruang_ibadah", "Ruang ibadah"),
                        ("area_merokok", "Area merokok di luar ruang pelayanan"),
                        ("jalur_evakuasi", "Jalur evakuasi/titik kumpul"),
                        ("ruang_laktasi", "Ruang laktasi"),
                        ("tempat_sampah", "Tempat sampah"),
                        ("cctv", "CCTV"),
                        ("lainnya", "Lainnya"),
                    ],
                )
            ]
        },
        "bukti": [("Foto sarana prasarana penunjang", True, "gambar", "")],
    },
    {
        "nomor": 20,
        "aspek": "III",
        "kode": "20.c.B",
        "bobot": "11",
        "teks": "Sarana Front Office (FO) Informasi di unit layanan",
        "level": berjenjang(
            "Tidak tersedia sarana front office (FO) informasi.",
            "Tersedia FO informasi dengan {n} fasilitas.",
            "Tersedia FO informasi dengan 5 fasilitas atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ya("tersedia_fo", "Tersedia sarana front office informasi", syarat=True),
                ceklis(
                    "fasilitas",
                    "Fasilitas front office informasi",
                    [
                        ("petugas_khusus", "Petugas khusus"),
                        ("meja_kursi", "Meja/kursi"),
                        ("layar_informasi", "Layar/display informasi"),
                        ("bahan_cetak", "Bahan cetak informasi layanan"),
                        ("register_tamu", "Register tamu (manual/elektronik)"),
                        ("lainnya", "Lainnya"),
                    ],
                ),
            ]
        },
        "bukti": [("Foto front office informasi dan fasilitasnya", True, "gambar", "")],
    },
    # ---------------------------------------------------------------- IV. Sistem Informasi Pelayanan Publik (11 %)
    {
        "nomor": 21,
        "aspek": "IV",
        "kode": "21.d.T",
        "bobot": "30",
        "teks": "Tersedia sistem informasi pelayanan publik untuk informasi publik",
        "level": (
            "Tidak tersedia sistem informasi pelayanan publik (SIPP), elektronik maupun non-elektronik.",
            "Tersedia SIPP non-elektronik berupa informasi lisan (pusat informasi).",
            "Tersedia SIPP non-elektronik berupa informasi lisan, papan pengumuman, dan media cetak.",
            "Tersedia SIPP elektronik yang belum daring (e-kiosk, layar TV/monitor).",
            "Tersedia SIPP elektronik berbasis daring/website.",
            "SIPP daring/website terhubung dengan SIPP Nasional dan layanan yang ditetapkan telah diinput ke "
            "SIPP Nasional.",
        ),
        "aturan": "tertinggi",
        "f01": {
            "masukan": [
                ya("lisan", "Informasi lisan (pusat informasi)"),
                ya("papan_pengumuman", "Papan pengumuman"),
                ya("media_cetak", "Media cetak"),
                ya("elektronik_luring", "SIPP elektronik yang belum daring (e-kiosk, layar TV/monitor)"),
                ya("daring", "SIPP berbasis daring/website"),
                ya("sippn", "Terhubung dengan SIPP Nasional dan layanan yang ditetapkan telah diinput"),
            ],
            "tingkat": [
                {"level": 1, "syarat": ["lisan"]},
                {"level": 2, "syarat": ["lisan", "papan_pengumuman", "media_cetak"]},
                {"level": 3, "syarat": ["elektronik_luring"]},
                {"level": 4, "syarat": ["daring"]},
                {"level": 5, "syarat": ["daring", "sippn"]},
            ],
        },
        "bukti": [
            ("Akun pengguna SIPP Nasional", False, "tautan", "Untuk level 5."),
            (
                "Tangkapan layar akun unit di SIPP Nasional yang menampilkan jumlah layanan yang telah diinput",
                False,
                "gambar",
                "Untuk level 5.",
            ),
        ],
    },
    {
        "nomor": 22,
        "aspek": "IV",
        "kode": "22.d.B",
        "bobot": "20",
        "teks": "Tersedia SIPP pendukung operasional pelayanan",
        "level": (
            "Tidak tersedia sistem informasi pendukung operasional pelayanan.",
            "SIPP memuat data pendukung pelayanan (Standar Pelayanan).",
            "SIPP memuat data Standar Pelayanan dan pengelolaan pengaduan SP4N-LAPOR!.",
            "SIPP memuat data Standar Pelayanan, pengelolaan pengaduan SP4N-LAPOR!, dan survei kepuasan "
            "masyarakat.",
            "SIPP memuat data Standar Pelayanan, pengelolaan pengaduan SP4N-LAPOR!, survei kepuasan masyarakat, "
            "dan penilaian kinerja pemberi pelayanan.",
            "SIPP memuat seluruh unsur level 4 serta FAQ, pengelolaan keuangan layanan berbayar, atau unsur "
            "pendukung lainnya.",
        ),
        "aturan": "bertingkat",
        "f01": {
            "masukan": [
                ya("data_sp", "Data pendukung pelayanan (Standar Pelayanan)"),
                ya("sp4n_lapor", "Pengelolaan pengaduan SP4N-LAPOR!"),
                ya("skm", "Survei kepuasan masyarakat"),
                ya("penilaian_kinerja", "Penilaian kinerja pemberi pelayanan"),
                ya("unsur_lain", "FAQ, pengelolaan keuangan layanan berbayar, atau unsur pendukung lainnya"),
            ]
        },
        "bukti": [
            ("Tangkapan layar unsur pendukung SIPP", True, "gambar", "Satu tangkapan layar per unsur.")
        ],
    },
    {
        "nomor": 23,
        "aspek": "IV",
        "kode": "23.d.As",
        "bobot": "20",
        "teks": "Kualitas penggunaan SIPP Elektronik (Website/Aplikasi)",
        "level": (
            "SIPP elektronik tidak terhubung secara daring.",
            "SIPP elektronik (website/aplikasi) mudah dioperasikan.",
            "SIPP elektronik mudah dioperasikan dan mudah diakses.",
            "SIPP elektronik mudah dioperasikan, mudah diakses, dan kompatibel.",
            "SIPP elektronik mudah dioperasikan, mudah diakses, kompatibel, dan merupakan kanal digital resmi "
            "pemerintah (domain .go.id).",
            "SIPP elektronik mudah dioperasikan, mudah diakses, kompatibel, merupakan kanal resmi (domain "
            ".go.id), dan navigasinya mudah dipahami.",
        ),
        "aturan": "bertingkat",
        "f01": {
            "masukan": [
                ya(
                    "daring", "Tersedia SIPP elektronik (website/aplikasi) yang terhubung daring", syarat=True
                ),
                ya("mudah_dioperasikan", "Mudah dioperasikan"),
                ya("mudah_diakses", "Mudah diakses"),
                ya("kompatibel", "Kompatibel"),
                ya("domain_go_id", "Kanal digital resmi pemerintah (domain .go.id)"),
                ya("navigasi", "Navigasi mudah dipahami"),
            ]
        },
        "bukti": [
            ("Tangkapan layar SIPP elektronik (website/aplikasi)", True, "gambar", ""),
            ("Tangkapan layar back-end kanal digital yang dikelola unit", False, "gambar", ""),
        ],
    },
    {
        "nomor": 24,
        "aspek": "IV",
        "kode": "24.d.T",
        "bobot": "30",
        "teks": "Pemutakhiran data dan informasi kanal digital",
        "level": (
            "Data dan informasi pelayanan publik tidak dimutakhirkan.",
            "Data dan informasi pelayanan publik dimutakhirkan setiap tahun.",
            "Data dan informasi pelayanan publik dimutakhirkan setiap semester.",
            "Data dan informasi pelayanan publik dimutakhirkan setiap bulan.",
            "Data dan informasi pelayanan publik dimutakhirkan setiap minggu.",
            "Data dan informasi pelayanan publik dimutakhirkan setiap hari dan sangat lengkap.",
        ),
        "aturan": "pilihan",
        "f01": {
            "masukan": [
                pilihan(
                    "frekuensi",
                    "Jangka waktu pemutakhiran informasi pelayanan publik",
                    [
                        ("tidak", "Tidak dimutakhirkan", 0),
                        ("tahunan", "Tahunan", 1),
                        ("semesteran", "Semesteran", 2),
                        ("bulanan", "Bulanan", 3),
                        ("mingguan", "Mingguan", 4),
                        ("harian", "Harian dan sangat lengkap", 5),
                    ],
                )
            ]
        },
        "bukti": [
            (
                "Foto/tangkapan layar sedikitnya 5 informasi yang dipublikasikan berturut-turut",
                True,
                "gambar",
                "Tampilkan waktu publikasi setiap informasi.",
            )
        ],
    },
    # ---------------------------------------------------------------- V. Konsultasi dan Pengaduan (10 %)
    {
        "nomor": 25,
        "aspek": "V",
        "kode": "25.e.P",
        "bobot": "20",
        "teks": "Tersedia sarana konsultasi dan pengaduan secara tatap muka yang berkualitas",
        "level": berjenjang(
            "Tidak tersedia sarana konsultasi dan pengaduan tatap muka.",
            "Sarana konsultasi dan pengaduan dengan {n} fasilitas.",
            "Sarana konsultasi dan pengaduan dengan 5 fasilitas atau lebih.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ceklis(
                    "fasilitas",
                    "Fasilitas sarana konsultasi dan pengaduan",
                    [
                        ("kotak_saran", "Kotak saran/pengaduan"),
                        ("ruang_khusus", "Ruang khusus"),
                        ("petugas_khusus", "Petugas khusus"),
                        ("air_minum", "Air minum/makanan ringan"),
                        ("register", "Register konsultasi dan pengaduan"),
                        ("publikasi_mekanisme", "Publikasi mekanisme konsultasi dan pengaduan"),
                    ],
                )
            ]
        },
        "bukti": [
            ("Foto sarana/media konsultasi dan pengaduan", True, "gambar", ""),
            ("SK petugas khusus pengaduan", False, "pdf", ""),
        ],
    },
    {
        "nomor": 26,
        "aspek": "V",
        "kode": "26.e.P",
        "bobot": "25",
        "teks": "Tersedia sarana dan media konsultasi serta pengaduan yang bisa dimanfaatkan semua lapisan "
        "masyarakat",
        "level": (
            "Tidak ada sarana dan petugas konsultasi serta pengaduan.",
            "Hanya tersedia media konsultasi dan pengaduan luring yang menyatu dengan front office.",
            "Hanya tersedia media konsultasi dan pengaduan luring yang terpisah dari front office.",
            "Tersedia media luring yang menyatu dengan front office dan media daring.",
            "Tersedia media luring yang terpisah dari front office dan media daring.",
            "Tersedia media luring yang terpisah dari front office dan terhubung dengan SP4N-LAPOR!.",
        ),
        "aturan": "tertinggi",
        "f01": {
            "masukan": [
                ya("luring_menyatu_fo", "Sarana tatap muka menyatu dengan front office"),
                ya("luring_terpisah_fo", "Sarana tatap muka terpisah dari front office"),
                ya("daring", "Sarana daring (e-mail, telepon/pesan, media sosial, website, aplikasi)"),
                ya("sp4n_lapor", "Terhubung dengan SP4N-LAPOR!"),
            ],
            "tingkat": [
                {"level": 1, "syarat": ["luring_menyatu_fo"]},
                {"level": 2, "syarat": ["luring_terpisah_fo"]},
                {"level": 3, "syarat": ["luring_menyatu_fo", ["daring", "sp4n_lapor"]]},
                {"level": 4, "syarat": ["luring_terpisah_fo", ["daring", "sp4n_lapor"]]},
                {"level": 5, "syarat": ["luring_terpisah_fo", "sp4n_lapor"]},
            ],
        },
        "bukti": [
            ("Foto sarana/media konsultasi dan pengaduan", True, "gambar", ""),
            ("Data SP4N-LAPOR!", False, "campuran", "Untuk level 5."),
            ("Surat keputusan pengelolaan pengaduan", False, "pdf", ""),
        ],
    },
    {
        "nomor": 27,
        "aspek": "V",
        "kode": "27.e.Ak",
        "bobot": "25",
        "teks": "Tersedia akuntabilitas hasil konsultasi dan/atau pengaduan",
        "level": (
            "Tidak ada dokumentasi konsultasi dan pengaduan.",
            "Dokumentasi konsultasi dan pengaduan diarsipkan.",
            "Dokumentasi diarsipkan dan dituangkan dalam laporan.",
            "Dokumentasi diarsipkan, dituangkan dalam laporan, dan dimonitor serta dievaluasi (monev).",
            "Dokumentasi diarsipkan, dituangkan dalam laporan, dimonev, dan ditindaklanjuti.",
            "Dokumentasi diarsipkan, dituangkan dalam laporan, dimonev, ditindaklanjuti, dan dipublikasikan.",
        ),
        "aturan": "bertingkat",
        "f01": {
            "masukan": [
                ya("diarsipkan", "Hasil konsultasi dan pengaduan diarsipkan"),
                ya("dilaporkan", "Dituangkan dalam laporan"),
                ya("monev", "Dimonitor dan dievaluasi (monev)"),
                ya("ditindaklanjuti", "Ditindaklanjuti"),
                ya("dipublikasikan", "Dipublikasikan"),
            ]
        },
        "bukti": [
            ("Dokumentasi kegiatan konsultasi dan pengaduan", True, "campuran", ""),
            ("Tangkapan layar dokumentasi pada website/aplikasi/SP4N-LAPOR!", False, "gambar", ""),
            ("Laporan berkala", False, "pdf", ""),
        ],
    },
    {
        "nomor": 28,
        "aspek": "V",
        "kode": "28.e.Ak",
        "bobot": "30",
        "teks": "Tersedia tindak lanjut atas konsultasi dan pengaduan dari semua lapisan masyarakat",
        "level": (
            "Tidak ada konsultasi atau pengaduan yang ditindaklanjuti.",
            "Kurang dari 50 % konsultasi/pengaduan ditindaklanjuti hingga selesai, tidak melalui SP4N-LAPOR!.",
            "50 % atau lebih konsultasi/pengaduan ditindaklanjuti hingga selesai, tidak melalui SP4N-LAPOR!.",
            "Kurang dari 50 % konsultasi/pengaduan yang masuk ke SP4N-LAPOR! ditindaklanjuti hingga selesai.",
            "50 % hingga kurang dari 90 % konsultasi/pengaduan yang masuk ke SP4N-LAPOR! ditindaklanjuti hingga "
            "selesai.",
            "90 % atau lebih konsultasi/pengaduan yang masuk ke SP4N-LAPOR! ditindaklanjuti hingga selesai.",
        ),
        "aturan": "persen_pengaduan",
        "f01": {
            "masukan": [
                jumlah(
                    "masuk",
                    "Jumlah konsultasi/pengaduan masuk, seluruh saluran (Januari–Desember tahun lalu)",
                ),
                jumlah(
                    "selesai",
                    "Jumlah konsultasi/pengaduan yang ditindaklanjuti hingga selesai, seluruh saluran",
                ),
                jumlah("masuk_lapor", "Jumlah konsultasi/pengaduan yang masuk melalui SP4N-LAPOR!"),
                jumlah(
                    "selesai_lapor",
                    "Jumlah konsultasi/pengaduan SP4N-LAPOR! yang ditindaklanjuti hingga selesai",
                ),
            ]
        },
        "bukti": [
            ("Dokumentasi pengaduan beserta tindak lanjutnya", True, "campuran", ""),
            (
                "Tangkapan layar SP4N-LAPOR! (pengaduan masuk dan yang ditindaklanjuti)",
                False,
                "gambar",
                "Untuk level 3–5.",
            ),
        ],
    },
    # ---------------------------------------------------------------- VI. Inovasi Pelayanan Publik (12 %)
    {
        "nomor": 29,
        "aspek": "VI",
        "kode": "29.f.B",
        "bobot": "50",
        "teks": "Penciptaan Inovasi Pelayanan Publik",
        "level": (
            "Tidak ada inovasi pelayanan publik.",
            "Belum ada inovasi; unit masih dalam proses pembelajaran berinovasi (studi tiru dan sejenisnya).",
            "Sudah ada inovasi, tetapi berjalan kurang dari 1 tahun.",
            "Inovasi berjalan 1 tahun atau lebih, tetapi belum diikutsertakan dalam kompetisi.",
            "Inovasi berjalan 1 tahun atau lebih dan telah diikutsertakan dalam kompetisi (tingkat apa pun).",
            "Inovasi telah meraih penghargaan/prestasi (tingkat apa pun).",
        ),
        "aturan": "pilihan",
        "f01": {
            "masukan": [
                pilihan(
                    "status",
                    "Status inovasi pelayanan publik",
                    [
                        ("tidak", "Tidak ada inovasi", 0),
                        ("pembelajaran", "Belum ada inovasi, masih proses pembelajaran", 1),
                        ("kurang_setahun", "Inovasi berjalan kurang dari 1 tahun", 2),
                        ("setahun_tanpa_kompetisi", "Berjalan 1 tahun atau lebih, belum ikut kompetisi", 3),
                        ("setahun_kompetisi", "Berjalan 1 tahun atau lebih, sudah ikut kompetisi", 4),
                        ("berprestasi", "Telah meraih penghargaan (tingkat apa pun)", 5),
                    ],
                )
            ]
        },
        "bukti": [
            ("Proposal inovasi pelayanan publik", False, "pdf", "Untuk level 2–5."),
            ("Dokumen studi tiru/rancang bangun (blueprint)", False, "pdf", "Untuk level 1."),
            ("Dokumentasi pelaksanaan inovasi (foto, daftar hadir)", False, "campuran", "Untuk level 2–5."),
            (
                "Bukti keikutsertaan kompetisi dan/atau piagam penghargaan",
                False,
                "campuran",
                "Untuk level 4–5.",
            ),
        ],
    },
    {
        "nomor": 30,
        "aspek": "VI",
        "kode": "30.f.B",
        "bobot": "50",
        "teks": "Sumber daya yang mendukung keberlanjutan Inovasi Pelayanan Publik",
        "level": (
            "Belum ada sumber daya yang mendukung keberlanjutan inovasi.",
            "Tersedia rancangan payung hukum inovasi.",
            "Tersedia payung hukum inovasi.",
            *(
                f"Tersedia payung hukum inovasi dan {n} kondisi pendukung lainnya (anggaran, sarana prasarana, SDM)."
                for n in (1, 2, 3)
            ),
        ),
        "aturan": "sumber_daya_inovasi",
        "f01": {
            "masukan": [
                pilihan(
                    "payung_hukum",
                    "Payung hukum keberlanjutan inovasi",
                    [
                        ("tidak", "Belum ada", 0),
                        ("rancangan", "Masih rancangan payung hukum", 1),
                        ("ditetapkan", "Payung hukum telah ditetapkan", 2),
                    ],
                ),
                ceklis(
                    "kondisi",
                    "Kondisi pendukung lainnya",
                    [
                        ("anggaran", "Alokasi anggaran keberlanjutan inovasi"),
                        ("sarpras", "Sarana dan prasarana pendukung inovasi"),
                        ("sdm", "SDM yang mendukung keberlanjutan inovasi"),
                    ],
                ),
            ]
        },
        "bukti": [
            (
                "Dokumen payung hukum inovasi",
                True,
                "pdf",
                "Rancangan (level 1) atau yang telah ditetapkan (level 2–5).",
            ),
            ("Dokumen penganggaran inovasi", False, "pdf", ""),
            ("Foto sarana prasarana pendukung inovasi", False, "gambar", ""),
            ("SK tim/perorangan inisiator inovasi", False, "pdf", ""),
        ],
    },
    # ---------------------------------------------------------------- VII. Informasi Tambahan (0 %, tidak dinilai)
    {
        "nomor": 31,
        "aspek": "VII",
        "kode": "31",
        "bobot": "0",
        "suplemen": True,
        "teks": "Tersedia sistem antrian untuk menunjang pelayanan (Informasi Tambahan)",
        "level": berjenjang(
            "Tidak tersedia sistem antrian.",
            "Tersedia sistem antrian dengan {n} fasilitas.",
            "Tersedia sistem antrian dengan lebih dari 4 fasilitas.",
        ),
        "aturan": "hitung",
        "f01": {
            "masukan": [
                ya("tersedia_antrian", "Tersedia sistem antrian di unit pelayanan", syarat=True),
                ceklis(
                    "fasilitas",
                    "Fasilitas sistem antrian",
                    [
                        ("pendaftaran_daring", "Pendaftaran daring/WhatsApp"),
                        ("nomor_antrian", "Nomor antrian"),
                        ("monitor", "Monitor antrian"),
                        ("pengeras_suara", "Pengeras suara"),
                        ("dipandu_petugas", "Dipandu petugas"),
                        ("pengelompokan", "Pengelompokan antrian"),
                        ("lainnya", "Lainnya"),
                    ],
                ),
            ]
        },
        "bukti": [
            ("Foto fasilitas sistem antrian", True, "gambar", ""),
            ("Tangkapan layar website/aplikasi/WhatsApp antrian daring", False, "gambar", ""),
        ],
    },
]


def pasang(apps, schema_editor):
    InstrumenVersi = apps.get_model("evaluasi", "InstrumenVersi")
    Aspek = apps.get_model("evaluasi", "Aspek")
    Indikator = apps.get_model("evaluasi", "Indikator")
    SlotBukti = apps.get_model("evaluasi", "SlotBukti")
    KategoriIPP = apps.get_model("evaluasi", "KategoriIPP")
    if InstrumenVersi.objects.filter(tahun=TAHUN, jenis=JENIS).exists():
        return
    instrumen = InstrumenVersi.objects.create(**INSTRUMEN)
    aspek = {
        kode: Aspek.objects.create(
            instrumen=instrumen, kode=kode, nama=nama, bobot=Decimal(bobot), urutan=urutan
        )
        for kode, nama, bobot, urutan in ASPEK
    }
    for data in INDIKATOR:
        level = {f"level_{n}": teks for n, teks in enumerate(data["level"])}
        indikator = Indikator.objects.create(
            aspek=aspek[data["aspek"]],
            nomor=data["nomor"],
            kode=data["kode"],
            teks=data["teks"],
            bobot=Decimal(data["bobot"]),
            suplemen=data.get("suplemen", False),
            opsi_f01=data["f01"],
            aturan_usulan=data["aturan"],
            **level,
        )
        SlotBukti.objects.bulk_create(
            SlotBukti(
                indikator=indikator,
                nama=nama,
                wajib=wajib,
                jenis_berkas=jenis,
                panduan=panduan,
                urutan=urutan,
            )
            for urutan, (nama, wajib, jenis, panduan) in enumerate(data["bukti"], start=1)
        )
    KategoriIPP.objects.bulk_create(
        KategoriIPP(
            instrumen=instrumen, kode=kode, predikat=predikat, batas_bawah=Decimal(b), batas_atas=Decimal(a)
        )
        for kode, predikat, b, a in KATEGORI
    )


def lepas(apps, schema_editor):
    # Aspek, indikator, slot bukti, dan kategori ikut terhapus (CASCADE).
    apps.get_model("evaluasi", "InstrumenVersi").objects.filter(tahun=TAHUN, jenis=JENIS).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0001_initial")]

    operations = [migrations.RunPython(pasang, lepas)]
