"""Pemeriksaan berkas unggahan menurut isinya (bukan nama atau Content-Type dari peramban).

Dipakai setiap app yang menerima bukti atau lampiran: bukti dukung F-01, lampiran pengaduan, dan seterusnya.
"""

from dataclasses import dataclass
from io import BytesIO

from PIL import Image, UnidentifiedImageError

from .exceptions import DomainError

UKURAN_MAKS_BAKU = 10 * 1024 * 1024
# Batas piksel gambar = ambang bom dekompresi Pillow: header kecil dapat mengaku berukuran raksasa, dan
# gambar seperti itu memakan memori siapa pun yang membukanya (peramban petugas, pembuat PDF).
PIKSEL_MAKS = Image.MAX_IMAGE_PIXELS
_PESAN_GAMBAR_RAKSASA = (
    f"Gambar melebihi {PIKSEL_MAKS // 1_000_000} megapiksel. Perkecil resolusinya lalu unggah ulang."
)


@dataclass(frozen=True)
class JenisBerkas:
    kode: str
    jenis_isi: str
    akhiran: tuple[str, ...]
    label: str


PDF = JenisBerkas("pdf", "application/pdf", (".pdf",), "PDF")
JPEG = JenisBerkas("jpeg", "image/jpeg", (".jpg", ".jpeg"), "JPG")
PNG = JenisBerkas("png", "image/png", (".png",), "PNG")
SEMUA = (PDF, JPEG, PNG)


def _kenali(kepala: bytes) -> JenisBerkas | None:
    if kepala.startswith(b"%PDF-"):
        return PDF
    if kepala.startswith(b"\xff\xd8\xff"):
        return JPEG
    if kepala.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def _gambar_utuh(isi: bytes) -> bool:
    try:
        with Image.open(BytesIO(isi)) as gambar:
            if gambar.width * gambar.height > PIKSEL_MAKS:
                raise DomainError(_PESAN_GAMBAR_RAKSASA)
            gambar.verify()
    except Image.DecompressionBombError:
        # Pillow sendiri menolak di atas dua kali batas; tanpa ini galatnya lolos sebagai 500.
        raise DomainError(_PESAN_GAMBAR_RAKSASA) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def _pdf_utuh(isi: bytes) -> bool:
    # PDF yang terpotong (unggahan terputus) tidak memiliki penanda akhir %%EOF di ekornya.
    return b"%%EOF" in isi[-2048:]


def periksa_berkas(berkas, *, diizinkan=SEMUA, ukuran_maks: int = UKURAN_MAKS_BAKU) -> JenisBerkas:
    """Kembalikan jenis berkas yang sah, atau tolak dengan ``DomainError`` berpesan Indonesia."""
    label = ", ".join(j.label for j in diizinkan)
    if not berkas or not getattr(berkas, "size", 0):
        raise DomainError("Berkas kosong. Pilih berkas yang akan diunggah.")
    if berkas.size > ukuran_maks:
        raise DomainError(
            f"Berkas {berkas.size / 1_048_576:.1f} MB melebihi batas "
            f"{ukuran_maks // 1_048_576} MB per berkas."
        )
    berkas.seek(0)
    isi = berkas.read()
    berkas.seek(0)
    jenis = _kenali(isi[:16])
    if jenis is None or jenis not in diizinkan:
        raise DomainError(f"Isi berkas bukan {label} yang sah. Hanya {label} yang diterima.")
    nama = (getattr(berkas, "name", "") or "").lower()
    if not nama.endswith(jenis.akhiran):
        raise DomainError(f"Nama berkas berakhiran tidak sesuai isinya ({jenis.label}).")
    utuh = _pdf_utuh(isi) if jenis is PDF else _gambar_utuh(isi)
    if not utuh:
        raise DomainError(f"Berkas {jenis.label} rusak atau tidak lengkap. Unggah ulang berkas aslinya.")
    return jenis


def sajikan_unggahan(berkas, *, nama: str | None = None, jenis_isi: str | None = None):
    """Sajikan berkas unggahan pengguna di peramban tanpa memberinya kuasa atas origin portal.

    ``sandbox`` membuka PDF/gambar sebagai dokumen tanpa origin: skrip di dalamnya (bila ada) tidak dapat
    membaca sesi atau memanggil portal atas nama orang yang membukanya. Hak atas berkas sudah diperiksa
    pemanggil; berkas yang hilang dari penyimpanan dijawab 404.
    """
    from django.http import FileResponse, Http404

    try:
        isi = berkas.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from None
    respons = FileResponse(isi, content_type=jenis_isi, filename=nama or None)
    respons["X-Content-Type-Options"] = "nosniff"
    respons["Content-Security-Policy"] = "sandbox"
    respons["Cache-Control"] = "private, no-cache"
    return respons


# --- Lampiran berganda (pengaduan, sanggahan): periksa semua dulu, tulis, bersihkan bila gagal -----------


def periksa_lampiran(lampiran, *, maks: int) -> list[tuple]:
    """(berkas, jenis) setiap lampiran; semua diperiksa sebelum satu pun ditulis ke disk."""
    lampiran = [b for b in (lampiran or []) if b]
    if len(lampiran) > maks:
        raise DomainError(f"Lampiran paling banyak {maks} berkas; Anda memilih {len(lampiran)}.")
    diperiksa = []
    for berkas in lampiran:
        try:
            diperiksa.append((berkas, periksa_berkas(berkas)))
        except DomainError as e:
            raise DomainError(f"Lampiran «{berkas.name}» ditolak: {e.pesan}") from e
    return diperiksa


def simpan_lampiran(model, diperiksa: list[tuple], tertulis: list, **induk) -> None:
    """Tulis setiap berkas lalu barisnya (``model(**induk, ...)``); ``tertulis`` mencatat berkas di disk agar
    dapat dibuang (``buang_berkas``) bila transaksi pemanggil gagal."""
    for berkas, jenis in diperiksa:
        lampiran = model(**induk, nama_asli=berkas.name[:255], jenis_isi=jenis.jenis_isi, ukuran=berkas.size)
        lampiran.berkas.save(berkas.name, berkas, save=False)
        tertulis.append(lampiran.berkas)
        lampiran.save()


def buang_berkas(tertulis: list) -> None:
    for berkas in tertulis:
        berkas.storage.delete(berkas.name)
