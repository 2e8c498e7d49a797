"""View core: ``galat`` (halaman 403/404/500 berbahasa Indonesia; ``handler*`` di urls menunjuk nama yang
diekspor ulang di sini), ``notifikasi``, dan ``dokumen`` (permintaan, status, unduhan PDF)."""

from .galat import galat_403, galat_404, galat_500
from .notifikasi import notifikasi_baca, notifikasi_baca_semua, notifikasi_daftar

__all__ = [
    "galat_403",
    "galat_404",
    "galat_500",
    "notifikasi_baca",
    "notifikasi_baca_semua",
    "notifikasi_daftar",
]
