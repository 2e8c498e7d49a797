import random
from decimal import Decimal

import pytest

from evaluasi.models import Indikator, InstrumenVersi
from evaluasi.services import instrumen_aktifkan, instrumen_salin
from evaluasi.skor import (
    AspekSkor,
    IndikatorSkor,
    InstrumenSkor,
    KategoriSkor,
    hitung_ipp,
    hitung_ipp_dari,
    peningkatan_terbesar,
)
from kaltim_yanlik.core.exceptions import DomainError

from . import regulasi

pytestmark = pytest.mark.django_db

SEMUA_LIMA = dict.fromkeys(range(1, 31), 5)


def _dari_lima(**turun):
    """Semua indikator level 5 kecuali yang disebut (i14=0 berarti indikator 14 level 0)."""
    return SEMUA_LIMA | {int(k[1:]): v for k, v in turun.items()}


def test_contoh_1_regulasi_menghasilkan_3_7498_dibulatkan_3_75_kategori_b(potret_2025):
    hasil = hitung_ipp_dari(potret_2025, regulasi.CONTOH_1)

    assert dict(hasil.nilai_aspek) == regulasi.CONTOH_1_NILAI_ASPEK
    assert hasil.ipp == regulasi.CONTOH_1_IPP
    assert hasil.ipp_bulat == regulasi.CONTOH_1_BULAT
    assert (hasil.kategori, hasil.predikat) == regulasi.CONTOH_1_KATEGORI


def test_hitung_ipp_tanpa_instrumen_memakai_instrumen_aktif_terbaru(instrumen_2025):
    hasil = hitung_ipp(regulasi.CONTOH_1)

    assert hasil.ipp == regulasi.CONTOH_1_IPP
    assert hitung_ipp(regulasi.CONTOH_1, instrumen_2025) == hasil


def test_hasil_berupa_decimal_dengan_skala_tetap(potret_2025):
    hasil = hitung_ipp_dari(potret_2025, SEMUA_LIMA)

    assert hasil.ipp.as_tuple().exponent == -4
    assert hasil.ipp_bulat.as_tuple().exponent == -2
    with pytest.raises(TypeError):
        hasil.nilai_aspek["I"] = Decimal(0)


@pytest.mark.parametrize("benih", range(20))
def test_ipp_sama_dengan_jumlah_bobot_global_regulasi(potret_2025, benih):
    # Pembanding bebas dari kode: kolom "Bobot global" §2.3 dikali level (§2.6 baris ketiga).
    acak = random.Random(benih)  # noqa: S311 -- masukan uji yang dapat diulang, bukan kriptografi
    level = {n: acak.randint(0, 5) for n in range(1, 31) if acak.random() > 0.1}

    hasil = hitung_ipp_dari(potret_2025, level)

    assert hasil.ipp == regulasi.ipp_dari_bobot_global(level)


@pytest.mark.parametrize(
    ("level", "ipp", "bulat", "kategori", "predikat"),
    [
        pytest.param(SEMUA_LIMA, "5.0000", "5.00", "A", "Pelayanan Prima", id="semua-5"),
        pytest.param({}, "0.0000", "0.00", "F", "Gagal", id="kosong-0"),
        # §2.8 contoh 2: 4,505 dibulatkan setengah ke atas menjadi 4,51 → A (terpotong akan jadi A-).
        pytest.param(_dari_lima(i24=0, i17=0, i13=2), "4.5050", "4.51", "A", "Pelayanan Prima", id="4.505"),
        pytest.param(_dari_lima(i11=1, i14=1), "4.5000", "4.50", "A-", "Sangat Baik", id="4.50"),
        pytest.param(_dari_lima(i25=3, i30=0, i28=0), "4.5100", "4.51", "A", "Pelayanan Prima", id="4.51"),
        pytest.param(
            _dari_lima(i30=3, i14=0, i11=1, i29=0), "4.0050", "4.01", "A-", "Sangat Baik", id="4.005"
        ),
        pytest.param(_dari_lima(i11=1, i27=0, i14=0, i29=0), "4.0000", "4.00", "B", "Baik", id="4.00"),
        pytest.param({29: 5, 13: 5, 12: 3, 30: 5}, "1.0000", "1.00", "F", "Gagal", id="1.00"),
        pytest.param({13: 5, 11: 4, 14: 5, 29: 3}, "1.0050", "1.01", "E", "Sangat Buruk", id="1.005"),
    ],
)
def test_batas_kategori_menurut_tabel_regulasi(potret_2025, level, ipp, bulat, kategori, predikat):
    hasil = hitung_ipp_dari(potret_2025, level)

    assert hasil.ipp == regulasi.ipp_dari_bobot_global(level) == Decimal(ipp)
    assert hasil.ipp_bulat == Decimal(bulat)
    assert (hasil.kategori, hasil.predikat) == (kategori, predikat)
    bawah, atas, predikat_tabel = regulasi.KATEGORI[kategori]
    assert Decimal(bawah) <= hasil.ipp_bulat <= Decimal(atas)
    assert predikat_tabel == predikat


def _instrumen_buatan(aspek: list[tuple[str, str, list[tuple[int, str]]]]) -> InstrumenSkor:
    kategori = tuple(
        KategoriSkor(kode=k, predikat=p, batas_bawah=Decimal(b), batas_atas=Decimal(a))
        for k, (b, a, p) in regulasi.KATEGORI.items()
    )
    return InstrumenSkor(
        tahun=2099,
        jenis="A",
        kategori=kategori,
        aspek=tuple(
            AspekSkor(
                kode=kode,
                nama=kode,
                bobot=Decimal(bobot),
                indikator=tuple(IndikatorSkor(nomor=n, kode=str(n), bobot=Decimal(w)) for n, w in indikator),
            )
            for kode, bobot, indikator in aspek
        ),
    )


def test_kategori_dari_nilai_eksak_bukan_dari_nilai_empat_desimal():
    # IPP eksak = 0,99 × 4,505 + 0,01 × 4,5 = 4,50495. Dibulatkan sekali ke 2 desimal: 4,50 → A- (§2.6:
    # kategori atas nilai yang dibulatkan ke 2 desimal). Pembulatan bertingkat 4,5050 → 4,51 keliru memberi A.
    instrumen = _instrumen_buatan(
        [("X", "99", [(1, "90.10"), (2, "9.90")]), ("Y", "1", [(3, "90"), (4, "10")])]
    )

    hasil = hitung_ipp_dari(instrumen, {1: 5, 3: 5})

    assert hasil.ipp == Decimal("4.5050")
    assert hasil.ipp_bulat == Decimal("4.50")
    assert hasil.kategori == "A-"


@pytest.mark.parametrize("nilai", [6, -1, 2.5, "3", True, Decimal("3")])
def test_level_di_luar_0_5_atau_bukan_bilangan_bulat_ditolak(potret_2025, nilai):
    with pytest.raises(ValueError, match="Level indikator 5 harus bilangan bulat 0–5"):
        hitung_ipp_dari(potret_2025, {1: 3, 5: nilai})


def test_nomor_indikator_yang_tidak_ada_ditolak(potret_2025):
    with pytest.raises(ValueError, match="Indikator nomor 32 tidak ada"):
        hitung_ipp_dari(potret_2025, {32: 3})


@pytest.mark.parametrize("kosong", ["dihapus", "none"])
def test_indikator_tanpa_level_dihitung_nol_tanpa_normalisasi_bobot(potret_2025, kosong):
    level = dict(regulasi.CONTOH_1)
    if kosong == "dihapus":
        del level[1]
    else:
        level[1] = None

    hasil = hitung_ipp_dari(potret_2025, level)

    # Indikator 1 (level 5 pada contoh 1) bobot global 4,08 %: IPP turun tepat 0,0408 × 5.
    assert hasil.ipp == regulasi.CONTOH_1_IPP - regulasi.BOBOT_GLOBAL[1] * 5 / 100 == Decimal("3.5458")


@pytest.mark.parametrize("level_31", [0, 5])
def test_indikator_31_suplemen_tidak_mempengaruhi_ipp(potret_2025, level_31):
    hasil = hitung_ipp_dari(potret_2025, regulasi.CONTOH_1 | {31: level_31})

    assert hasil.ipp == regulasi.CONTOH_1_IPP
    assert "VII" not in hasil.nilai_aspek


def test_level_indikator_31_tetap_harus_sah(potret_2025):
    with pytest.raises(ValueError, match="Level indikator 31"):
        hitung_ipp_dari(potret_2025, {31: 7})


def test_tanpa_instrumen_aktif_ditolak_dengan_pesan(instrumen_2025):
    InstrumenVersi.objects.update(aktif=False)

    with pytest.raises(DomainError, match="Belum ada instrumen PEKPPP jenis A yang aktif"):
        hitung_ipp(regulasi.CONTOH_1)


def test_instrumen_aktif_tahun_tertinggi_dipakai_draf_diabaikan(instrumen_2025, admin_portal):
    tahun_2026 = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal)
    # Bobot 12 (20 %) dan 14 (30 %) ditukar: nilai aspek SDM contoh 1 menjadi
    # (10·4 + 20·5 + 30·3 + 20·4 + 20·5)/100 = 4,10, turun 0,20 × 25 % = 0,05 dari contoh 1.
    Indikator.objects.filter(aspek__instrumen=tahun_2026, nomor=12).update(bobot=30)
    Indikator.objects.filter(aspek__instrumen=tahun_2026, nomor=14).update(bobot=20)
    instrumen_aktifkan(instrumen=tahun_2026, oleh=admin_portal)
    instrumen_salin(instrumen=instrumen_2025, tahun=2027, oleh=admin_portal)  # draf, tidak dipakai

    assert hitung_ipp(regulasi.CONTOH_1).ipp == Decimal("3.6998")
    assert hitung_ipp(regulasi.CONTOH_1, instrumen_2025).ipp == regulasi.CONTOH_1_IPP


def test_peningkatan_terbesar_sesuai_contoh_3(potret_2025):
    hasil = peningkatan_terbesar(potret_2025, {}, n=6)

    assert [(p.nomor, p.per_langkah) for p in hasil] == list(regulasi.KENAIKAN_TERBESAR.items())
    assert hasil[0].hingga_lima == regulasi.KENAIKAN_TERBESAR[14] * 5


def test_peningkatan_terbesar_melewati_level_5_dan_membatasi_n(potret_2025):
    hasil = peningkatan_terbesar(potret_2025, {14: 5, 29: 3})

    assert len(hasil) == 5
    assert 14 not in [p.nomor for p in hasil]
    # 29 dan 30 sama-sama +0,06 per langkah; 30 (level 0) masih bisa naik 5 langkah, 29 (level 3) dua.
    assert [p.nomor for p in hasil[:2]] == [30, 29]
    assert hasil[1].hingga_lima == Decimal("0.12")


def test_peningkatan_terbesar_kosong_bila_semua_level_5(potret_2025):
    assert peningkatan_terbesar(potret_2025, SEMUA_LIMA | {31: 0}) == []
