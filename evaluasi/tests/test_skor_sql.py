"""Hitung ulang dalam satu pernyataan SQL (PostgreSQL) sama dengan jalur rujukan Python (``evaluasi.skor``).

Siklus acak (hypothesis): instrumen dengan bobot acak dua desimal, pita kategori acak, level acak termasuk
yang kosong dan indikator suplemen, lokus di setiap status, hasil lama yang harus diperbarui, dibiarkan,
atau dihapus. Ditambah nilai tepi yang dibangun tepat: IPP x,xx5 (setengah ke atas, bukan pembulatan
bankir), batas kategori 4,505 → 4,51, dan IPP kembar (peringkat sama). Setiap kolom dibandingkan, termasuk
peringkat dan baris mana yang ``dihitung_pada``-nya bergeser.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluasi.models import (
    Aspek,
    Evaluasi,
    HasilEvaluasi,
    Indikator,
    InstrumenVersi,
    KategoriIPP,
    PenilaianIndikator,
    SiklusMonev,
)
from evaluasi.services.hasil import siklus_hitung_ulang_python
from evaluasi.skor_sql import siklus_hitung_ulang_sql
from kode_etik.models import Penyelenggara

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="jalur SQL hanya untuk PostgreSQL"),
]

STATUS = [s.value for s in Evaluasi.Status]
KOLOM = ("nilai_aspek", "ipp", "ipp_bulat", "kategori", "predikat", "peringkat")
_HARI = date(2030, 1, 1)


def _bagi_seratus(potongan: list[int]) -> list[Decimal]:
    """Bobot persen dua desimal yang berjumlah tepat 100,00 dari bilangan positif sembarang."""
    total = sum(potongan)
    seperseratus = [p * 10_000 // total for p in potongan]
    seperseratus[-1] += 10_000 - sum(seperseratus)
    return [Decimal(n) / 100 for n in seperseratus]


def _instrumen(aspek: list[tuple[Decimal, list[Decimal]]], batas_kategori: list[Decimal]) -> InstrumenVersi:
    """Instrumen uji: aspek (bobot, bobot indikator), satu indikator suplemen, pita kategori menurun."""
    instrumen = InstrumenVersi.objects.create(tahun=2090, nama="Uji SQL", aktif=False)
    nomor = 0
    for urutan, (bobot, indikator) in enumerate(aspek, start=1):
        a = Aspek.objects.create(instrumen=instrumen, kode=f"A{urutan}", nama=f"Aspek {urutan}", bobot=bobot,
                                 urutan=urutan)  # fmt: skip
        for w in indikator:
            nomor += 1
            Indikator.objects.create(aspek=a, nomor=nomor, kode=f"i{nomor}", teks="t", bobot=w)
    tambahan = Aspek.objects.create(instrumen=instrumen, kode="X", nama="Tambahan", bobot=0, urutan=99)
    Indikator.objects.create(aspek=tambahan, nomor=nomor + 1, kode="sup", teks="t", bobot=0, suplemen=True)
    # Pita berdampingan 2 desimal: [0, b1-0,01], [b1, b2-0,01], …, [bn, 5].
    tepi = [Decimal(0), *batas_kategori, Decimal("5.01")]
    for i in range(len(tepi) - 1):
        KategoriIPP.objects.create(instrumen=instrumen, kode=f"K{i}", predikat=f"Pita {i}",
                                   batas_bawah=tepi[i], batas_atas=tepi[i + 1] - Decimal("0.01"))  # fmt: skip
    return instrumen


def _siklus(instrumen, status_level: list[tuple[str, list[int | None] | None]]) -> SiklusMonev:
    """Siklus dengan satu evaluasi per (status, level per indikator berurut nomor; None = tanpa baris)."""
    jendela = {f"{f}_{b}": _HARI for f in ("pengisian", "penilaian", "perbaikan", "finalisasi") for b in ("mulai", "selesai")}  # fmt: skip # noqa: E501
    siklus = SiklusMonev.objects.create(tahun=2090, nama="Uji", instrumen=instrumen, **jendela)
    indikator = list(Indikator.objects.filter(aspek__instrumen=instrumen).order_by("nomor"))
    for n, (status, level) in enumerate(status_level):
        unit = Penyelenggara.objects.create(kode=f"UJI-{n:04d}", nama=f"Unit Uji {n:04d}")
        e = Evaluasi.objects.create(siklus=siklus, penyelenggara=unit, status=status)
        PenilaianIndikator.objects.bulk_create(
            PenilaianIndikator(evaluasi=e, indikator=i, level=lv)
            for i, lv in zip(indikator, level or [], strict=False)
            if lv != "tanpa"
        )
    return siklus


def _potret() -> dict:
    return {
        h["evaluasi_id"]: h
        for h in HasilEvaluasi.objects.values("evaluasi_id", "dihitung_pada", *KOLOM).order_by("evaluasi_id")
    }


def _jalankan(fungsi, siklus) -> tuple[int, dict, set]:
    """Jalankan satu jalur di savepoint yang dibatalkan: (kembalian, hasil per evaluasi, yang bergeser)."""
    sebelum = _potret()
    with transaction.atomic():
        jumlah = fungsi(siklus)
        sesudah = _potret()
        transaction.set_rollback(True)
    bergeser = {
        eid for eid, h in sesudah.items() if sebelum.get(eid, {}).get("dihitung_pada") != h["dihitung_pada"]
    }
    return jumlah, {eid: {k: h[k] for k in KOLOM} for eid, h in sesudah.items()}, bergeser


def _sama(siklus) -> dict:
    python = _jalankan(lambda s: siklus_hitung_ulang_python(siklus=s), siklus)
    sql = _jalankan(lambda s: siklus_hitung_ulang_sql(siklus=s, waktu=_waktu()), siklus)
    assert sql[0] == python[0], "jumlah evaluasi berhasil berbeda"
    assert sql[1] == python[1], "hasil per evaluasi berbeda"
    assert sql[2] == python[2], "baris yang ditulis ulang berbeda"
    return python[1]


def _waktu():
    from django.utils import timezone

    return timezone.now()


# --- Siklus acak -------------------------------------------------------------------------------------------

_level = st.one_of(st.integers(0, 5), st.none(), st.just("tanpa"))


@st.composite
def _skenario(draw):
    jumlah_aspek = draw(st.integers(1, 4))
    bobot_aspek = _bagi_seratus(
        draw(st.lists(st.integers(1, 5000), min_size=jumlah_aspek, max_size=jumlah_aspek))
    )
    aspek = []
    for w in bobot_aspek:
        n = draw(st.integers(1, 4))
        aspek.append((w, _bagi_seratus(draw(st.lists(st.integers(1, 5000), min_size=n, max_size=n)))))
    jumlah_indikator = sum(len(i) for _, i in aspek) + 1  # + suplemen
    batas = sorted(set(draw(st.lists(st.integers(1, 499), min_size=1, max_size=6))))
    level = st.lists(_level, min_size=jumlah_indikator, max_size=jumlah_indikator)
    evaluasi = draw(st.lists(st.tuples(st.sampled_from(STATUS), st.one_of(st.none(), level)), min_size=1,
                             max_size=12))  # fmt: skip
    ubah = draw(
        st.lists(st.tuples(st.integers(0, 11), st.integers(0, jumlah_indikator - 1), _level), max_size=6)
    )
    return aspek, [Decimal(b) / 100 for b in batas], evaluasi, ubah


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # noqa: E501
@given(_skenario())
def test_sql_sama_dengan_python_pada_siklus_acak(skenario):
    aspek, batas, evaluasi, ubah = skenario
    with transaction.atomic():
        siklus = _siklus(_instrumen(aspek, batas), evaluasi)
        # Hasil lama dari keadaan pertama, lalu sebagian level berubah: hitung ulang harus memperbarui yang
        # berubah, membiarkan yang tetap, dan menghapus hasil evaluasi yang kehilangan semua levelnya.
        siklus_hitung_ulang_python(siklus=siklus)
        semua = list(Evaluasi.objects.filter(siklus=siklus).order_by("pk"))
        indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen).order_by("nomor"))
        for e_ke, i_ke, level in ubah:
            e, i = semua[e_ke % len(semua)], indikator[i_ke]
            if level == "tanpa":
                PenilaianIndikator.objects.filter(evaluasi=e, indikator=i).delete()
            else:
                PenilaianIndikator.objects.update_or_create(
                    evaluasi=e, indikator=i, defaults={"level": level}
                )
        _sama(siklus)
        transaction.set_rollback(True)


# --- Nilai tepi yang dibangun tepat -------------------------------------------------------------------------


def test_setengah_ke_atas_pada_batas_kategori_4_505():
    # Satu aspek 100 %, indikator 50,50 % dan 49,50 %: level 5 dan 4 → Σ = 450,5 → IPP tepat 4,505.
    instrumen = _instrumen([(Decimal(100), [Decimal("50.50"), Decimal("49.50")])], [Decimal("4.51")])
    siklus = _siklus(instrumen, [("final", [5, 4]), ("final", [4, 5]), ("dinilai", [5, 5])])
    hasil = _sama(siklus)
    nilai = {h["ipp"]: h for h in hasil.values()}
    tepat = nilai[Decimal("4.5050")]
    # Pembulatan bankir akan memberi 4,50 (pita bawah); setengah ke atas memberi 4,51 (pita atas).
    assert tepat["ipp_bulat"] == Decimal("4.51") and tepat["kategori"] == "K1"
    assert (
        nilai[Decimal("4.4950")]["ipp_bulat"] == Decimal("4.50")
        and nilai[Decimal("4.4950")]["kategori"] == "K0"
    )
    assert sorted(h["peringkat"] for h in hasil.values()) == [1, 2, 3]


def test_ipp_kembar_berperingkat_sama_dan_status_belum_dinilai_tanpa_peringkat():
    instrumen = _instrumen([(Decimal(100), [Decimal(50), Decimal(50)])], [Decimal("2.00"), Decimal("4.00")])
    siklus = _siklus(
        instrumen,
        [("final", [4, 4]), ("dinilai", [5, 3]), ("final", [2, 2]), ("diajukan", [5, 5]),
         ("dikembalikan", [1, None]), ("draf", None), ("final", ["tanpa", None])],
    )  # fmt: skip
    hasil = _sama(siklus)
    per_status = sorted((h["ipp"], h["peringkat"]) for h in hasil.values())
    assert per_status == [
        (Decimal("0.5000"), None),  # dikembalikan: dinilai sebagian, tanpa peringkat
        (Decimal("2.0000"), 3),
        (Decimal("4.0000"), 1),
        (Decimal("4.0000"), 1),
        (Decimal("5.0000"), None),  # diajukan: belum bersaing
    ]
    assert len(hasil) == 5  # draf tanpa level dan final tanpa level tidak punya hasil


def test_peringkat_menurut_ipp_4_desimal_bukan_2():
    # 0,50/99,50: level (1, 4) → 3,9850 dan (2, 4) → 3,9900; keduanya tampil 3,99 tetapi tidak seri.
    instrumen = _instrumen([(Decimal(100), [Decimal("0.50"), Decimal("99.50")])], [Decimal("2.51")])
    siklus = _siklus(instrumen, [("final", [1, 4]), ("dinilai", [2, 4])])
    hasil = sorted((h["ipp"], h["ipp_bulat"], h["peringkat"]) for h in _sama(siklus).values())
    assert hasil == [(Decimal("3.9850"), Decimal("3.99"), 2), (Decimal("3.9900"), Decimal("3.99"), 1)]


def test_ipp_eksak_dibulatkan_sekali_bukan_bertingkat():
    # Bobot aspek 33,33/66,67 dan indikator 0,25/99,75: IPP eksak 0,33496675 (8 desimal). Disimpan 0,3350,
    # tetapi kategori dari pembulatan SEKALI ke 2 desimal: 0,33 (pita bawah), bukan 0,34 lewat 0,3350.
    instrumen = _instrumen(
        [(Decimal("33.33"), [Decimal(100)]), (Decimal("66.67"), [Decimal("0.25"), Decimal("99.75")])],
        [Decimal("0.34")],
    )
    siklus = _siklus(instrumen, [("final", [1, 1, 0]), ("final", [5, 3, 4])])
    hasil = {h["ipp"]: h for h in _sama(siklus).values()}
    tepi = hasil[Decimal("0.3350")]
    assert tepi["ipp_bulat"] == Decimal("0.33") and tepi["kategori"] == "K0"
    assert tepi["nilai_aspek"] == {"A1": "1.0000", "A2": "0.0025"}


def test_sql_satu_pernyataan_dan_jumlahnya_kembali(django_assert_num_queries):
    instrumen = _instrumen([(Decimal(100), [Decimal(100)])], [Decimal("2.51")])
    siklus = _siklus(instrumen, [("final", [3]), ("draf", None)])
    with django_assert_num_queries(1):
        assert siklus_hitung_ulang_sql(siklus=siklus, waktu=_waktu()) == 1


def test_ipp_di_luar_pita_ditolak_seperti_jalur_python():
    instrumen = _instrumen([(Decimal(100), [Decimal(100)])], [Decimal("2.51")])
    KategoriIPP.objects.filter(instrumen=instrumen, batas_bawah=0).delete()  # 0,00–2,50 tidak berpita
    siklus = _siklus(instrumen, [("final", [1])])
    with pytest.raises(ValueError, match="kategori"), transaction.atomic():
        siklus_hitung_ulang_python(siklus=siklus)
    with pytest.raises(ValueError, match="kategori"), transaction.atomic():
        siklus_hitung_ulang_sql(siklus=siklus, waktu=_waktu())
    assert not HasilEvaluasi.objects.exists()
