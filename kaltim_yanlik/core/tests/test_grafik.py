"""Grafik SVG: penulis ringan (deterministik, teraksesibel, tanpa gaya inline), ukuran huruf dari font yang
dibundel, dan simpanan persisten (sekali digambar per data, tidak per kunjungan atau per proses)."""

import re
from datetime import timedelta
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from kaltim_yanlik.core import grafik
from kaltim_yanlik.core.grafik_svg import (
    LEBAR,
    SEMPIT,
    angka_id,
    batang_horizontal,
    batang_vertikal,
    garis,
    langkah_rapi,
    sebaran_urut,
)
from kaltim_yanlik.core.huruf import JALUR_FONT, bungkus, lebar_teks
from kaltim_yanlik.core.models import GrafikTersimpan

SVG = "{http://www.w3.org/2000/svg}"


def _aspek(tata=LEBAR, **kw):
    label = ["I. Kebijakan <Pelayanan>", "II. Profesionalisme SDM & Sarana"]
    return batang_horizontal(
        tata, "gx", label=label, nilai=[Decimal("3.2"), 4], judul="Nilai & target", target=5, **kw
    )


# --- Penulis SVG -----------------------------------------------------------------------------------------


def test_angka_desimal_koma():
    assert angka_id(Decimal("3.75")) == "3,75"
    assert angka_id(5) == "5,00"
    assert angka_id(Decimal("0.5"), 1) == "0,5"


@pytest.mark.parametrize("tata", [LEBAR, SEMPIT])
def test_batang_deterministik_teraksesibel_dan_teks_di_escape(tata):
    svg = _aspek(tata)
    assert svg == _aspek(tata)
    akar = ElementTree.fromstring(svg)  # XML sah: teks data tidak dapat menyisipkan markup
    assert akar.get("role") == "img" and akar.get("width") == "100%"
    judul, uraian = akar.find(f"{SVG}title"), akar.find(f"{SVG}desc")
    assert judul.text == "Nilai & target"
    assert akar.get("aria-labelledby") == f"{judul.get('id')} {uraian.get('id')}"
    # <desc> memuat datanya dalam kalimat (nama lengkap, tanpa pemotongan label).
    assert "I. Kebijakan <Pelayanan>: 3,20" in uraian.text and "4,00" in uraian.text
    teks = [t.text for t in akar.iter(f"{SVG}text")]
    assert "3,20" in teks and "4,00" in teks and "Target 5" not in teks and "Target" in teks
    assert "<Pelayanan>" not in svg and "&lt;Pelayanan&gt;" in svg


def test_tanpa_gaya_inline_dan_tanpa_id_bertabrakan_antar_tata_letak():
    lebar, sempit = _aspek(LEBAR), _aspek(SEMPIT)
    for svg in (lebar, sempit):
        assert "<style" not in svg and " style=" not in svg
    id_lebar, id_sempit = set(re.findall(r' id="([^"]+)"', lebar)), set(re.findall(r' id="([^"]+)"', sempit))
    assert id_lebar and id_sempit and not id_lebar & id_sempit


def test_tata_sempit_meletakkan_label_di_atas_batang_selebar_gambar():
    akar = ElementTree.fromstring(_aspek(SEMPIT))
    label = next(t for t in akar.iter(f"{SVG}text") if t.text.startswith("I. Kebijakan"))
    batang = next(r for r in akar.iter(f"{SVG}rect"))
    assert label.get("text-anchor") == "start" and float(label.get("y")) < float(batang.get("y"))
    akar_lebar = ElementTree.fromstring(_aspek(LEBAR))
    label_lebar = next(t for t in akar_lebar.iter(f"{SVG}text") if t.text.startswith("I. Kebijakan"))
    assert label_lebar.get("text-anchor") == "end"


def test_batang_sepanjang_nilainya():
    akar = ElementTree.fromstring(
        batang_horizontal(LEBAR, "g", label=["a", "b", "c"], nilai=[0, Decimal("2.5"), 5], judul="x")
    )
    lebar = [float(r.get("width")) for r in akar.iter(f"{SVG}rect")]
    assert lebar[0] == 0 and lebar[2] == pytest.approx(2 * lebar[1], abs=0.2)


def test_batang_tegak_dan_garis_memuat_angka_dan_label():
    svg = batang_vertikal(
        SEMPIT, "g", label=["A", "B-"], nilai=[3, 12], judul="Sebaran", warna=["#111", "#222"]
    )
    teks = [t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}text")]
    assert {"A", "B-", "3", "12"} <= set(teks)
    svg = garis(LEBAR, "g", label=["Semester I 2025", "Semester II 2025"], nilai=[80, Decimal("82.5")],
                judul="Tren", batas=(25, 100))  # fmt: skip
    akar = ElementTree.fromstring(svg)
    assert {"80,00", "82,50"} <= {t.text for t in akar.iter(f"{SVG}text")}
    assert len(list(akar.iter(f"{SVG}circle"))) == 2 and akar.find(f"{SVG}polyline") is not None


def test_sebaran_seribu_lokus_satu_bentuk_per_warna_dan_angka_tepi_tidak_terpotong():
    nilai = [Decimal(5) - Decimal(i) / 250 for i in range(1000)]
    warna = ["#146c43"] * 300 + ["#e0b400"] * 500 + ["#a11d21"] * 200
    svg = sebaran_urut(LEBAR, "g", nilai=nilai, judul="Sebaran", warna=warna)
    akar = ElementTree.fromstring(svg)
    assert [p.get("fill") for p in akar.iter(f"{SVG}path")] == ["#146c43", "#e0b400", "#a11d21"]
    assert len(svg) < 60_000
    ujung = next(t for t in akar.iter(f"{SVG}text") if t.text == "1000")
    assert ujung.get("text-anchor") == "end" and float(ujung.get("x")) <= LEBAR.lebar


@pytest.mark.parametrize(("rentang", "langkah"), [(5, 1), (1000, 200), (41, 10), (75, 20), (2, 0.5)])
def test_langkah_sumbu_rapi(rentang, langkah):
    assert langkah_rapi(rentang) == langkah


# --- Huruf ------------------------------------------------------------------------------------------------


def test_lebar_huruf_dari_font_yang_dibundel_lewat_jalurnya():
    assert JALUR_FONT.exists() and JALUR_FONT.suffix == ".woff"
    # Noto Sans: "W" jauh lebih lebar dari "i"; lebar sebanding ukuran huruf.
    assert lebar_teks("W", 10) > 2 * lebar_teks("i", 10)
    assert lebar_teks("Dinas Kesehatan", 20) == pytest.approx(2 * lebar_teks("Dinas Kesehatan", 10))


def test_bungkus_per_kata_dan_elipsis_bila_melebihi_baris():
    teks = "Unit Pelaksana Teknis Daerah Pengelolaan Pendapatan Daerah Wilayah Samarinda"
    baris = bungkus(teks, 120, 10, baris_maks=2)
    assert len(baris) == 2 and baris[1].endswith("…")
    assert all(lebar_teks(b, 10) <= 120 for b in baris)
    assert bungkus("Pendek", 120, 10) == ["Pendek"]


# --- Simpanan persisten ----------------------------------------------------------------------------------


@pytest.fixture
def hitung_gambar(monkeypatch):
    """Hitung berapa kali penggambar sungguhan dipanggil (tetap menggambar)."""
    panggilan = []
    asli = grafik.gambar

    def menghitung(spek):
        panggilan.append(spek.kunci)
        return asli(spek)

    monkeypatch.setattr(grafik, "gambar", menghitung)
    return panggilan


@pytest.mark.django_db
def test_data_sama_digambar_sekali_lalu_dibaca_dari_simpanan(hitung_gambar, django_assert_num_queries):
    spek = grafik.batang_horizontal(["A", "B"], [1, 2], judul="Uji")
    pertama = grafik.tampilkan(spek)
    assert len(hitung_gambar) == 1 and GrafikTersimpan.objects.count() == 1
    with django_assert_num_queries(1):
        kedua = grafik.tampilkan(grafik.batang_horizontal(["A", "B"], [Decimal("1.00"), 2], judul="Uji"))
    assert len(hitung_gambar) == 1 and kedua == pertama
    html = str(kedua)
    assert html.count("<svg") == 2 and 'class="grafik-lebar"' in html and 'class="grafik-sempit"' in html
    grafik.tampilkan(grafik.batang_horizontal(["A", "B"], [1, 3], judul="Uji"))  # data baru → kunci baru
    assert len(hitung_gambar) == 2


@pytest.mark.django_db
def test_siapkan_hanya_menggambar_yang_belum_ada_dengan_kueri_tetap(hitung_gambar, django_assert_num_queries):
    daftar = [grafik.batang_vertikal(["A"], [n], judul="x") for n in range(5)]
    grafik.tampilkan(daftar[0])
    with django_assert_num_queries(2):
        assert grafik.siapkan(daftar + daftar) == 4
    assert len(hitung_gambar) == 5
    with django_assert_num_queries(1):  # semua sudah ada: tidak ada yang disisipkan
        assert grafik.siapkan(daftar) == 0


@pytest.mark.django_db
def test_bersihkan_membuang_grafik_lama_saja():
    lama, baru = (grafik.garis(["a"], [n], judul="x") for n in (1, 2))
    grafik.siapkan([lama, baru])
    GrafikTersimpan.objects.filter(kunci=lama.kunci).update(dibuat_pada=timezone.now() - timedelta(days=100))
    assert grafik.bersihkan(lebih_lama_dari=timedelta(days=90)) == 1
    assert list(GrafikTersimpan.objects.values_list("kunci", flat=True)) == [baru.kunci]


def test_opsi_pilihan_di_escape_dan_terpilih():
    from kaltim_yanlik.core.templatetags.pilihan import opsi_pilihan

    html = opsi_pilihan([('a"1', "<b>Unit</b> & Co"), (2, "Dua")], terpilih=2, kosong="Semua <unit>")
    assert html == (
        '<option value="">Semua &lt;unit&gt;</option>'
        '<option value="a&quot;1">&lt;b&gt;Unit&lt;/b&gt; &amp; Co</option>'
        '<option value="2" selected>Dua</option>'
    )


@pytest.mark.parametrize("tata", [LEBAR, SEMPIT])
def test_batang_rapat_berlabel_satu_baris_agar_muat_satu_halaman(tata):
    label = [
        f"{n}. Unit Pelaksana Teknis Daerah Pengelolaan Pendapatan Daerah Wilayah {n}" for n in range(40)
    ]
    svg = batang_horizontal(tata, "g", label=label, nilai=[3] * 40, judul="Peringkat", rapat=True)
    akar = ElementTree.fromstring(svg)
    teks_label = [t.text for t in akar.iter(f"{SVG}text") if t.text and "Unit" in t.text]
    assert len(teks_label) == 40 and all(t.endswith("…") for t in teks_label)
    tinggi = float(akar.get("viewBox").split()[3])
    # Perbandingan tinggi/lebar: di kolom PDF 17 cm, 40 baris tetap di bawah ±20 cm.
    assert tinggi / tata.lebar * 17 < 20 if tata is LEBAR else tinggi < 40 * 3.2 * tata.huruf
