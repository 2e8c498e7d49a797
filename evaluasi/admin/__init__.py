"""Admin app evaluasi: ``instrumen`` (instrumen PEKPPP berversi, aspek, indikator) dan ``monev`` (siklus,
evaluasi, hasil, sanggahan). Django memuat modul ini; mendaftarkan keduanya cukup dengan mengimpornya."""

from . import instrumen, monev  # noqa: F401
