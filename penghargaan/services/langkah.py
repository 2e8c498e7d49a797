"""Pemeriksaan bersama langkah penghargaan Pelaksana: kewenangan (tabel kewenangan), kunci periode, audit."""

from akun import kewenangan
from akun.kewenangan import Subjek, Tindakan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError

from ..models import PeriodePenghargaan

Status = PeriodePenghargaan.Status


def catat(objek, aksi: str, oleh, periode: PeriodePenghargaan, **data):
    audit_catat(
        objek=objek,
        aksi=f"penghargaan.{aksi}",
        oleh=oleh,
        data=data,
        penyelenggara_id=periode.penyelenggara_id,
    )


def boleh_kelola(user, penyelenggara) -> bool:
    """Apakah ``user`` menjalankan penghargaan Pelaksana unit ini menurut tabel kewenangan."""
    return kewenangan.boleh(user, Tindakan.PENGHARGAAN_PELAKSANA, subjek=Subjek.PELAKSANA, unit=penyelenggara)


def wajib_kelola(user, penyelenggara):
    """Baris kewenangan penghargaan Pelaksana bagi ``user`` (403 beralasan bila tidak berwenang)."""
    return kewenangan.wajib(user, Tindakan.PENGHARGAAN_PELAKSANA, subjek=Subjek.PELAKSANA, unit=penyelenggara)


def kunci(periode: PeriodePenghargaan, oleh, *status: str) -> PeriodePenghargaan:
    """Kunci baris periode, pastikan pengguna berwenang atas unitnya dan statusnya sesuai langkah."""
    wajib_kelola(oleh, periode.penyelenggara)
    terkunci = (
        PeriodePenghargaan.objects.select_for_update().select_related("penyelenggara").get(pk=periode.pk)
    )
    if terkunci.status not in status:
        label = ", ".join(Status(s).label.lower() for s in status)
        raise DomainError(
            f"Periode ini berstatus {terkunci.get_status_display().lower()}; langkah ini hanya untuk "
            f"periode berstatus {label}."
        )
    return terkunci
