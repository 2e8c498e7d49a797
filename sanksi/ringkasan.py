"""Ringkasan penegakan kode etik per Penyelenggara dan per periode: pengaduan, kasus per Larangan dan hasil,
sanksi. Semua hitungan lewat ``akses.batasi``: Biro melihat semua unit, OPD unitnya sendiri (dan UPTD-nya).

Jumlah kueri tetap (agregat ``values().annotate``), berapa pun banyaknya unit, kasus, dan pengaduan.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q

from akun import akses
from kode_etik.models import Larangan

from .models import Pelanggaran, Pengaduan, Rujukan, Sanksi


@dataclass(frozen=True)
class Periode:
    mulai: date
    selesai: date  # inklusif

    @classmethod
    def tahun(cls, tahun: int) -> "Periode":
        return cls(date(tahun, 1, 1), date(tahun, 12, 31))


@dataclass
class BarisUnit:
    penyelenggara_id: int
    nama: str
    pengaduan: int = 0
    kasus: int = 0
    sanksi: dict[str, int] = field(default_factory=dict)
    tidak_terbukti: int = 0
    dirujuk: int = 0


@dataclass
class Ringkasan:
    periode: Periode
    pengaduan_per_status: list[tuple[str, str, int]]
    kasus_per_larangan: list[
        tuple[Larangan, int, int, int, int]
    ]  # larangan, kasus, sanksi, tidak terbukti, dirujuk
    sanksi_per_jenis: list[tuple[str, str, int]]
    per_unit: list[BarisUnit]
    jumlah_pengaduan: int
    jumlah_kasus: int
    jumlah_rujukan: int

    @property
    def jumlah_sanksi(self) -> int:
        return sum(n for _, _, n in self.sanksi_per_jenis)


def _dalam(periode: Periode, medan: str) -> Q:
    return Q(**{f"{medan}__date__gte": periode.mulai, f"{medan}__date__lte": periode.selesai})


def _pengaduan(user, periode, unit_id):
    qs = akses.batasi(Pengaduan.objects.all(), user).filter(_dalam(periode, "diterima_pada"))
    return qs.filter(penyelenggara_id=unit_id) if unit_id else qs


def _kasus(user, periode, unit_id):
    qs = akses.batasi(Pelanggaran.objects.all(), user).filter(_dalam(periode, "dibuka_pada"))
    return qs.filter(penyelenggara_id=unit_id) if unit_id else qs


def _sanksi(user, periode, unit_id):
    qs = akses.batasi(Sanksi.objects.all(), user, jalur="pelanggaran__penyelenggara").filter(
        tanggal_keputusan__gte=periode.mulai, tanggal_keputusan__lte=periode.selesai
    )
    return qs.filter(pelanggaran__penyelenggara_id=unit_id) if unit_id else qs


def _per_larangan(kasus) -> list[tuple]:
    baris = {
        b["larangan_id"]: b
        for b in kasus.values("larangan_id").annotate(
            n=Count("pk"),
            sanksi=Count("pk", filter=Q(tahap=Pelanggaran.Tahap.SANKSI)),
            tidak=Count("pk", filter=Q(tahap=Pelanggaran.Tahap.TIDAK_TERBUKTI)),
            rujuk=Count("pk", filter=Q(jalur=Pelanggaran.Jalur.PERUNDANG_UNDANGAN)),
        )
    }
    hasil = []
    for larangan in Larangan.objects.order_by("huruf"):
        b = baris.get(larangan.pk, {})
        hasil.append((larangan, b.get("n", 0), b.get("sanksi", 0), b.get("tidak", 0), b.get("rujuk", 0)))
    return hasil


def _per_unit(pengaduan, kasus, sanksi) -> list[BarisUnit]:
    unit: dict[int, BarisUnit] = {}

    def baris(pid, nama) -> BarisUnit:
        return unit.setdefault(pid, BarisUnit(penyelenggara_id=pid, nama=nama))

    for b in pengaduan.values("penyelenggara_id", "penyelenggara__nama").annotate(n=Count("pk")):
        baris(b["penyelenggara_id"], b["penyelenggara__nama"]).pengaduan = b["n"]
    for b in kasus.values("penyelenggara_id", "penyelenggara__nama").annotate(
        n=Count("pk"),
        tidak=Count("pk", filter=Q(tahap=Pelanggaran.Tahap.TIDAK_TERBUKTI)),
        rujuk=Count("pk", filter=Q(jalur=Pelanggaran.Jalur.PERUNDANG_UNDANGAN)),
    ):
        r = baris(b["penyelenggara_id"], b["penyelenggara__nama"])
        r.kasus, r.tidak_terbukti, r.dirujuk = b["n"], b["tidak"], b["rujuk"]
    for b in sanksi.values(
        "pelanggaran__penyelenggara_id", "pelanggaran__penyelenggara__nama", "jenis"
    ).annotate(n=Count("pk")):
        r = baris(b["pelanggaran__penyelenggara_id"], b["pelanggaran__penyelenggara__nama"])
        r.sanksi[b["jenis"]] = b["n"]
    return sorted(unit.values(), key=lambda r: (-r.kasus, -r.pengaduan, r.nama))


def ringkasan_penegakan(*, user, periode: Periode, unit_id: int | None = None) -> Ringkasan:
    pengaduan, kasus, sanksi = (
        _pengaduan(user, periode, unit_id),
        _kasus(user, periode, unit_id),
        _sanksi(user, periode, unit_id),
    )
    status = dict(pengaduan.values_list("status").annotate(n=Count("pk")))
    jenis = dict(sanksi.values_list("jenis").annotate(n=Count("pk")))
    rujukan = Rujukan.objects.filter(pelanggaran__in=kasus.values("pk")).count()
    per_larangan = _per_larangan(kasus)
    return Ringkasan(
        periode=periode,
        pengaduan_per_status=[(s.value, s.label, status.get(s.value, 0)) for s in Pengaduan.Status],
        kasus_per_larangan=per_larangan,
        sanksi_per_jenis=[(j.value, j.label, jenis.get(j.value, 0)) for j in Sanksi.Jenis],
        per_unit=_per_unit(pengaduan, kasus, sanksi),
        jumlah_pengaduan=sum(status.values()),
        jumlah_kasus=sum(n for _, n, *_ in per_larangan),
        jumlah_rujukan=rujukan,
    )
