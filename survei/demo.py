"""Demo SKM: dua periode 2026 per unit contoh (Semester I ditutup, Semester II terbuka untuk formulir publik),
jawaban responden atau rekap NRR, rencana tindak lanjut unsur lemah Semester I, dan kepatuhan Ombudsman
2024–2025. Semua dibuat sekaligus (bulk_create); yang sudah ada tidak dibuat ulang.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db.models import Avg
from django.utils import timezone

from akun.models import Pengguna
from kaltim_yanlik.core.berkas_contoh import pdf_contoh
from kode_etik.models import Penyelenggara

from .ikm import mutu_unsur
from .models import UNSUR_FIELDS, KepatuhanOmbudsman, PeriodeSKM, RencanaTindakLanjut, ResponSKM
from .services import zona_untuk

TAHUN = 2026
UNIT_WAJIB = ("PD-DINKES", "UOBK-AWS", "UPTD-SAMSAT-SMD")
JUMLAH_UNIT_SKM = 12
JUMLAH_UNIT_OMBUDSMAN = 15
PERIODE = (
    ("Semester I 2026", date(TAHUN, 1, 1), date(TAHUN, 6, 30), False),
    ("Semester II 2026", date(TAHUN, 7, 1), date(TAHUN, 12, 31), True),
)

# Unit yang Semester I-nya hanya punya rekap NRR (survei dilakukan di luar portal).
UNIT_NRR = 2
KEGIATAN_RTL = {
    "U1": "Sederhanakan dan umumkan persyaratan layanan di loket dan laman unit.",
    "U2": "Tinjau ulang alur prosedur dan pasang bagan alir di ruang tunggu.",
    "U3": "Tetapkan standar waktu penyelesaian dan pantau antrean harian.",
    "U4": "Umumkan tarif resmi dan pasang papan informasi biaya.",
    "U5": "Perjelas produk layanan pada maklumat dan standar pelayanan.",
    "U6": "Pelatihan kompetensi teknis petugas garis depan.",
    "U7": "Pelatihan budaya layanan dan keramahan petugas.",
    "U8": "Sediakan kanal pengaduan daring dan tanggapi dalam 5 hari kerja.",
    "U9": "Perbaiki ruang tunggu, toilet, dan akses difabel.",
}


def _unit_contoh(jumlah):
    wajib = list(Penyelenggara.objects.filter(kode__in=UNIT_WAJIB).order_by("kode"))
    lain = Penyelenggara.objects.exclude(kode__in=UNIT_WAJIB).order_by("kode")[: max(0, jumlah - len(wajib))]
    return wajib + list(lain)


def _nilai(rng, lemah: bool) -> int:
    bobot = (8, 30, 45, 17) if lemah else (1, 6, 52, 41)
    return rng.choices((1, 2, 3, 4), weights=bobot)[0]


def _waktu(rng, mulai: date, sampai: date) -> datetime:
    hari = mulai + timedelta(days=rng.randint(0, max(0, (sampai - mulai).days)))
    jam = time(rng.randint(8, 15), rng.randint(0, 59))
    return timezone.make_aware(datetime.combine(hari, jam))


def _buat_periode(units, rng, biro):
    ada = set(PeriodeSKM.objects.filter(penyelenggara__in=units).values_list("penyelenggara_id", "mulai"))
    baru, lemah_unit = [], {}
    for nomor, unit in enumerate(units):
        lemah_unit[unit.pk] = rng.sample(["u8", "u9", "u8", "u9", "u3", "u4"], k=rng.choice((1, 2)))
        populasi = rng.choice((300, 800, 1500, 4000, 12000))
        for nama, mulai, selesai, buka in PERIODE:
            if (unit.pk, mulai) in ada:
                continue
            periode = PeriodeSKM(
                penyelenggara=unit,
                nama=nama,
                mulai=mulai,
                selesai=selesai,
                populasi=populasi,
                menerima_jawaban=buka,
                dibuat_oleh=biro,
            )
            if not buka and nomor >= len(units) - UNIT_NRR:
                periode.sumber = PeriodeSKM.Sumber.NRR
                periode.jumlah_responden_nrr = rng.randint(90, 250)
                for u in UNSUR_FIELDS:
                    lemah = u in lemah_unit[unit.pk]
                    nrr = rng.uniform(2.6, 2.95) if lemah else rng.uniform(3.1, 3.6)
                    setattr(periode, f"nrr_{u}", Decimal(f"{nrr:.3f}"))
            baru.append(periode)
    PeriodeSKM.objects.bulk_create(baru)
    return baru, lemah_unit


def _buat_respons(periode_baru, lemah_unit, rng):
    respons = []
    batas = timezone.localdate()
    for periode in periode_baru:
        if periode.sumber == PeriodeSKM.Sumber.NRR:
            continue
        lemah = lemah_unit[periode.penyelenggara_id]
        sampai = min(periode.selesai, batas)
        for _ in range(rng.randint(40, 250)):
            nilai = {u: _nilai(rng, u in lemah) for u in UNSUR_FIELDS}
            respons.append(
                ResponSKM(periode=periode, diterima_pada=_waktu(rng, periode.mulai, sampai), **nilai)
            )
    ResponSKM.objects.bulk_create(respons, batch_size=2000)
    return len(respons)


def _unsur_lemah(periode) -> list[str]:
    if periode.sumber == PeriodeSKM.Sumber.NRR:
        nrr = {u: getattr(periode, f"nrr_{u}") for u in UNSUR_FIELDS}
    else:
        nrr = periode.respons.aggregate(**{u: Avg(u) for u in UNSUR_FIELDS})
    return [u.upper() for u, v in nrr.items() if v is not None and mutu_unsur(Decimal(str(v))) in ("C", "D")]


def _buat_rtl(periode_baru, rng, biro):
    """Butir RTL unsur lemah Semester I: bergiliran selesai tepat waktu, terlambat, dan masih terbuka."""
    butir = []
    for periode in periode_baru:
        if periode.menerima_jawaban:
            continue
        for nomor, unsur in enumerate(_unsur_lemah(periode)):
            tenggat = date(TAHUN, 9, 30) if nomor % 2 == 0 else date(TAHUN, 12, 15)
            rtl = RencanaTindakLanjut(
                periode=periode,
                unsur=unsur,
                kegiatan=KEGIATAN_RTL[unsur],
                penanggung_jawab=f"Kepala Subbagian Umum {periode.penyelenggara.nama_pendek}"[:150],
                tenggat=tenggat,
                dibuat_oleh=biro,
            )
            keadaan = rng.choice(("tepat", "tepat", "terlambat", "terbuka"))
            if keadaan != "terbuka":
                selesai = tenggat - timedelta(days=rng.randint(3, 30))
                if keadaan == "terlambat":
                    selesai = min(tenggat + timedelta(days=rng.randint(5, 40)), timezone.localdate())
                rtl.selesai_pada = min(selesai, timezone.localdate())
                rtl.keterangan_selesai = "Kegiatan terlaksana; dokumentasi terlampir."
                nama = f"Bukti RTL {unsur} {periode.penyelenggara.kode}.pdf"
                rtl.bukti.save(nama, ContentFile(pdf_contoh(f"Bukti RTL {unsur}")), save=False)
                rtl.nama_bukti = nama
            butir.append(rtl)
    RencanaTindakLanjut.objects.bulk_create(butir)
    return butir


def _grade(zona: str, nilai: Decimal) -> str:
    if zona == "hijau":
        return "A" if nilai >= 88 else "B"
    return "C" if zona == "kuning" else "D"


def _buat_ombudsman(units, rng, biro):
    ada = set(KepatuhanOmbudsman.objects.values_list("penyelenggara_id", "tahun"))
    baru = []
    for unit in units:
        dasar = rng.uniform(52, 92)
        for tahun in (2024, 2025):
            if (unit.pk, tahun) in ada:
                continue
            nilai = Decimal(f"{min(100, dasar + (tahun - 2024) * rng.uniform(-3, 8)):.2f}")
            zona = zona_untuk(tahun, nilai)
            baru.append(
                KepatuhanOmbudsman(
                    penyelenggara=unit,
                    tahun=tahun,
                    nilai=nilai,
                    zona=zona,
                    grade=_grade(zona, nilai),
                    dicatat_oleh=biro,
                )
            )
    KepatuhanOmbudsman.objects.bulk_create(baru)
    return len(baru)


def skm_demo(konteks):
    rng = random.Random(TAHUN + 45)  # noqa: S311 (data demo deterministik)
    biro = Pengguna.objects.filter(username="biro").first()
    periode_baru, lemah_unit = _buat_periode(_unit_contoh(JUMLAH_UNIT_SKM), rng, biro)
    jumlah_respons = _buat_respons(periode_baru, lemah_unit, rng)
    rtl = _buat_rtl(periode_baru, rng, biro)
    ombudsman = _buat_ombudsman(_unit_contoh(JUMLAH_UNIT_OMBUDSMAN), rng, biro)
    konteks["stdout"].write(
        f"SKM demo: {len(periode_baru)} periode, {jumlah_respons} respons, {len(rtl)} butir RTL "
        f"({sum(1 for b in rtl if b.selesai_pada)} selesai), {ombudsman} catatan Ombudsman"
    )


# Setelah siklus monev 2026 dan sanggahannya (evaluasi: 38–42), sebelum penegakan dan penghargaan; urutan
# sama dengan sebelum langkah ini pindah dari evaluasi, sehingga hasil demo tidak berubah.
LANGKAH = [(45, skm_demo)]
