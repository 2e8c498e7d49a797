"""Penulisan akun. Bendera is_staff/is_superuser Django diturunkan dari peran, tidak diisi tangan."""

from django.db import transaction

from kaltim_yanlik.core.audit import audit_catat, nilai_semula

from . import akses
from .akses import Kemampuan
from .models import Pengguna


@transaction.atomic
def pengguna_simpan(*, pengguna: Pengguna, oleh, sandi: str | None = None, field_diubah=None) -> Pengguna:
    """Buat atau ubah akun; hanya Admin. Sandi (bila diberikan) di-hash dan tidak pernah dicatat."""
    akses.wajib(oleh, Kemampuan.KELOLA_PENGGUNA)
    aksi = "akun.pengguna.dibuat" if pengguna._state.adding else "akun.pengguna.diubah"
    dicatat = [f for f in (field_diubah or ()) if "password" not in f]
    semula = nilai_semula(pengguna, dicatat)
    pengguna.is_staff, pengguna.is_superuser = akses.peran_staf_admin(pengguna.peran)
    if sandi:
        pengguna.set_password(sandi)
    elif pengguna._state.adding:
        pengguna.set_unusable_password()
    pengguna.full_clean(exclude=["password"])
    pengguna.save()
    data = {f: str(getattr(pengguna, f)) for f in dicatat}
    if semula:
        data["semula"] = semula
    if sandi:
        data["sandi"] = "diganti"
    audit_catat(objek=pengguna, aksi=aksi, oleh=oleh, penyelenggara_id=pengguna.penyelenggara_id, data=data)
    return pengguna


# --- Data acuan (pejabat, tabel kewenangan, hari libur, dasar hukum, aturan upaya administratif) ---------


@transaction.atomic
def data_acuan_simpan(*, objek, nama: str, kemampuan: Kemampuan, oleh, field_diubah=None):
    """Simpan satu baris data acuan yang diubah di admin: hak, validasi model, dan jejak audit lama → baru.

    ``nama`` menjadi bagian kode aksi: ``<app>.<nama>.dibuat|diubah`` (mis. ``akun.kewenangan.diubah``).
    """
    akses.wajib(oleh, kemampuan)
    aksi = f"{objek._meta.app_label}.{nama}.{'dibuat' if objek._state.adding else 'diubah'}"
    semula = nilai_semula(objek, field_diubah)
    objek.full_clean()
    objek.save()
    data = {f: str(getattr(objek, f)) for f in field_diubah or ()}
    if semula:
        data["semula"] = semula
    audit_catat(objek=objek, aksi=aksi, oleh=oleh, penyelenggara_id=_unit_acuan(objek), data=data)
    return objek


@transaction.atomic
def data_acuan_hapus(*, objek, nama: str, kemampuan: Kemampuan, oleh) -> None:
    """Hapus satu baris data acuan (mis. hari libur yang salah tanggal); isinya disimpan di jejak audit."""
    akses.wajib(oleh, kemampuan)
    audit_catat(
        objek=objek,
        aksi=f"{objek._meta.app_label}.{nama}.dihapus",
        oleh=oleh,
        penyelenggara_id=_unit_acuan(objek),
        data={"objek": str(objek)},
    )
    objek.delete()


def _unit_acuan(objek) -> int | None:
    return getattr(objek, "penyelenggara_id", None)
