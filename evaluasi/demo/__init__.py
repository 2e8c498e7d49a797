"""Langkah demo monev (dikumpulkan ``manage.py demo``): siklus 2025 yang sudah terbit, siklus 2026 di setiap
status dengan sanggahannya, dan dokumen PDF contoh. SKM, RTL, dan Ombudsman punya langkahnya sendiri di
``survei/demo.py``."""

from .dokumen import dokumen_demo
from .publikasi import siklus_lalu_demo
from .siklus import sanggahan_demo, siklus_demo

LANGKAH = [
    # Siklus 2025 yang sudah terbit (demo/publikasi.py): sebelum siklus 2026, sebagai pembandingnya.
    (38, siklus_lalu_demo),
    (40, siklus_demo),
    (42, sanggahan_demo),
    # Dokumen PDF contoh (demo/dokumen.py): setelah semua siklus dan hasilnya ada.
    (90, dokumen_demo),
]
