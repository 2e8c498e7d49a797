"""Penulisan data induk kode etik. Setiap perubahan memeriksa hak akses dan dicatat di jejak audit."""

from django.db import transaction

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat

from .models import JenisLayanan, Larangan, Norma, Pelaksana, Penyelenggara


def _perubahan(objek, field_diubah) -> dict:
    return {f: str(getattr(objek, f)) for f in field_diubah or ()}


def _aksi(objek, nama: str) -> str:
    return f"kode_etik.{nama}.{'dibuat' if objek._state.adding else 'diubah'}"


@transaction.atomic
def penyelenggara_simpan(*, penyelenggara: Penyelenggara, oleh, field_diubah=None) -> Penyelenggara:
    """Buat atau ubah Penyelenggara (hanya Biro dan Admin: data induk unit provinsi)."""
    akses.wajib(oleh, Kemampuan.KELOLA_PENYELENGGARA)
    aksi = _aksi(penyelenggara, "penyelenggara")
    penyelenggara.full_clean()
    penyelenggara.save()
    audit_catat(
        objek=penyelenggara,
        aksi=aksi,
        oleh=oleh,
        penyelenggara_id=penyelenggara.pk,
        data=_perubahan(penyelenggara, field_diubah),
    )
    return penyelenggara


@transaction.atomic
def pelaksana_simpan(*, pelaksana: Pelaksana, oleh, field_diubah=None) -> Pelaksana:
    """Buat atau ubah Pelaksana di unit yang dijangkau ``oleh``."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    if pelaksana.pk:
        # Memindahkan Pelaksana keluar dari unit asal juga harus dalam lingkup: unit lama diperiksa.
        asal = Pelaksana.objects.select_related("penyelenggara").get(pk=pelaksana.pk).penyelenggara
        akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, asal)
    aksi = _aksi(pelaksana, "pelaksana")
    pelaksana.full_clean()
    pelaksana.save()
    audit_catat(
        objek=pelaksana,
        aksi=aksi,
        oleh=oleh,
        penyelenggara_id=pelaksana.penyelenggara_id,
        data=_perubahan(pelaksana, field_diubah),
    )
    return pelaksana


@transaction.atomic
def jenis_layanan_simpan(*, jenis_layanan: JenisLayanan, oleh, field_diubah=None) -> JenisLayanan:
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_JENIS_LAYANAN, jenis_layanan.penyelenggara)
    aksi = _aksi(jenis_layanan, "jenis_layanan")
    jenis_layanan.full_clean()
    jenis_layanan.save()
    audit_catat(
        objek=jenis_layanan,
        aksi=aksi,
        oleh=oleh,
        penyelenggara_id=jenis_layanan.penyelenggara_id,
        data=_perubahan(jenis_layanan, field_diubah),
    )
    return jenis_layanan


@transaction.atomic
def norma_simpan(*, norma: Norma | Larangan, oleh, field_diubah=None):
    """Perbaiki teks norma atau larangan (termasuk jalur sanksinya) bila teks resmi Pergub berbeda."""
    akses.wajib(oleh, Kemampuan.KELOLA_NORMA)
    aksi = _aksi(norma, type(norma).__name__.lower())
    norma.full_clean()
    norma.save()
    audit_catat(objek=norma, aksi=aksi, oleh=oleh, data=_perubahan(norma, field_diubah))
    return norma
