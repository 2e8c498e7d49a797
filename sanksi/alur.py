"""Urutan langkah kasus pelanggaran dan siapa yang boleh mengambilnya (BAB 6 dan BAB 7 Pergub 8/2025).

Satu sumber untuk dua pemakai: service menolak langkah yang tidak sah dengan alasan dari sini, dan halaman
kasus hanya menampilkan formulir langkah berikut yang sah bagi pengguna. Jalur kasus adalah data (disalin dari
``Larangan.jalur_sanksi`` saat dibuka), sehingga kode ini tidak pernah menyebut huruf larangan.
"""

from akun import akses
from akun.akses import Kemampuan
from akun.models import Peran

from .models import Pelanggaran

Tahap = Pelanggaran.Tahap
Jalur = Pelanggaran.Jalur

PEMANGGILAN, PEMERIKSAAN, BAP, SANKSI, TIDAK_TERBUKTI = (
    "pemanggilan",
    "pemeriksaan",
    "bap",
    "sanksi",
    "tidak-terbukti",
)
RUJUKAN, RUJUKAN_HASIL, SELESAI = "rujukan", "rujukan-hasil", "selesai"
KEBERATAN, KEBERATAN_PUTUS = "keberatan", "keberatan-putus"

# langkah → (jalur, tahap asal yang sah, nama langkah untuk pesan)
SYARAT_TAHAP = {
    PEMANGGILAN: (Jalur.ADMINISTRATIF, {Tahap.DIBUKA}, "pemanggilan"),
    PEMERIKSAAN: (Jalur.ADMINISTRATIF, {Tahap.DIPANGGIL}, "pemeriksaan"),
    BAP: (Jalur.ADMINISTRATIF, {Tahap.DIPERIKSA}, "berita acara pemeriksaan"),
    SANKSI: (Jalur.ADMINISTRATIF, {Tahap.BAP}, "penjatuhan sanksi"),
    TIDAK_TERBUKTI: (Jalur.ADMINISTRATIF, {Tahap.BAP}, "penutupan karena tidak terbukti"),
    # Urutan tampil di halaman kasus: hasil rujukan yang ditunggu didahulukan dari rujukan tambahan.
    RUJUKAN_HASIL: (Jalur.PERUNDANG_UNDANGAN, {Tahap.DIRUJUK}, "hasil rujukan"),
    SELESAI: (Jalur.PERUNDANG_UNDANGAN, {Tahap.DIRUJUK}, "penyelesaian kasus"),
    RUJUKAN: (Jalur.PERUNDANG_UNDANGAN, {Tahap.DIBUKA, Tahap.DIRUJUK}, "rujukan"),
    KEBERATAN: (Jalur.ADMINISTRATIF, {Tahap.SANKSI}, "keberatan"),
    KEBERATAN_PUTUS: (Jalur.ADMINISTRATIF, {Tahap.SANKSI}, "keputusan keberatan"),
}

KEMAMPUAN_LANGKAH = {
    **dict.fromkeys(
        [PEMANGGILAN, PEMERIKSAAN, BAP, RUJUKAN, RUJUKAN_HASIL, SELESAI, KEBERATAN], Kemampuan.SIAPKAN_KASUS
    ),
    SANKSI: Kemampuan.JATUHKAN_SANKSI,
    TIDAK_TERBUKTI: Kemampuan.JATUHKAN_SANKSI,
    KEBERATAN_PUTUS: Kemampuan.PUTUS_KEBERATAN,
}

# Keputusan atas kasus biasa diambil Kepala Penyelenggara (BAB 7: "sanksi administratif diberikan oleh
# Kepala Penyelenggara"); admin sistem tetap dapat bertindak sesuai matriks kemampuannya.
_LANGKAH_KEPUTUSAN = {SANKSI, TIDAK_TERBUKTI}
_PERAN_KEPUTUSAN_UNIT = {Peran.KEPALA, Peran.ADMIN}
# Kasus terhadap Kepala Penyelenggara dibina Sekda/Gubernur (BAB 6 ayat 3), dijalankan Biro Organisasi.
_PERAN_KASUS_BIRO = {Peran.BIRO, Peran.ADMIN}

_PESAN_KEMAMPUAN = {
    Kemampuan.SIAPKAN_KASUS: "Anda tidak berwenang mencatat langkah kasus pada unit ini.",
    Kemampuan.JATUHKAN_SANKSI: "Keputusan atas kasus hanya diambil Kepala Penyelenggara unit ini.",
    Kemampuan.PUTUS_KEBERATAN: "Keberatan atas sanksi diputus oleh Biro Organisasi.",
}


def alasan_tahap_tidak_sah(pelanggaran: Pelanggaran, langkah: str) -> str:
    """Kosong bila ``langkah`` sesuai jalur dan tahap kasus; selain itu alasannya untuk pengguna."""
    jalur, tahap_sah, nama = SYARAT_TAHAP[langkah]
    if pelanggaran.jalur != jalur:
        return (
            f"Kasus ini menempuh jalur “{pelanggaran.get_jalur_display().lower()}”; {nama} hanya ada pada "
            f"jalur “{Jalur(jalur).label.lower()}”."
        )
    if pelanggaran.tahap not in tahap_sah:
        sah = " atau ".join(f"“{Tahap(t).label.lower()}”" for t in sorted(tahap_sah))
        return (
            f"Kasus berada pada tahap “{pelanggaran.get_tahap_display().lower()}”; {nama} hanya dapat "
            f"dicatat pada tahap {sah}. Langkah harus berurutan."
        )
    return ""


def alasan_peran_tidak_sah(user, pelanggaran: Pelanggaran, langkah: str) -> str:
    """Kosong bila ``user`` boleh mengambil ``langkah`` pada kasus ini; selain itu alasannya."""
    kemampuan = KEMAMPUAN_LANGKAH[langkah]
    if not akses.boleh_ubah_di_unit(user, kemampuan, pelanggaran.penyelenggara):
        return _PESAN_KEMAMPUAN[kemampuan]
    if langkah == KEBERATAN_PUTUS:
        return ""
    if pelanggaran.ditangani_biro and user.peran not in _PERAN_KASUS_BIRO:
        return (
            "Kasus terhadap Kepala Penyelenggara ditangani Biro Organisasi atas nama Sekretaris Daerah; "
            "unit hanya dapat membacanya."
        )
    keputusan_unit = langkah in _LANGKAH_KEPUTUSAN and not pelanggaran.ditangani_biro
    if keputusan_unit and user.peran not in _PERAN_KEPUTUSAN_UNIT:
        return _PESAN_KEMAMPUAN[kemampuan]
    return ""


def alasan_data_tidak_sah(pelanggaran: Pelanggaran, langkah: str) -> str:
    """Syarat yang bergantung pada isi langkah sebelumnya (hasil BAP, hasil rujukan, keberatan)."""
    if langkah in (SANKSI, TIDAK_TERBUKTI):
        return _alasan_hasil_bap(pelanggaran.beritaacarapemeriksaan.terbukti, langkah)
    if langkah == RUJUKAN_HASIL and not pelanggaran.rujukan.filter(hasil="").exists():
        return "Semua rujukan kasus ini sudah dicatat hasilnya."
    if langkah == SELESAI and not pelanggaran.rujukan.exclude(hasil="").exists():
        return "Kasus dapat diselesaikan setelah hasil sekurang-kurangnya satu rujukan dicatat."
    if langkah == KEBERATAN and hasattr(pelanggaran.sanksi, "keberatan"):
        return "Keberatan atas sanksi ini sudah dicatat; satu sanksi hanya satu keberatan."
    if langkah == KEBERATAN_PUTUS:
        return _alasan_keberatan_terbuka(pelanggaran.sanksi)
    return ""


def _alasan_hasil_bap(terbukti: bool, langkah: str) -> str:
    if langkah == SANKSI and not terbukti:
        return "BAP menyatakan pelanggaran tidak terbukti; sanksi tidak dapat dijatuhkan."
    if langkah == TIDAK_TERBUKTI and terbukti:
        return "BAP menyatakan pelanggaran terbukti; kasus tidak dapat ditutup sebagai tidak terbukti."
    return ""


def _alasan_keberatan_terbuka(sanksi) -> str:
    keberatan = getattr(sanksi, "keberatan", None)
    if keberatan is None:
        return "Belum ada keberatan atas sanksi ini."
    if keberatan.keputusan != keberatan.Keputusan.MENUNGGU:
        return f"Keberatan ini sudah diputus ({keberatan.get_keputusan_display().lower()})."
    return ""


def alasan_langkah_tidak_sah(pelanggaran: Pelanggaran, langkah: str) -> str:
    return alasan_tahap_tidak_sah(pelanggaran, langkah) or alasan_data_tidak_sah(pelanggaran, langkah)


def langkah_berikut(pelanggaran: Pelanggaran) -> list[str]:
    """Langkah sah berikutnya menurut jalur, tahap, dan isi langkah sebelumnya (siapa pun penggunanya)."""
    return [langkah for langkah in SYARAT_TAHAP if not alasan_langkah_tidak_sah(pelanggaran, langkah)]


JUDUL_LANGKAH = {
    PEMANGGILAN: "Pemanggilan",
    PEMERIKSAAN: "Pemeriksaan",
    BAP: "Berita acara pemeriksaan",
    SANKSI: "Penjatuhan sanksi",
    TIDAK_TERBUKTI: "Tutup: tidak terbukti",
    RUJUKAN: "Rujukan ke instansi berwenang",
    RUJUKAN_HASIL: "Hasil rujukan",
    SELESAI: "Selesaikan kasus",
    KEBERATAN: "Catat keberatan",
    KEBERATAN_PUTUS: "Putus keberatan",
}


class LangkahConverter:
    """Konverter URL: hanya nama langkah yang sah, agar jalur lain di bawah satu kasus tidak tertangkap."""

    regex = "|".join(SYARAT_TAHAP)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
