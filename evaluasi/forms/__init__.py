"""Formulir app evaluasi per halaman: ``f01`` (isian unit), ``bukti`` (unggah bukti dukung), ``biro``
(siklus, F-02, pengembalian), ``sanggahan``, ``publikasi``. Hanya bentuk masukan; aturannya di service."""
