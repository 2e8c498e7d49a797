"""Urutan langkah kasus pelanggaran dan tindakan kewenangan tiap langkah (BAB 6 dan BAB 7 Pergub 8/2025).

Satu sumber untuk dua pemakai: service menolak langkah yang tidak sah dengan alasan dari sini, dan halaman
kasus hanya menampilkan formulir langkah berikut yang sah bagi pengguna. Jalur kasus adalah data (disalin dari
``Larangan.jalur_sanksi`` saat dibuka), sehingga kode ini tidak pernah menyebut huruf larangan. Siapa boleh
mengambil langkah dibaca dari tabel kewenangan (``akun.kewenangan``), bukan dari peran di sini.
"""

from akun import kewenangan
from akun.kewenangan import Tindakan

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
BANDING, BANDING_PUTUS = "banding", "banding-putus"

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
    BANDING: (Jalur.ADMINISTRATIF, {Tahap.SANKSI}, "banding"),
    BANDING_PUTUS: (Jalur.ADMINISTRATIF, {Tahap.SANKSI}, "keputusan banding"),
}

# langkah → tindakan pada tabel kewenangan
TINDAKAN_LANGKAH = {
    PEMANGGILAN: Tindakan.PEMANGGILAN,
    PEMERIKSAAN: Tindakan.PEMERIKSAAN,
    BAP: Tindakan.BAP,
    SANKSI: Tindakan.JATUHKAN_SANKSI,
    TIDAK_TERBUKTI: Tindakan.JATUHKAN_SANKSI,
    RUJUKAN: Tindakan.RUJUKAN,
    RUJUKAN_HASIL: Tindakan.RUJUKAN,
    SELESAI: Tindakan.RUJUKAN,
    KEBERATAN: Tindakan.CATAT_KEBERATAN,
    KEBERATAN_PUTUS: Tindakan.PUTUS_KEBERATAN,
    BANDING: Tindakan.CATAT_BANDING,
    BANDING_PUTUS: Tindakan.PUTUS_BANDING,
}
_LANGKAH_UPAYA = {KEBERATAN, KEBERATAN_PUTUS, BANDING, BANDING_PUTUS}


def penerbit(pelanggaran: Pelanggaran) -> str:
    """Jabatan penerbit keputusan sanksi (untuk keberatan dan banding); kosong sebelum ada sanksi."""
    sanksi = getattr(pelanggaran, "sanksi", None)
    return sanksi.penanda_tangan if sanksi else ""


def _argumen(pelanggaran: Pelanggaran, langkah: str) -> dict:
    return {
        "subjek": pelanggaran.subjek_kewenangan,
        "unit": pelanggaran.penyelenggara,
        "penerbit": penerbit(pelanggaran) if langkah in _LANGKAH_UPAYA else "",
    }


def aturan_langkah(user, pelanggaran: Pelanggaran, langkah: str, dari=None):
    """Baris kewenangan yang memberi ``user`` langkah ini, atau None (``dari``: baris yang sudah dimuat)."""
    return kewenangan.aturan_untuk(
        user, TINDAKAN_LANGKAH[langkah], **_argumen(pelanggaran, langkah), dari=dari
    )


def wajib_kewenangan(user, pelanggaran: Pelanggaran, langkah: str):
    """Baris kewenangan yang berlaku; 403 dengan nama pejabat yang berwenang bila ``user`` tidak berwenang."""
    return kewenangan.wajib(user, TINDAKAN_LANGKAH[langkah], **_argumen(pelanggaran, langkah))


def pesan_tolak(pelanggaran: Pelanggaran, langkah: str) -> str:
    """Pesan 403 yang menyebut siapa yang berwenang atas langkah ini."""
    return kewenangan.pesan_tolak(TINDAKAN_LANGKAH[langkah], **_argumen(pelanggaran, langkah))


def siapa_langkah(pelanggaran: Pelanggaran, langkah: str) -> str:
    """Pejabat/peran yang berwenang atas langkah ini, untuk keterangan di halaman kasus."""
    berwenang = kewenangan.siapa(TINDAKAN_LANGKAH[langkah], **_argumen(pelanggaran, langkah))
    return berwenang or "pejabat yang berwenang (tidak ada menurut tabel kewenangan)"


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


def alasan_data_tidak_sah(pelanggaran: Pelanggaran, langkah: str) -> str:
    """Syarat yang bergantung pada isi langkah sebelumnya (hasil BAP, hasil rujukan, keberatan, banding)."""
    if langkah in (SANKSI, TIDAK_TERBUKTI):
        return _alasan_hasil_bap(pelanggaran.beritaacarapemeriksaan.terbukti, langkah)
    if langkah == RUJUKAN_HASIL and not pelanggaran.rujukan.filter(hasil="").exists():
        return "Semua rujukan kasus ini sudah dicatat hasilnya."
    if langkah == SELESAI and not pelanggaran.rujukan.exclude(hasil="").exists():
        return "Kasus dapat diselesaikan setelah hasil sekurang-kurangnya satu rujukan dicatat."
    if langkah == KEBERATAN and hasattr(pelanggaran.sanksi, "keberatan"):
        return "Keberatan atas sanksi ini sudah dicatat; satu sanksi hanya satu keberatan."
    if langkah == KEBERATAN_PUTUS:
        return _alasan_menunggu(getattr(pelanggaran.sanksi, "keberatan", None), "keberatan")
    if langkah in (BANDING, BANDING_PUTUS):
        return _alasan_banding(pelanggaran.sanksi, langkah)
    return ""


def _alasan_hasil_bap(terbukti: bool, langkah: str) -> str:
    if langkah == SANKSI and not terbukti:
        return "BAP menyatakan pelanggaran tidak terbukti; sanksi tidak dapat dijatuhkan."
    if langkah == TIDAK_TERBUKTI and terbukti:
        return "BAP menyatakan pelanggaran terbukti; kasus tidak dapat ditutup sebagai tidak terbukti."
    return ""


def _alasan_menunggu(upaya, nama: str) -> str:
    if upaya is None:
        return f"Belum ada {nama} atas sanksi ini."
    if not upaya.menunggu:
        return f"{nama.capitalize()} ini sudah diputus ({upaya.get_keputusan_display().lower()})."
    return ""


def _alasan_banding(sanksi, langkah: str) -> str:
    """Banding hanya atas keberatan yang ditolak (UU 30/2014 Pasal 78), satu kali."""
    keberatan = getattr(sanksi, "keberatan", None)
    if keberatan is None or keberatan.keputusan != keberatan.Keputusan.DITOLAK:
        return "Banding hanya dapat diajukan atas keputusan keberatan yang menolak."
    banding = getattr(keberatan, "banding", None)
    if langkah == BANDING:
        return (
            "Banding atas keberatan ini sudah dicatat; satu keberatan hanya satu banding." if banding else ""
        )
    return _alasan_menunggu(banding, "banding")


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
    BANDING: "Catat banding",
    BANDING_PUTUS: "Putus banding",
}


class LangkahConverter:
    """Konverter URL: hanya nama langkah yang sah, agar jalur lain di bawah satu kasus tidak tertangkap."""

    # Nama yang lebih panjang didahulukan: "keberatan-putus" tidak terpotong menjadi "keberatan".
    regex = "|".join(sorted(SYARAT_TAHAP, key=len, reverse=True))

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
