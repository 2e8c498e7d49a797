"""Pencatatan jejak audit: setiap perubahan keadaan dicatat dalam transaksi yang sama."""

from django.contrib.contenttypes.models import ContentType

from .models import JejakAudit

# Kunci yang tidak pernah disimpan apa adanya di jejak audit.
_KUNCI_RAHASIA = {"password", "password1", "password2", "sandi", "token"}


def audit_catat(*, objek, aksi: str, oleh=None, data: dict | None = None, penyelenggara_id=None):
    """Catat aksi ``aksi`` (misal ``kode_etik.pelaksana.dibuat``) atas ``objek`` oleh ``oleh``."""
    bersih = {k: ("***" if k in _KUNCI_RAHASIA else v) for k, v in (data or {}).items()}
    return JejakAudit.objects.create(
        pengguna=oleh if getattr(oleh, "is_authenticated", False) else None,
        aksi=aksi,
        content_type=ContentType.objects.get_for_model(objek),
        object_id=str(objek.pk),
        objek_repr=str(objek)[:255],
        penyelenggara_id=penyelenggara_id,
        data=bersih,
    )


def nilai_semula(objek, field: list[str] | tuple[str, ...] | None) -> dict:
    """Nilai tersimpan ``field`` sebelum ``objek`` diubah, untuk audit lama → baru (objek baru: kosong)."""
    if objek._state.adding or not field:
        return {}
    lama = type(objek)._default_manager.get(pk=objek.pk)
    return {f: str(getattr(lama, f)) for f in field}
