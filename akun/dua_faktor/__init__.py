"""Verifikasi dua langkah (TOTP dan kode cadangan, django-otp) untuk peran istimewa.

Aturannya satu: bila ``WAJIB_2FA`` menyala, pengguna berperan dalam ``PERAN_WAJIB_2FA`` (admin, Biro, Sekda)
yang sudah lolos kata sandi belum boleh membuka apa pun — halaman portal maupun admin Django — sebelum
memasukkan kode dari aplikasi autentikator (atau satu kode cadangan). Yang belum pernah mendaftar diarahkan
ke pendaftaran lebih dulu. Penguncian login django-axes tetap berlaku pada langkah kata sandi; kode salah
diperlambat oleh django-otp (jeda berlipat per perangkat) dan dicatat di jejak audit.

Isi paket: ``services`` (pendaftaran, verifikasi, kode cadangan), ``middleware`` (gerbang), ``views``,
``forms``.
"""

from django.conf import settings


def wajib_dua_faktor(user) -> bool:
    """Apakah ``user`` (sudah masuk) wajib lolos verifikasi dua langkah."""
    if not getattr(settings, "WAJIB_2FA", False):
        return False
    return bool(user and user.is_authenticated and user.peran in set(settings.PERAN_WAJIB_2FA))


def lolos_dua_faktor(user) -> bool:
    """Boleh lanjut: tidak diwajibkan, atau sesi ini sudah diverifikasi dengan perangkat kedua."""
    if not wajib_dua_faktor(user):
        return True
    terverifikasi = getattr(user, "is_verified", None)
    return bool(terverifikasi and terverifikasi())
