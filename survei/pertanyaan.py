"""Pertanyaan survei SKM dan empat pilihan jawabannya menurut lampiran PermenPANRB 14/2017.

Teks adalah data: formulir publik, halaman cetak, dan impor membaca dari sini, sehingga perbaikan kata cukup
di satu tempat. Nilai jawaban 1–4 mengikuti urutan pilihan (1 = terburuk, 4 = terbaik; §3.3).
"""

from dataclasses import dataclass

from .ikm import UNSUR


@dataclass(frozen=True)
class Pertanyaan:
    kode: str  # U1 … U9
    unsur: str
    teks: str
    pilihan: tuple[str, str, str, str]  # untuk nilai 1, 2, 3, 4

    @property
    def field(self) -> str:
        return self.kode.lower()


_TEKS = {
    "U1": (
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    "U2": (
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ),
    "U3": (
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ),
    "U4": (
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ),
    "U5": (
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
        "pelayanan dengan hasil yang diberikan?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ),
    "U6": (
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ),
    "U7": (
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan "
        "keramahan?",
        ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ),
    "U8": (
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
    ),
    "U9": (
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ),
}

PERTANYAAN = tuple(Pertanyaan(kode, unsur, *_TEKS[kode]) for kode, unsur in UNSUR)

# Profil responden (opsional): nilai tersimpan → label. Kunci pendek agar muat di kolom ResponSKM.
USIA = (
    ("<20", "Di bawah 20 tahun"),
    ("20-29", "20–29 tahun"),
    ("30-39", "30–39 tahun"),
    ("40-49", "40–49 tahun"),
    ("50-59", "50–59 tahun"),
    ("60+", "60 tahun ke atas"),
)
JENIS_KELAMIN = (("L", "Laki-laki"), ("P", "Perempuan"))
PENDIDIKAN = (
    ("SD", "SD ke bawah"),
    ("SMP", "SMP"),
    ("SMA", "SMA/SMK"),
    ("D1-D3", "D1–D3"),
    ("D4/S1", "D4/S1"),
    ("S2+", "S2 ke atas"),
)
PEKERJAAN = (
    ("PNS", "PNS/ASN"),
    ("TNI/Polri", "TNI/Polri"),
    ("Swasta", "Pegawai swasta"),
    ("Wirausaha", "Wirausaha"),
    ("Pelajar", "Pelajar/Mahasiswa"),
    ("Lainnya", "Lainnya"),
)
PROFIL = {"usia": USIA, "jenis_kelamin": JENIS_KELAMIN, "pendidikan": PENDIDIKAN, "pekerjaan": PEKERJAAN}
