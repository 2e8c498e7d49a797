"""Header keamanan peramban yang tidak disediakan Django 5.2: Content-Security-Policy dan Permissions-Policy.
(Cross-Origin-Opener-Policy, HSTS, nosniff, Referrer-Policy sudah dari SecurityMiddleware; lihat settings.py.)

Kebijakan yang sama berlaku di pengembangan dan produksi, agar pelanggaran terlihat di konsol pengembang
sebelum sampai ke pengguna. ``CSP_LAPOR_SAJA=True`` mengirimnya sebagai
``Content-Security-Policy-Report-Only`` (peramban hanya melapor di konsol, tidak memblokir) untuk masa
peralihan bila ada halaman yang belum rapi.

Pilihan ``style-src``:
- Elemen ``<style>`` hanya dari berkas statis. Grafik SVG (core/grafik_svg.py) tidak memakai ``<style>``
  maupun atribut ``style``: warnanya atribut presentasi SVG.
- Atribut ``style="..."`` diizinkan ('unsafe-inline' hanya untuk ``style-src-attr``): templat memakai lebar
  dinamis (bilah kemajuan, sebaran kategori), dan Django admin memakainya juga. Atribut style tidak bisa
  menjalankan skrip; pemuatan url() dari luar tetap tertutup oleh img-src/font-src/default-src 'self'.
Skrip sepenuhnya dari berkas statis: tidak ada skrip inline dan tidak ada atribut on*=.
"""

from django.conf import settings

KEBIJAKAN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

# Portal tidak memakai kamera, mikrofon, lokasi, pembayaran, atau USB; ditutup juga untuk skrip sisipan.
# Hanya fitur yang dikenal Chromium/Firefox: fitur tak dikenal memunculkan peringatan di konsol.
KEBIJAKAN_IZIN = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def _halaman_debug_django(respons) -> bool:
    """Halaman galat teknis Django (hanya saat DEBUG) memakai skrip dan gaya inline; dengan CSP pengembang
    kehilangan tombol dan tampilan traceback-nya. Di produksi halaman ini tidak pernah dikirim."""
    return (
        settings.DEBUG
        and respons.status_code in (404, 500)
        and b'<meta name="robots" content="NONE,NOARCHIVE">' in getattr(respons, "content", b"")[:1000]
    )


def nama_header_csp() -> str:
    # Dibaca per respons (murah) agar override_settings di uji dan perubahan env berlaku tanpa trik.
    if getattr(settings, "CSP_LAPOR_SAJA", False):
        return "Content-Security-Policy-Report-Only"
    return "Content-Security-Policy"


class HeaderKeamananMiddleware:
    """Tambahkan CSP dan Permissions-Policy ke setiap respons yang belum memilikinya."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respons = self.get_response(request)
        if _halaman_debug_django(respons):
            return respons
        # setdefault: view yang butuh kebijakan lain (kelak) cukup menyetel headernya sendiri.
        respons.headers.setdefault(nama_header_csp(), KEBIJAKAN_CSP)
        respons.headers.setdefault("Permissions-Policy", KEBIJAKAN_IZIN)
        return respons
