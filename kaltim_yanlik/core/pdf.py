"""HTML → PDF dengan WeasyPrint. Hanya dipanggil dari tugas latar, tidak pernah di jalur request.

Dokumen disusun utuh dari template (CSS dan grafik SVG disisipkan di HTML), sehingga WeasyPrint tidak perlu
mengambil apa pun dari luar: pengambil URL hanya menerima ``data:``. Teks yang berasal dari pengguna tidak
dapat membuat server mengambil berkas lokal atau alamat jaringan.
"""

from django.conf import settings


def html_ke_pdf(html: str) -> bytes:
    # Impor di sini: WeasyPrint berat dimuat, dan hanya worker yang membutuhkannya.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    pengambil = URLFetcher(allowed_protocols={"data"}, timeout=5)
    dokumen = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=pengambil)
    return dokumen.write_pdf()
