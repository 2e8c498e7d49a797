"""Berkas contoh untuk data demo dan skrip bench: PDF satu halaman yang lolos pemeriksaan ``core.unggahan``.

Setiap langkah demo (``<app>/demo.py``) mengambilnya dari sini, bukan dari demo app lain, agar modul demo
tidak saling mengimpor.
"""


def pdf_contoh(judul: str) -> bytes:
    """PDF kecil yang sah berisi ``judul`` (Latin-1, paling banyak 60 karakter)."""
    teks = judul.encode("latin-1", "replace")[:60]
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n"
        b"4 0 obj<</Length "
        + str(len(teks) + 40).encode()
        + b">>stream\nBT /F1 18 Tf 72 760 Td ("
        + teks
        + b") Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
