"""Penulisan verifikasi dua langkah: pendaftaran TOTP, kode cadangan, dan verifikasi (tercatat di audit)."""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError

JUMLAH_KODE_CADANGAN = 10
NAMA_TOTP = "Aplikasi autentikator"
NAMA_CADANGAN = "Kode cadangan"


def totp_terkonfirmasi(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def sudah_terdaftar(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def totp_siapkan(*, user) -> TOTPDevice:
    """Perangkat TOTP belum terkonfirmasi untuk dipindai; dipakai ulang agar muat ulang tidak mengganti QR."""
    perangkat = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return perangkat or TOTPDevice.objects.create(user=user, name=NAMA_TOTP, confirmed=False)


def _kode_cadangan_baru(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    perangkat = StaticDevice.objects.create(user=user, name=NAMA_CADANGAN, confirmed=True)
    kode = [StaticToken.random_token() for _ in range(JUMLAH_KODE_CADANGAN)]
    StaticToken.objects.bulk_create(StaticToken(device=perangkat, token=k) for k in kode)
    return kode


def _pesan_tertahan(perangkat) -> str | None:
    boleh, info = perangkat.verify_is_allowed()
    if boleh:
        return None
    sampai = (info or {}).get("locked_until")
    return (
        "Terlalu banyak kode salah. Tunggu sebentar"
        + (f" (sampai {sampai:%H.%M.%S} UTC)" if sampai else "")
        + " lalu coba lagi dengan kode yang baru."
    )


@transaction.atomic
def totp_konfirmasi(*, user, perangkat: TOTPDevice, kode: str) -> list[str]:
    """Konfirmasi pendaftaran dengan kode pertama dari aplikasi; kembalikan kode cadangan (tampil sekali).

    Pendaftaran ulang mengganti perangkat lama dan seluruh kode cadangan lama.
    """
    perangkat = TOTPDevice.objects.select_for_update().get(pk=perangkat.pk, user=user, confirmed=False)
    tertahan = _pesan_tertahan(perangkat)
    if tertahan:
        raise DomainError(tertahan)
    if not perangkat.verify_token(kode):
        # Pendaftaran belum memberi akses apa pun: kode salah cukup dijawab, tanpa jejak dan tanpa jeda.
        raise DomainError(
            "Kode tidak cocok. Periksa jam ponsel Anda lalu masukkan kode 6 angka yang sedang tampil."
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=perangkat.pk).delete()
    perangkat.confirmed = True
    perangkat.save(update_fields=["confirmed"])
    kode_cadangan = _kode_cadangan_baru(user)
    audit_catat(
        objek=user, aksi="akun.2fa.didaftarkan", oleh=user, data={"kode_cadangan": len(kode_cadangan)}
    )
    return kode_cadangan


@transaction.atomic
def kode_cadangan_buat_ulang(*, user) -> list[str]:
    """Ganti seluruh kode cadangan (yang lama tidak berlaku lagi); tampil sekali kepada pemiliknya."""
    if not sudah_terdaftar(user):
        raise DomainError("Daftarkan aplikasi autentikator lebih dulu.")
    kode = _kode_cadangan_baru(user)
    audit_catat(objek=user, aksi="akun.2fa.kode_cadangan_diganti", oleh=user, data={"jumlah": len(kode)})
    return kode


def _audit_gagal(user, langkah: str, perangkat) -> None:
    audit_catat(
        objek=user,
        aksi="akun.2fa.kode_salah",
        oleh=user,
        data={
            "langkah": langkah,
            "perangkat": perangkat.name,
            "gagal_berturut": perangkat.throttling_failure_count,
        },
    )


def dua_faktor_verifikasi(*, user, kode: str):
    """Perangkat yang menerima ``kode`` (TOTP, atau kode cadangan yang lalu hangus); DomainError bila tidak.

    Tidak dalam transaksi yang dibatalkan saat gagal: penghitung jeda django-otp dan jejak audit kode salah
    harus tetap tersimpan (itulah pengamannya terhadap tebakan).
    """
    kode = "".join((kode or "").split())
    totp = totp_terkonfirmasi(user)
    if totp is None:
        raise DomainError("Akun ini belum mendaftarkan aplikasi autentikator.")
    perangkat = totp if kode.isdigit() else StaticDevice.objects.filter(user=user, confirmed=True).first()
    if perangkat is None:
        raise DomainError("Kode tidak dikenal. Masukkan 6 angka dari aplikasi atau satu kode cadangan.")
    tertahan = _pesan_tertahan(perangkat)
    if tertahan:
        _audit_gagal(user, "masuk (tertahan)", perangkat)
        raise DomainError(tertahan)
    if not perangkat.verify_token(kode):
        perangkat.refresh_from_db()
        _audit_gagal(user, "masuk", perangkat)
        raise DomainError(
            "Kode salah atau sudah pernah dipakai. Masukkan kode yang sedang tampil di aplikasi, atau satu "
            "kode cadangan yang belum dipakai."
        )
    if isinstance(perangkat, StaticDevice):
        sisa = StaticToken.objects.filter(device=perangkat).count()
        audit_catat(objek=user, aksi="akun.2fa.kode_cadangan_dipakai", oleh=user, data={"sisa": sisa})
    return perangkat
