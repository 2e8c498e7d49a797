"""Rencana tindak lanjut (RTL) hasil SKM: unit menulis kegiatan atas unsur yang lemah dan menandainya selesai
dengan bukti. Persentase selesai dan ketepatan waktunya menjadi dasar indikator PEKPPP 8 dan 9.

Menulis RTL adalah pekerjaan unit lokus (kemampuan ``ISI_EVALUASI``: Kepala dan Operator, pada unitnya dan
UPTD di bawahnya); Biro dan Pimpinan membaca saja. Kode aksi audit tetap ``evaluasi.skm.rtl.*`` (pengenal
historis, lihat ``services/skm.py``).
"""

import uuid
from datetime import date
from pathlib import PurePosixPath

from django.db import transaction
from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.unggahan import periksa_berkas

from ..ikm import UNSUR
from ..models import PeriodeSKM, RencanaTindakLanjut

KODE_UNSUR = tuple(kode for kode, _ in UNSUR)


def _audit(rtl: RencanaTindakLanjut, aksi: str, oleh, data: dict) -> None:
    audit_catat(objek=rtl, aksi=aksi, oleh=oleh, penyelenggara_id=rtl.periode.penyelenggara_id, data=data)


def _isian_sah(*, unsur, kegiatan, penanggung_jawab, tenggat) -> dict:
    unsur = (unsur or "").strip().upper()
    if unsur not in KODE_UNSUR:
        raise DomainError("Unsur harus salah satu dari U1 sampai U9.")
    kegiatan = (kegiatan or "").strip()
    penanggung_jawab = (penanggung_jawab or "").strip()
    if not kegiatan:
        raise DomainError("Tuliskan kegiatan tindak lanjut.")
    if not penanggung_jawab:
        raise DomainError("Tuliskan penanggung jawab kegiatan.")
    if not isinstance(tenggat, date):
        raise DomainError("Isi tenggat kegiatan dengan tanggal yang sah.")
    return {"unsur": unsur, "kegiatan": kegiatan, "penanggung_jawab": penanggung_jawab, "tenggat": tenggat}


def _kunci(rtl: RencanaTindakLanjut) -> RencanaTindakLanjut:
    # Dua orang menyelesaikan butir yang sama bersamaan: yang kedua membaca keadaan terbaru.
    return RencanaTindakLanjut.objects.select_for_update().select_related("periode").get(pk=rtl.pk)


def _wajib_belum_selesai(rtl: RencanaTindakLanjut) -> None:
    if rtl.selesai_pada:
        raise DomainError("Butir RTL ini sudah ditandai selesai; bukti penyelesaiannya tidak diubah lagi.")


@transaction.atomic
def rtl_tambah(
    *, periode: PeriodeSKM, unsur: str, kegiatan: str, penanggung_jawab: str, tenggat: date, oleh
) -> RencanaTindakLanjut:
    """Tambah satu butir RTL pada periode SKM unit pengguna."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.ISI_EVALUASI, periode.penyelenggara)
    isian = _isian_sah(unsur=unsur, kegiatan=kegiatan, penanggung_jawab=penanggung_jawab, tenggat=tenggat)
    rtl = RencanaTindakLanjut(periode=periode, dibuat_oleh=oleh, **isian)
    rtl.full_clean()
    rtl.save()
    _audit(rtl, "evaluasi.skm.rtl.ditambah", oleh, {**isian, "tenggat": str(tenggat)})
    return rtl


@transaction.atomic
def rtl_ubah(
    *, rtl: RencanaTindakLanjut, unsur: str, kegiatan: str, penanggung_jawab: str, tenggat: date, oleh
) -> RencanaTindakLanjut:
    """Ubah butir RTL yang belum selesai (butir selesai adalah bukti penilaian, tidak diubah)."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.ISI_EVALUASI, rtl.periode.penyelenggara)
    rtl = _kunci(rtl)
    _wajib_belum_selesai(rtl)
    isian = _isian_sah(unsur=unsur, kegiatan=kegiatan, penanggung_jawab=penanggung_jawab, tenggat=tenggat)
    perubahan = {
        k: {"dari": str(getattr(rtl, k)), "ke": str(v)} for k, v in isian.items() if getattr(rtl, k) != v
    }
    for nama, nilai in isian.items():
        setattr(rtl, nama, nilai)
    rtl.full_clean()
    rtl.save(update_fields=[*isian, "updated_at"])
    _audit(rtl, "evaluasi.skm.rtl.diubah", oleh, perubahan)
    return rtl


def _tanggal_selesai_sah(selesai_pada) -> date:
    if not isinstance(selesai_pada, date):
        raise DomainError("Isi tanggal selesai dengan tanggal yang sah.")
    if selesai_pada > timezone.localdate():
        raise DomainError("Tanggal selesai tidak boleh melewati hari ini.")
    return selesai_pada


@transaction.atomic
def rtl_selesaikan(
    *, rtl: RencanaTindakLanjut, selesai_pada: date, keterangan: str, bukti, oleh
) -> RencanaTindakLanjut:
    """Tandai butir RTL selesai dengan bukti (PDF/JPG/PNG, diperiksa isinya) dan tanggal penyelesaiannya.

    Tanggal selesai dibandingkan dengan tenggat untuk persen tepat waktu, maka tidak boleh di masa depan.
    """
    akses.wajib_ubah_di_unit(oleh, Kemampuan.ISI_EVALUASI, rtl.periode.penyelenggara)
    rtl = _kunci(rtl)
    _wajib_belum_selesai(rtl)
    selesai_pada = _tanggal_selesai_sah(selesai_pada)
    if not bukti:
        raise DomainError("Unggah bukti penyelesaian (PDF, JPG, atau PNG).")
    periksa_berkas(bukti)
    rtl.selesai_pada = selesai_pada
    rtl.keterangan_selesai = (keterangan or "").strip()
    rtl.nama_bukti = bukti.name[:255]
    # Nama di disk acak seperti bukti dukung: nama asli (bisa terlalu panjang untuk sistem berkas, mis. huruf
    # multibita) hanya disimpan di nama_bukti dan dipakai saat berkas disajikan.
    akhiran = PurePosixPath(bukti.name).suffix.lower()[:8]
    rtl.bukti.save(f"{uuid.uuid4().hex}{akhiran}", bukti, save=False)
    try:
        rtl.save(update_fields=["selesai_pada", "keterangan_selesai", "bukti", "nama_bukti", "updated_at"])
    except Exception:
        rtl.bukti.storage.delete(rtl.bukti.name)
        raise
    _audit(
        rtl,
        "evaluasi.skm.rtl.diselesaikan",
        oleh,
        {"selesai_pada": str(selesai_pada), "tenggat": str(rtl.tenggat), "bukti": rtl.nama_bukti},
    )
    return rtl
