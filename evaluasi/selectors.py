"""Pembacaan data instrumen."""

from kaltim_yanlik.core.exceptions import DomainError

from .models import InstrumenVersi


def instrumen_terbaru(*, jenis: str = InstrumenVersi.Jenis.A) -> InstrumenVersi:
    """Instrumen aktif dengan tahun tertinggi untuk ``jenis``; draf dan instrumen nonaktif dilewati."""
    instrumen = InstrumenVersi.objects.filter(jenis=jenis, aktif=True).order_by("-tahun").first()
    if instrumen is None:
        raise DomainError(f"Belum ada instrumen PEKPPP jenis {jenis} yang aktif.")
    return instrumen
