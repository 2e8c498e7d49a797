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
