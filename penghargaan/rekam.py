"""Pemeriksaan kriteria "tidak pernah menerima komplain" dari data portal, bukan dari isian tim penilai.

Dalam rentang periode dihitung:

- **pengaduan** terhadap Pelaksana yang diterima, atau kejadiannya, dalam periode — kecuali yang *ditolak*
  (pengaduan yang terbukti tidak berdasar bukan komplain atas Pelaksana);
- **sanksi** yang keputusannya bertanggal dalam periode — kecuali yang dibatalkan karena keberatan atau
  banding dikabulkan.

Ada pengaduan atau sanksi = tidak bersih: kriteria itu bernilai 0. Pelaksana yang dijatuhi sanksi dalam
periode juga tidak dapat ditetapkan sebagai penerima (lihat services/periode.py). Dua kueri untuk semua
nominasi.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from sanksi.models import SANKSI_DIBATALKAN, Pengaduan, Sanksi


@dataclass
class RekamJejak:
    pengaduan: list[dict] = field(default_factory=list)
    sanksi: list[dict] = field(default_factory=list)

    @property
    def bersih(self) -> bool:
        return not (self.pengaduan or self.sanksi)

    @property
    def bersanksi(self) -> bool:
        return bool(self.sanksi)

    def ringkas(self) -> str:
        bagian = []
        if self.pengaduan:
            bagian.append(f"{len(self.pengaduan)} pengaduan")
        if self.sanksi:
            bagian.append(f"{len(self.sanksi)} sanksi")
        return " dan ".join(bagian) + " dalam periode" if bagian else "Tidak ada pengaduan atau sanksi"


def rekam_jejak(*, pelaksana_ids: list[int], mulai: date, selesai: date) -> dict[int, RekamJejak]:
    """Pengaduan dan sanksi setiap Pelaksana dalam ``[mulai, selesai]``; kunci = id Pelaksana."""
    hasil: dict[int, RekamJejak] = defaultdict(RekamJejak)
    dalam_periode = Q(diterima_pada__date__gte=mulai, diterima_pada__date__lte=selesai) | Q(
        tanggal_kejadian__gte=mulai, tanggal_kejadian__lte=selesai
    )
    pengaduan = (
        Pengaduan.objects.filter(dalam_periode, pelaksana_id__in=pelaksana_ids)
        .exclude(status=Pengaduan.Status.DITOLAK)
        .order_by("diterima_pada")
        .values("pelaksana_id", "kode_lacak", "diterima_pada", "tanggal_kejadian", "status")
    )
    for p in pengaduan:
        hasil[p["pelaksana_id"]].pengaduan.append(p)
    sanksi = (
        Sanksi.objects.filter(
            pelanggaran__pelaksana_id__in=pelaksana_ids,
            tanggal_keputusan__gte=mulai,
            tanggal_keputusan__lte=selesai,
        )
        .exclude(SANKSI_DIBATALKAN)
        .order_by("tanggal_keputusan")
        .values("pelanggaran__pelaksana_id", "jenis", "nomor_keputusan", "tanggal_keputusan")
    )
    for s in sanksi:
        s["jenis_label"] = Sanksi.Jenis(s["jenis"]).label
        hasil[s["pelanggaran__pelaksana_id"]].sanksi.append(s)
    return {pid: hasil[pid] for pid in pelaksana_ids}
