"""Jendela fase siklus monev (tanggal WITA, batas inklusif) dan penolakan tindakan di luar jendelanya."""

from datetime import date

from django.utils import timezone
from django.utils.formats import date_format

from kaltim_yanlik.core.exceptions import DomainError

FASE = {
    "pengisian": "pengisian mandiri",
    "penilaian": "penilaian evaluator",
    "perbaikan": "perbaikan",
    "finalisasi": "finalisasi",
}


def hari_ini() -> date:
    return timezone.localdate()


def rentang(siklus, fase: str) -> tuple[date, date]:
    return getattr(siklus, f"{fase}_mulai"), getattr(siklus, f"{fase}_selesai")


def dalam_jendela(siklus, fase: str, tanggal: date | None = None) -> bool:
    mulai, selesai = rentang(siklus, fase)
    return mulai <= (tanggal or hari_ini()) <= selesai


def fase_berjalan(siklus, tanggal: date | None = None) -> list[str]:
    return [fase for fase in FASE if dalam_jendela(siklus, fase, tanggal)]


def _teks_rentang(siklus, fase: str) -> str:
    mulai, selesai = rentang(siklus, fase)
    return f"{FASE[fase]} ({date_format(mulai, 'j F Y')} – {date_format(selesai, 'j F Y')})"


def wajib_dalam_jendela(siklus, *fase: str, tanggal: date | None = None) -> None:
    """Tolak bila hari ini tidak berada di salah satu jendela ``fase``; pesan menyebut rentangnya."""
    if any(dalam_jendela(siklus, f, tanggal) for f in fase):
        return
    daftar = " atau ".join(_teks_rentang(siklus, f) for f in fase)
    raise DomainError(f"Tindakan ini hanya dapat dilakukan pada jendela {daftar}.")
