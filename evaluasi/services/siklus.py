"""Membuka siklus monev dan menetapkan lokusnya (Biro Organisasi)."""

from django.db import transaction

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kode_etik.models import Penyelenggara

from ..final import siklus_final
from ..models import Evaluasi, SiklusMonev


@transaction.atomic
def siklus_buka(*, siklus: SiklusMonev, oleh, lokus=None) -> SiklusMonev:
    """Simpan siklus baru dan buat satu Evaluasi berstatus draf untuk setiap lokus.

    Tanpa ``lokus``, semua Penyelenggara aktif menjadi lokus (sebuah UPTD adalah lokusnya sendiri).
    """
    akses.wajib(oleh, Kemampuan.KELOLA_SIKLUS)
    if not siklus.instrumen.aktif:
        raise DomainError("Instrumen yang dipilih belum aktif; aktifkan (dan periksa bobotnya) di admin.")
    siklus.dibuat_oleh = oleh
    siklus.full_clean()
    siklus.save()
    daftar = list(lokus if lokus is not None else Penyelenggara.objects.filter(aktif=True))
    if not daftar:
        raise DomainError("Pilih sedikitnya satu lokus.")
    Evaluasi.objects.bulk_create([Evaluasi(siklus=siklus, penyelenggara=p) for p in daftar])
    audit_catat(
        objek=siklus,
        aksi="evaluasi.siklus.dibuka",
        oleh=oleh,
        data={"tahun": siklus.tahun, "lokus": len(daftar)},
    )
    return siklus


def alasan_jendela_terkunci(siklus: SiklusMonev, field_diubah) -> str | None:
    """Alasan menolak perubahan jendela fase, atau None. Dipakai service dan formulir admin (pesan sama)."""
    jendela = {f for f in field_diubah or () if f.endswith(("_mulai", "_selesai"))}
    if jendela and siklus.pk and siklus_final(siklus.pk):
        # Membuka lagi jendela siklus final dapat mengubah hasil yang sudah menjadi rekam resmi; menarik
        # publikasi tidak membukanya kembali (evaluasi/final.py).
        return (
            "Jendela fase siklus ini tidak dapat diubah lagi: siklus sudah final sejak dipublikasikan "
            "(juga bila publikasinya ditarik). Perubahan level hanya lewat koreksi Biro Organisasi."
        )
    return None


@transaction.atomic
def siklus_ubah_jendela(*, siklus: SiklusMonev, oleh, field_diubah=None) -> SiklusMonev:
    """Ubah nama, penanda tangan, atau jendela fase siklus yang sudah dibuka (mis. perpanjangan pengisian)."""
    akses.wajib(oleh, Kemampuan.KELOLA_SIKLUS)
    alasan = alasan_jendela_terkunci(siklus, field_diubah)
    if alasan:
        raise DomainError(alasan)
    siklus.full_clean()
    siklus.save()
    data = {f: str(getattr(siklus, f)) for f in field_diubah or ()}
    audit_catat(objek=siklus, aksi="evaluasi.siklus.diubah", oleh=oleh, data=data)
    return siklus
