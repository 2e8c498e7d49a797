"""Instrumen yang sudah dipakai sebuah siklus terkunci: satu penjaga untuk service, admin, dan impor.

Hasil sebuah siklus (IPP, kategori, peringkat) dihitung dari bobot, level, dan rentang kategori instrumennya.
Bila instrumen itu masih dapat diubah, angka yang sudah ditetapkan final — dan yang sudah terbit di halaman
publik — ikut bergeser tanpa koreksi yang tercatat. Karena itu, sejak satu siklus memakai sebuah
``InstrumenVersi``, aspek, bobot indikator, deskripsi level, rentang kategori, isian F-01, dan slot bukti
dukungnya hanya dapat dibaca; perubahan dibuat pada salinan (tindakan "Salin ke versi baru") yang dipakai
siklus berikutnya. Satu-satunya yang tetap boleh diubah adalah tanda ``aktif`` (agar instrumen lama tidak
dipilih lagi untuk siklus baru).
"""

from kaltim_yanlik.core.exceptions import DomainError

from ..models import InstrumenVersi, SiklusMonev

# Kepala instrumen yang boleh berubah setelah dipakai: hanya penanda pilihan untuk siklus baru.
FIELD_BEBAS = frozenset({"aktif"})
AKSI_SALIN = "Salin ke versi baru"


def siklus_pemakai(instrumen_id: int | None) -> SiklusMonev | None:
    """Siklus pertama (tahun terkecil) yang memakai instrumen ini, atau None."""
    if not instrumen_id:
        return None
    return SiklusMonev.objects.filter(instrumen_id=instrumen_id).order_by("tahun").first()


def instrumen_terkunci(instrumen_id: int | None) -> bool:
    return siklus_pemakai(instrumen_id) is not None


def alasan_instrumen_terkunci(instrumen_id: int | None) -> str | None:
    """Pesan penolakan bila instrumen sudah dipakai siklus; None bila masih boleh diubah."""
    siklus = siklus_pemakai(instrumen_id)
    if siklus is None:
        return None
    instrumen = InstrumenVersi.objects.get(pk=instrumen_id)
    return (
        f"Instrumen “{instrumen.nama}” sudah dipakai {siklus.nama}, sehingga aspek, bobot, level, kategori, "
        "isian F-01, dan slot bukti dukungnya tidak dapat diubah lagi: hasil siklus itu dihitung darinya. "
        f"Gunakan tindakan “{AKSI_SALIN}” pada daftar versi instrumen, ubah salinannya, lalu pakai salinan "
        "itu untuk siklus baru."
    )


def wajib_instrumen_dapat_diubah(instrumen_id: int | None) -> None:
    """Tolak (DomainError) perubahan isi instrumen yang sudah dipakai siklus."""
    alasan = alasan_instrumen_terkunci(instrumen_id)
    if alasan:
        raise DomainError(alasan)
