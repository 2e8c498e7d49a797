"""Penulisan data induk kode etik. Setiap perubahan memeriksa hak akses dan dicatat di jejak audit."""

from django.db import transaction

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat, nilai_semula

from .models import JenisLayanan, Larangan, Norma, Pelaksana, Penyelenggara


def _simpan_teraudit(objek, *, nama: str, oleh, field_diubah, unit=lambda objek: None):
    """full_clean, simpan, dan catat ``kode_etik.<nama>.dibuat|diubah`` dengan field yang berubah.

    ``unit`` memberi id Penyelenggara pemilik objek, dipanggil setelah simpan (unit baru baru punya pk).
    Nilai baru disimpan per field dan nilai lamanya di ``data["semula"]`` agar auditor melihat lama → baru.
    """
    aksi = f"kode_etik.{nama}.{'dibuat' if objek._state.adding else 'diubah'}"
    semula = nilai_semula(objek, field_diubah)
    objek.full_clean()
    objek.save()
    data = {f: str(getattr(objek, f)) for f in field_diubah or ()}
    if semula:
        data["semula"] = semula
    audit_catat(objek=objek, aksi=aksi, oleh=oleh, penyelenggara_id=unit(objek), data=data)
    return objek


@transaction.atomic
def penyelenggara_simpan(*, penyelenggara: Penyelenggara, oleh, field_diubah=None) -> Penyelenggara:
    """Buat atau ubah Penyelenggara (hanya Biro dan Admin: data induk unit provinsi)."""
    akses.wajib(oleh, Kemampuan.KELOLA_PENYELENGGARA)
    return _simpan_teraudit(
        penyelenggara, nama="penyelenggara", oleh=oleh, field_diubah=field_diubah, unit=lambda o: o.pk
    )


@transaction.atomic
def pelaksana_simpan(*, pelaksana: Pelaksana, oleh, field_diubah=None) -> Pelaksana:
    """Buat atau ubah Pelaksana di unit yang dijangkau ``oleh``."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    if pelaksana.pk:
        # Memindahkan Pelaksana keluar dari unit asal juga harus dalam lingkup: unit lama diperiksa.
        asal = Pelaksana.objects.select_related("penyelenggara").get(pk=pelaksana.pk).penyelenggara
        akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, asal)
    return _simpan_teraudit(
        pelaksana,
        nama="pelaksana",
        oleh=oleh,
        field_diubah=field_diubah,
        unit=lambda o: o.penyelenggara_id,
    )


@transaction.atomic
def jenis_layanan_simpan(*, jenis_layanan: JenisLayanan, oleh, field_diubah=None) -> JenisLayanan:
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_JENIS_LAYANAN, jenis_layanan.penyelenggara)
    return _simpan_teraudit(
        jenis_layanan,
        nama="jenis_layanan",
        oleh=oleh,
        field_diubah=field_diubah,
        unit=lambda o: o.penyelenggara_id,
    )


@transaction.atomic
def norma_simpan(*, norma: Norma | Larangan, oleh, field_diubah=None):
    """Perbaiki teks norma atau larangan (termasuk jalur sanksinya) bila teks resmi Pergub berbeda."""
    akses.wajib(oleh, Kemampuan.KELOLA_NORMA)
    return _simpan_teraudit(norma, nama=type(norma).__name__.lower(), oleh=oleh, field_diubah=field_diubah)
