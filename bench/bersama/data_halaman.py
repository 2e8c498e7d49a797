"""Data bench halaman: N unit dengan Pelaksana, pengaduan, kasus, SKM (rekap NRR), kepatuhan Ombudsman, dan
satu siklus monev berhasil. ``tambah`` dapat dipanggil lagi untuk memperbesar data yang sama (1×, lalu 10×),
sehingga halaman yang sama diukur pada dua ukuran data. Semua lewat ``bulk_create`` (cepat), bukan service.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

TAHUN = 2026
PELAKSANA_PER_UNIT = 10


def siapkan_dasar():
    """Akun Biro dan Kepala unit pertama, satu siklus 2026 di atas instrumen 2025, dan Larangan."""
    from akun.models import Pengguna, Peran
    from evaluasi.models import InstrumenVersi, SiklusMonev
    from kode_etik.models import Penyelenggara

    unit = Penyelenggara.objects.create(kode="PD-BENCH-0", nama="Dinas Bench Utama")
    biro = Pengguna.objects.create(username="biro", peran=Peran.BIRO, nama="Biro Bench")
    kepala = Pengguna.objects.create(username="kepala", peran=Peran.KEPALA, penyelenggara=unit, nama="Kepala")
    hari = date(TAHUN, 1, 1)
    jendela = {f"{f}_{b}": hari + timedelta(days=i * 60 + (30 if b == "selesai" else 0))
               for i, f in enumerate(("pengisian", "penilaian", "perbaikan", "finalisasi"))
               for b in ("mulai", "selesai")}  # fmt: skip
    instrumen = InstrumenVersi.objects.get(tahun=2025, jenis="A")
    siklus = SiklusMonev.objects.create(tahun=TAHUN, nama=f"Monev {TAHUN}", instrumen=instrumen, **jendela)
    return biro, kepala, unit, siklus


def tambah(jumlah: int, awal: int, siklus, biro, rng: random.Random) -> None:
    """Tambah ``jumlah`` unit bernomor mulai ``awal`` beserta seluruh data per unitnya."""
    from kode_etik.models import Pelaksana, Penyelenggara

    pd = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-{awal + i:05d}", nama=f"Dinas Uji {awal + i:05d}") for i in range(jumlah)
    )
    pelaksana = Pelaksana.objects.bulk_create(
        Pelaksana(nama=f"Pegawai {u.kode}-{j}", penyelenggara=u)
        for u in pd
        for j in range(PELAKSANA_PER_UNIT)
    )
    _penegakan(pd, pelaksana, biro, rng)
    _survei(pd, rng)
    _monev(pd, siklus, rng)


def _penegakan(unit, pelaksana, biro, rng) -> None:
    from kode_etik.models import Larangan
    from sanksi.models import Pelanggaran, Pengaduan

    larangan = list(Larangan.objects.all())
    waktu = timezone.make_aware(timezone.datetime(TAHUN, 3, 1))
    huruf = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    pengaduan = Pengaduan.objects.bulk_create(
        Pengaduan(kode_lacak="".join(rng.choice(huruf) for _ in range(8)), penyelenggara=u,
                  uraian="Pelayanan lambat dan petugas tidak ramah.", diterima_pada=waktu)
        for u in unit for _ in range(2)
    )  # fmt: skip
    per_unit = {}
    for p in pelaksana:
        per_unit.setdefault(p.penyelenggara_id, p)
    Pelanggaran.objects.bulk_create(
        Pelanggaran(pelaksana=per_unit[p.penyelenggara_id], penyelenggara_id=p.penyelenggara_id,
                    larangan=(lr := rng.choice(larangan)), jalur=lr.jalur_sanksi, sumber="pengaduan",
                    pengaduan=p, uraian="Meminta imbalan di luar ketentuan.", dibuka_oleh=biro,
                    dibuka_pada=waktu)
        for p in pengaduan[::2]
    )  # fmt: skip


def _survei(unit, rng) -> None:
    from survei.models import KepatuhanOmbudsman, PeriodeSKM

    nrr = {f"nrr_u{i}": Decimal("3.10") + Decimal(rng.randint(0, 80)) / 100 for i in range(1, 10)}
    PeriodeSKM.objects.bulk_create(
        PeriodeSKM(penyelenggara=u, nama=f"Semester I {TAHUN}", mulai=date(TAHUN, 1, 1),
                   selesai=date(TAHUN, 6, 30), populasi=1000, sumber=PeriodeSKM.Sumber.NRR,
                   jumlah_responden_nrr=300, menerima_jawaban=False, **nrr)
        for u in unit
    )  # fmt: skip
    KepatuhanOmbudsman.objects.bulk_create(
        KepatuhanOmbudsman(penyelenggara=u, tahun=TAHUN, nilai=Decimal(rng.randint(6000, 9800)) / 100,
                           zona="hijau")
        for u in unit
    )  # fmt: skip


def _monev(unit, siklus, rng) -> None:
    from evaluasi.models import Evaluasi, HasilEvaluasi

    evaluasi = Evaluasi.objects.bulk_create(
        Evaluasi(siklus=siklus, penyelenggara=u, status=Evaluasi.Status.DINILAI) for u in unit
    )
    waktu = timezone.now()
    HasilEvaluasi.objects.bulk_create(
        HasilEvaluasi(evaluasi=e, nilai_aspek={}, ipp=(ipp := Decimal(rng.randint(150, 499)) / 100),
                      ipp_bulat=ipp, kategori="B", predikat="Baik", peringkat=None, dihitung_pada=waktu)
        for e in evaluasi
    )  # fmt: skip
