"""Tangga usulan level §2.4, diuji atas definisi F-01 yang dipasang migrasi instrumen 2025 (tanpa DB)."""

import importlib
from decimal import Decimal
from types import SimpleNamespace

import pytest

from evaluasi.usulan_level import PILIHAN_ATURAN, TANGGA, periksa_definisi, usulkan, usulkan_level

DATA = {d["nomor"]: d for d in importlib.import_module("evaluasi.migrations.0002_instrumen_2025").INDIKATOR}


def usul(nomor: int, **jawaban) -> int:
    data = DATA[nomor]
    return usulkan(data["aturan"], data["f01"], jawaban)


def opsi(nomor: int, kode_masukan: str, banyak: int | None = None) -> list[str]:
    (masukan,) = [m for m in DATA[nomor]["f01"]["masukan"] if m["kode"] == kode_masukan]
    semua = [o["kode"] for o in masukan["opsi"]]
    return semua if banyak is None else semua[:banyak]


@pytest.mark.parametrize("nomor", sorted(DATA))
def test_isian_kosong_mengusulkan_level_0(nomor):
    assert usul(nomor) == 0


@pytest.mark.parametrize("nomor", sorted(DATA))
def test_definisi_terpasang_dapat_dipakai_tangganya(nomor):
    assert periksa_definisi(DATA[nomor]["aturan"], DATA[nomor]["f01"]) == []


# --- Ind. 1, 5, 6, 22, 27: bertingkat (berhenti pada "Tidak" pertama) -----------------------------


def test_ind_1_tangga_standar_pelayanan():
    semua = {
        "ada_sp": True,
        "empat_belas_komponen": True,
        "ditetapkan": True,
        "melibatkan_masyarakat": True,
        "monev": True,
    }
    assert usul(1, **semua) == 5
    assert usul(1, **(semua | {"monev": False})) == 4
    assert usul(1, **(semua | {"melibatkan_masyarakat": False})) == 3
    # Melibatkan masyarakat tanpa penetapan belum mencapai level 3, apalagi 4.
    assert usul(1, **(semua | {"ditetapkan": False})) == 2
    assert usul(1, ada_sp=True) == 1
    assert usul(1, **(semua | {"ada_sp": False})) == 0


def test_ind_5_publikasi_elektronik_tanpa_non_elektronik_berhenti_di_3():
    dasar = {"ada": True, "ditetapkan": True, "isi_sesuai": True}
    assert usul(5, **dasar, publikasi_elektronik=True) == 3
    assert usul(5, **dasar, publikasi_nonelektronik=True) == 4
    assert usul(5, **dasar, publikasi_nonelektronik=True, publikasi_elektronik=True) == 5
    assert usul(5, ada=True, isi_sesuai=True) == 1


def test_ind_6_skm_tindak_lanjut_hanya_di_puncak():
    semua = {
        "dilaksanakan": True,
        "sesuai_permen": True,
        "publikasi_nonelektronik": True,
        "publikasi_elektronik": True,
        "tindak_lanjut": True,
    }
    assert usul(6, **semua) == 5
    assert usul(6, **(semua | {"sesuai_permen": False})) == 1
    assert usul(6, dilaksanakan=True, sesuai_permen=True) == 2


def test_ind_22_unsur_sipp_kumulatif():
    assert usul(22, data_sp=True, sp4n_lapor=True, skm=True, penilaian_kinerja=True, unsur_lain=True) == 5
    assert usul(22, data_sp=True, skm=True, penilaian_kinerja=True, unsur_lain=True) == 1


def test_ind_27_akuntabilitas_pengaduan():
    assert usul(27, diarsipkan=True, dilaporkan=True, monev=True, ditindaklanjuti=True) == 4
    assert usul(27, dilaporkan=True, monev=True, ditindaklanjuti=True, dipublikasikan=True) == 0


def test_ind_23_mengikuti_urutan_f02_bukan_f01():
    # F-01 bertanya: operasikan, akses, navigasi, .go.id, kompatibel. Tangga F-02: operasikan, akses,
    # kompatibel, .go.id, navigasi (§2.4). Tidak kompatibel berhenti di 2 walau navigasi dan .go.id "Ya".
    jawaban = {
        "daring": True,
        "mudah_dioperasikan": True,
        "mudah_diakses": True,
        "navigasi": True,
        "domain_go_id": True,
    }
    assert usul(23, **jawaban) == 2
    assert usul(23, **jawaban, kompatibel=True) == 5
    assert usul(23, **(jawaban | {"navigasi": False}), kompatibel=True) == 4


def test_ind_23_tanpa_sipp_daring_level_0():
    semua = {
        "mudah_dioperasikan": True,
        "mudah_diakses": True,
        "kompatibel": True,
        "domain_go_id": True,
        "navigasi": True,
    }
    assert usul(23, **semua) == 0
    assert usul(23, daring=True) == 0
    assert usul(23, daring=True, mudah_dioperasikan=True) == 1


# --- Hitung opsi -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("banyak", "level"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)])
def test_ind_2_unsur_masyarakat(banyak, level):
    assert usul(2, unsur=opsi(2, "unsur", banyak)) == level


@pytest.mark.parametrize(("banyak", "level"), [(1, 1), (4, 4), (5, 5), (6, 5)])
def test_ind_7_media_publikasi_skm_lebih_dari_4_adalah_5(banyak, level):
    assert usul(7, media=opsi(7, "media", banyak)) == level


@pytest.mark.parametrize(
    ("nomor", "ceklis"), [(12, "mekanisme"), (14, "unsur"), (19, "fasilitas"), (25, "fasilitas")]
)
def test_hitung_tanpa_syarat(nomor, ceklis):
    assert usul(nomor, **{ceklis: opsi(nomor, ceklis, 1)}) == 1
    assert usul(nomor, **{ceklis: opsi(nomor, ceklis, 4)}) == 4
    assert usul(nomor, **{ceklis: opsi(nomor, ceklis)}) == 5


@pytest.mark.parametrize(("banyak", "level"), [(0, 1), (1, 2), (3, 4), (4, 5), (5, 5)])
def test_ind_10_kebijakan_jam_bernilai_level_1_lalu_tambah_unsur(banyak, level):
    assert usul(10, kebijakan_jam=True, unsur=opsi(10, "unsur", banyak)) == level


def test_ind_10_unsur_tanpa_kebijakan_jam_level_0():
    assert usul(10, unsur=opsi(10, "unsur")) == 0


@pytest.mark.parametrize(("banyak", "level"), [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
def test_ind_11_hak_kewajiban_ditambah_unsur(banyak, level):
    assert usul(11, hak_kewajiban=True, unsur=opsi(11, "unsur", banyak)) == level


def test_ind_11_tanpa_hak_kewajiban_level_0():
    assert usul(11, unsur=opsi(11, "unsur")) == 0


@pytest.mark.parametrize(
    ("kriteria", "level"),
    [
        ([], 0),
        (["kehadiran"], 1),
        (["kehadiran", "kerja_sama"], 1),
        (["kehadiran", "kerja_sama", "penampilan"], 2),
        (["kehadiran", "kerja_sama", "inovatif", "penampilan", "bebas_komplain"], 2),
        (["kinerja"], 3),  # §2.4: hanya kinerja → 3
        (["kinerja", "kehadiran"], 3),
        (["kinerja", "kehadiran", "kerja_sama"], 4),
        (["kinerja", "kehadiran", "kerja_sama", "inovatif"], 4),
        (["kinerja", "kehadiran", "kerja_sama", "inovatif", "penampilan"], 5),
        (["kinerja", "kehadiran", "kerja_sama", "inovatif", "penampilan", "bebas_komplain"], 5),
    ],
)
def test_ind_13_kriteria_penghargaan_dengan_dan_tanpa_kinerja(kriteria, level):
    assert usul(13, kriteria=kriteria) == level


@pytest.mark.parametrize(("banyak", "level"), [(0, 0), (1, 1), (4, 4), (5, 5), (8, 5)])
def test_ind_15_parkir_perlu_tempat_parkir_dan_fasilitas(banyak, level):
    assert usul(15, tersedia_parkir=True, fasilitas=opsi(15, "fasilitas", banyak)) == level


def test_ind_15_fasilitas_tanpa_tempat_parkir_level_0():
    assert usul(15, fasilitas=opsi(15, "fasilitas")) == 0


@pytest.mark.parametrize(
    ("kursi", "sirkulasi", "pelengkap", "level"),
    [
        (True, True, 0, 1),
        (True, True, 1, 2),
        (True, True, 4, 5),
        (True, True, 7, 5),
        (True, False, 3, 0),  # fasilitas wajib harus keduanya
        (False, False, 7, 0),
    ],
)
def test_ind_16_ruang_tunggu_wajib_lalu_pelengkap(kursi, sirkulasi, pelengkap, level):
    pelengkap = opsi(16, "pelengkap", pelengkap)
    jawaban = {"kursi_tunggu": kursi, "sirkulasi_udara": sirkulasi, "pelengkap": pelengkap}
    assert usul(16, **jawaban) == level


@pytest.mark.parametrize(
    ("nomor", "syarat", "ceklis"),
    [
        (17, "tersedia_toilet", "kondisi"),
        (20, "tersedia_fo", "fasilitas"),
        (31, "tersedia_antrian", "fasilitas"),
    ],
)
def test_hitung_dengan_syarat_ketersediaan(nomor, syarat, ceklis):
    assert usul(nomor, **{syarat: True, ceklis: opsi(nomor, ceklis, 4)}) == 4
    assert usul(nomor, **{syarat: True, ceklis: opsi(nomor, ceklis, 5)}) == 5
    assert usul(nomor, **{ceklis: opsi(nomor, ceklis)}) == 0


@pytest.mark.parametrize(
    ("banyak", "level"),
    [(0, 0), (1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (9, 3), (10, 4), (12, 4), (13, 5), (14, 5)],
)
def test_ind_18_rentang_sarpras_kelompok_rentan(banyak, level):
    assert usul(18, sarpras=opsi(18, "sarpras", banyak)) == level


# --- Ind. 3: media publikasi SP, SIPPN terpisah -----------------------------------------------------

MEDIA_LAIN = ["cetak", "elektronik", "media_sosial", "website", "aplikasi", "papan_reklame"]


@pytest.mark.parametrize(
    ("lengkap", "media", "level"),
    [
        (False, [], 0),
        (True, [], 0),
        (False, [*MEDIA_LAIN[:4], "sippn"], 1),  # hanya sebagian komponen
        (True, MEDIA_LAIN[:1], 1),
        (True, [MEDIA_LAIN[0], "sippn"], 1),  # SIPPN tidak dihitung sebagai media
        (True, MEDIA_LAIN[:2], 2),
        (True, MEDIA_LAIN, 2),  # banyak media, belum di SIPPN
        (True, [*MEDIA_LAIN[:2], "sippn"], 3),
        (True, [*MEDIA_LAIN[:3], "sippn"], 4),
        (True, [*MEDIA_LAIN[:4], "sippn"], 5),
        (True, [*MEDIA_LAIN, "sippn"], 5),
    ],
)
def test_ind_3_media_publikasi_sp(lengkap, media, level):
    assert usul(3, seluruh_komponen=lengkap, media=media) == level


# --- Ind. 8 dan 28: persentase ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persen", "level"),
    [
        (0, 1),
        (Decimal("29.99"), 2),
        (30, 3),
        (80, 3),  # §2.4: tepat 80 % → 3
        (80.0, 3),
        (Decimal("80.01"), 4),
        (Decimal("99.99"), 4),
        (100, 5),  # §2.4: tepat 100 % → 5
    ],
)
def test_ind_8_persentase_rtl(persen, level):
    assert usul(8, ada_rtl=True, realisasi=persen) == level


def test_ind_8_tanpa_rtl_level_0_walau_persen_diisi():
    assert usul(8, realisasi=100) == 0


@pytest.mark.parametrize("persen", [101, -1, "delapan puluh", True, float("nan")])
def test_ind_8_persen_tidak_sah_ditolak(persen):
    with pytest.raises(ValueError, match="persentase 0–100"):
        usul(8, ada_rtl=True, realisasi=persen)


@pytest.mark.parametrize(
    ("jawaban", "level"),
    [
        ({"masuk": 0, "selesai": 0}, 0),
        ({"masuk": 10, "selesai": 0}, 0),
        ({"masuk": 100, "selesai": 49}, 1),
        ({"masuk": 100, "selesai": 50}, 2),
        ({"masuk": 100, "selesai": 100}, 2),  # di luar SP4N-LAPOR! paling tinggi 2
        ({"masuk_lapor": 100, "selesai_lapor": 1}, 3),
        ({"masuk_lapor": 100, "selesai_lapor": 49}, 3),
        ({"masuk_lapor": 100, "selesai_lapor": 50}, 4),
        ({"masuk_lapor": 1000, "selesai_lapor": 899}, 4),
        ({"masuk_lapor": 10, "selesai_lapor": 9}, 5),  # §2.4: tepat 90 % → 5
        ({"masuk_lapor": 10, "selesai_lapor": 10}, 5),
        ({"masuk": 100, "selesai": 60, "masuk_lapor": 10, "selesai_lapor": 1}, 3),
        ({"masuk": 100, "selesai": 60, "masuk_lapor": 10, "selesai_lapor": 0}, 2),
    ],
)
def test_ind_28_persentase_pengaduan_selesai(jawaban, level):
    assert usul(28, **jawaban) == level


@pytest.mark.parametrize("jawaban", [{"masuk": 5, "selesai": 6}, {"masuk_lapor": 1, "selesai_lapor": 2}])
def test_ind_28_selesai_melebihi_masuk_ditolak(jawaban):
    with pytest.raises(ValueError, match="melebihi pengaduan masuk"):
        usul(28, **jawaban)


def test_ind_28_jumlah_negatif_ditolak():
    with pytest.raises(ValueError, match="bilangan bulat 0 atau lebih"):
        usul(28, masuk=-1)


# --- Pilihan berlevel ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nomor", "masukan"), [(4, "peninjauan"), (9, "kecepatan"), (24, "frekuensi"), (29, "status")]
)
def test_pilihan_memberi_level_opsinya(nomor, masukan):
    assert [usul(nomor, **{masukan: kode}) for kode in opsi(nomor, masukan)] == [0, 1, 2, 3, 4, 5]


def test_ind_24_contoh_pilihan():
    assert usul(24, frekuensi="mingguan") == 4
    assert usul(9, kecepatan="enam_bulan") == 3


def test_pilihan_tidak_dikenal_ditolak():
    with pytest.raises(ValueError, match="Pilihan tidak dikenal"):
        usul(24, frekuensi="sewindu")


# --- Tertinggi (ind. 21, 26) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jawaban", "level"),
    [
        ({"lisan": True}, 1),
        ({"lisan": True, "papan_pengumuman": True}, 1),
        ({"lisan": True, "papan_pengumuman": True, "media_cetak": True}, 2),
        ({"papan_pengumuman": True, "media_cetak": True}, 0),
        ({"elektronik_luring": True}, 3),
        ({"daring": True}, 4),  # bentuk sarana, bukan tahapan: daring tanpa pusat informasi tetap 4
        ({"lisan": True, "daring": True, "sippn": True}, 5),
        ({"sippn": True}, 0),
    ],
)
def test_ind_21_bentuk_sipp(jawaban, level):
    assert usul(21, **jawaban) == level


@pytest.mark.parametrize(
    ("jawaban", "level"),
    [
        ({"luring_menyatu_fo": True}, 1),
        ({"luring_terpisah_fo": True}, 2),
        ({"luring_menyatu_fo": True, "daring": True}, 3),
        ({"luring_menyatu_fo": True, "sp4n_lapor": True}, 3),
        ({"luring_terpisah_fo": True, "daring": True}, 4),
        ({"luring_terpisah_fo": True, "sp4n_lapor": True}, 5),
        ({"daring": True, "sp4n_lapor": True}, 0),
    ],
)
def test_ind_26_sarana_konsultasi_pengaduan(jawaban, level):
    assert usul(26, **jawaban) == level


# --- Ind. 30: payung hukum dan kondisi -------------------------------------------------------------


@pytest.mark.parametrize(
    ("payung", "kondisi", "level"),
    [
        (None, ["anggaran", "sarpras", "sdm"], 0),
        ("tidak", ["anggaran"], 0),
        ("rancangan", [], 1),
        ("rancangan", ["anggaran", "sarpras", "sdm"], 1),
        ("ditetapkan", [], 2),
        ("ditetapkan", ["sdm"], 3),
        ("ditetapkan", ["anggaran", "sdm"], 4),
        ("ditetapkan", ["anggaran", "sarpras", "sdm"], 5),
    ],
)
def test_ind_30_sumber_daya_inovasi(payung, kondisi, level):
    assert usul(30, payung_hukum=payung, kondisi=kondisi) == level


# --- Jawaban tidak sah, registri, pemeriksaan definisi ---------------------------------------------


def test_ya_tidak_harus_boolean():
    with pytest.raises(ValueError, match="harus Ya/Tidak"):
        usul(1, ada_sp="ya")


def test_opsi_ceklis_tidak_dikenal_ditolak():
    with pytest.raises(ValueError, match="Opsi tidak dikenal pada 'unsur': wartawan"):
        usul(2, unsur=["pengguna_layanan", "wartawan"])


def test_ceklis_harus_daftar():
    with pytest.raises(ValueError, match="harus berupa daftar opsi"):
        usul(2, unsur="pengguna_layanan")


def test_usulkan_level_membaca_aturan_dari_indikator():
    data = DATA[13]
    indikator = SimpleNamespace(aturan_usulan=data["aturan"], opsi_f01=data["f01"])

    assert usulkan_level(indikator, {"kriteria": ["kinerja"]}) == 3
    assert usulkan_level(SimpleNamespace(aturan_usulan="", opsi_f01={}), {}) is None


def test_aturan_tidak_dikenal_ditolak():
    with pytest.raises(ValueError, match="Aturan usulan level tidak dikenal"):
        usulkan("acak", {"masukan": []}, {})


def test_pilihan_aturan_model_sama_dengan_registri():
    assert [kunci for kunci, _ in PILIHAN_ATURAN] == list(TANGGA)


@pytest.mark.parametrize(
    ("aturan", "definisi", "pesan"),
    [
        ("hitung", [], "objek JSON dengan daftar 'masukan'"),
        ("hitung", {"masukan": []}, "sedikitnya satu masukan ceklis"),
        (
            "hitung",
            {"masukan": [{"kode": "a", "jenis": "ceklis", "label": "A", "opsi": []}]},
            "opsi harus ada",
        ),
        (
            "pilihan",
            {"masukan": [{"kode": "a", "jenis": "pilihan", "label": "A", "opsi": [{"kode": "x"}]}]},
            "level 0–5",
        ),
        (
            "persen_rtl",
            {"masukan": [{"kode": "ada_rtl", "jenis": "ya_tidak", "label": "A"}]},
            "memerlukan masukan 'realisasi' berjenis persen",
        ),
        ("bertingkat", {"masukan": [{"kode": "a", "jenis": "teks", "label": "A"}]}, "jenis harus salah satu"),
        ("tertinggi", {"masukan": []}, "daftar 'tingkat'"),
        (
            "tertinggi",
            {"masukan": [], "tingkat": [{"level": 1, "syarat": ["hilang"]}]},
            "(tidak ada: hilang)",
        ),
    ],
)
def test_periksa_definisi_menemukan_kesalahan(aturan, definisi, pesan):
    assert any(pesan in m for m in periksa_definisi(aturan, definisi))


def test_periksa_definisi_tanpa_aturan_tidak_memeriksa():
    assert periksa_definisi("", {}) == []
