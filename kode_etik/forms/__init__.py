"""Formulir app kode_etik: ``data_induk`` (halaman portal; diekspor ulang di sini) dan ``impor`` (impor
berkas di admin, diperiksa sebelum django-import-export membacanya)."""

from .data_induk import (
    JenisLayananForm,
    PelaksanaFilterForm,
    PelaksanaForm,
    PenempatanForm,
    PenyelenggaraFilterForm,
    PenyelenggaraForm,
)

__all__ = [
    "JenisLayananForm",
    "PelaksanaFilterForm",
    "PelaksanaForm",
    "PenempatanForm",
    "PenyelenggaraFilterForm",
    "PenyelenggaraForm",
]
