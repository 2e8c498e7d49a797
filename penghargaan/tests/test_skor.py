"""Penggabungan nilai dan pemeringkatan: rata-rata tim, bobot, kriteria dari data, seri yang dijelaskan."""

from decimal import Decimal

from penghargaan.skor import Kriteria, gabungkan, peringkatkan, rata_rata

D = Decimal
KRITERIA = [
    Kriteria(1, "Kehadiran", D("20"), urutan=1),
    Kriteria(2, "Kinerja", D("30"), urutan=2),
    Kriteria(3, "Kerja sama", D("15"), urutan=3),
    Kriteria(4, "Inovatif/kreatif", D("15"), urutan=4),
    Kriteria(5, "Penampilan", D("10"), urutan=5),
    Kriteria(6, "Tanpa komplain", D("10"), dari_data=True, urutan=6),
]


def _nilai(per_kriteria: dict[int, list[int]], nominasi_id: int = 1) -> dict:
    return {(nominasi_id, k): v for k, v in per_kriteria.items()}


def test_rata_rata_dibulatkan_setengah_ke_atas():
    assert rata_rata([80, 85, 90, 88, 87]) == D("86.00")
    assert rata_rata([70, 71]) == D("70.50")
    assert rata_rata([1, 1, 2]) == D("1.33")
    assert rata_rata([1, 2, 2]) == D("1.67")
    assert rata_rata([]) is None


def test_nilai_akhir_adalah_jumlah_bobot_kali_rata_rata():
    # Kehadiran 90, kinerja rata (80+90)/2=85, kerja sama 70, inovatif 60, penampilan 100, bersih → 100.
    nilai = _nilai({1: [90, 90], 2: [80, 90], 3: [70, 70], 4: [60, 60], 5: [100, 100]})
    [h] = gabungkan(kriteria=KRITERIA, nominasi={1: "Ani"}, nilai=nilai, bersih={1: True})
    # 0,20·90 + 0,30·85 + 0,15·70 + 0,15·60 + 0,10·100 + 0,10·100 = 18 + 25,5 + 10,5 + 9 + 10 + 10 = 83,00
    assert h.nilai_kriteria[2] == D("85.00")
    assert h.nilai_akhir == D("83.00")


def test_kriteria_tanpa_komplain_bernilai_nol_bila_ada_pengaduan_atau_sanksi():
    nilai = _nilai({k: [100] for k in range(1, 6)})
    [h] = gabungkan(kriteria=KRITERIA, nominasi={1: "Ani"}, nilai=nilai, bersih={1: False})
    assert h.nilai_kriteria[6] == 0
    assert h.nilai_akhir == D("90.00")
    assert h.bersih is False


def test_seri_nilai_akhir_dipecah_oleh_kriteria_berbobot_terbesar_dan_dijelaskan():
    # Nilai akhir sama 83,00: Budi unggul pada Kinerja (bobot terbesar), Cici pada Kehadiran.
    nilai = {
        **_nilai({1: [70], 2: [90], 3: [80], 4: [80], 5: [80]}, 1),  # 14+27+12+12+8+10 = 83
        **_nilai({1: [85], 2: [80], 3: [80], 4: [80], 5: [80]}, 2),  # 17+24+12+12+8+10 = 83
    }
    hasil = peringkatkan(
        gabungkan(kriteria=KRITERIA, nominasi={1: "Budi", 2: "Cici"}, nilai=nilai, bersih={1: True, 2: True}),
        KRITERIA,
    )
    assert [h.nama for h in hasil] == ["Budi", "Cici"]
    assert [h.nilai_akhir for h in hasil] == [D("83.00"), D("83.00")]
    assert [h.peringkat for h in hasil] == [1, 2]
    assert "unggul pada kriteria Kinerja (90,00 lawan 80,00)" in hasil[0].penjelasan
    assert "Cici" not in hasil[1].penjelasan and "di bawahnya" in hasil[1].penjelasan


def test_seri_penuh_berbagi_peringkat_dan_peringkat_berikutnya_dilompati():
    sama = {1: [80], 2: [80], 3: [80], 4: [80], 5: [80]}
    nilai = {**_nilai(sama, 1), **_nilai(sama, 2), **_nilai({k: [60] for k in range(1, 6)}, 3)}
    nominasi = {1: "Dedi", 2: "Eka", 3: "Fani"}
    hasil = peringkatkan(
        gabungkan(kriteria=KRITERIA, nominasi=nominasi, nilai=nilai, bersih=dict.fromkeys(nominasi, True)),
        KRITERIA,
    )
    assert [(h.nama, h.peringkat) for h in hasil] == [("Dedi", 1), ("Eka", 1), ("Fani", 3)]
    assert hasil[0].seri_penuh and hasil[1].seri_penuh and not hasil[2].seri_penuh
    assert "Seri penuh dengan Eka" in hasil[0].penjelasan
    assert "Kepala Penyelenggara yang memutuskan" in hasil[1].penjelasan
    assert hasil[2].penjelasan == ""


def test_bobot_sama_dipecah_menurut_urutan_kriteria():
    kriteria = [Kriteria(1, "A", D("50"), urutan=2), Kriteria(2, "B", D("50"), urutan=1)]
    nilai = {(1, 1): [90], (1, 2): [70], (2, 1): [70], (2, 2): [90]}
    hasil = peringkatkan(
        gabungkan(kriteria=kriteria, nominasi={1: "X", 2: "Y"}, nilai=nilai, bersih={1: True, 2: True}),
        kriteria,
    )
    # Nilai akhir sama (80); B berurutan lebih dulu, Y unggul di B.
    assert [h.nama for h in hasil] == ["Y", "X"]
    assert "kriteria B" in hasil[0].penjelasan
