"""Bacaan halaman publik penghargaan: hanya yang sudah ditetapkan; Pelaksana hanya dengan persetujuannya."""

from dataclasses import dataclass, field

from .models import PenerimaPenghargaan, PenerimaPenyelenggara, PenghargaanPenyelenggara, PeriodePenghargaan


@dataclass
class PenghargaanTahun:
    tahun: int
    unit: list = field(default_factory=list)
    pelaksana: list = field(default_factory=list)


def penghargaan_publik() -> list[PenghargaanTahun]:
    """Per tahun (terbaru dulu): unit penerima penghargaan Gubernur dan Pelaksana yang setuju ditampilkan."""
    per_tahun: dict[int, PenghargaanTahun] = {}

    def tahun(t: int) -> PenghargaanTahun:
        return per_tahun.setdefault(t, PenghargaanTahun(t))

    unit = (
        PenerimaPenyelenggara.objects.filter(
            dikeluarkan=False, penghargaan__status=PenghargaanPenyelenggara.Status.DITETAPKAN
        )
        .select_related("penghargaan__siklus", "penyelenggara")
        .order_by("-penghargaan__siklus__tahun", "penghargaan__nama", "peringkat", "penyelenggara__nama")
    )
    for p in unit:
        tahun(p.penghargaan.siklus.tahun).unit.append(p)
    pelaksana = (
        PenerimaPenghargaan.objects.filter(
            tampil_publik=True, periode__status=PeriodePenghargaan.Status.DITETAPKAN
        )
        .select_related("periode__penyelenggara", "nominasi__pelaksana")
        .order_by("-periode__mulai", "periode__penyelenggara__nama", "peringkat")
    )
    for p in pelaksana:
        tahun(p.periode.mulai.year).pelaksana.append(p)
    return [per_tahun[t] for t in sorted(per_tahun, reverse=True)]
