"""Hasil SKM (IKM, unsur lemah, target sampel, tren), RTL (persen selesai/tepat waktu, bukti), zona Ombudsman
dari ambang data, lingkup akses (unit lain = 404), dan jumlah kueri yang tidak tumbuh bersama datanya.

Halaman SKM per unit yang menyandingkan IKM dengan IPP diuji di evaluasi/tests/test_sandingan_unit.py."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit
from survei import selectors
from survei.ikm import hitung_ikm, ukuran_sampel
from survei.models import KepatuhanOmbudsman, PeriodeSKM, RencanaTindakLanjut, ResponSKM, ZonaOmbudsman
from survei.services import kepatuhan_ombudsman_catat, rtl_selesaikan, rtl_tambah, rtl_ubah, zona_untuk

CONTOH_37 = ["3.62", "3.48", "3.45", "3.10", "3.52", "3.62", "3.66", "3.30", "2.95"]
# Empat responden: rata-rata U1..U9 = 3,5 3,25 3,25 3,25 3,5 3,5 3,75 3,25 2,5 → IKM 82,64 (B); U9 = 2,5 → D.
JAWABAN = [
    [4, 4, 4, 4, 4, 4, 4, 4, 2],
    [3, 3, 3, 3, 3, 3, 3, 3, 2],
    [4, 3, 3, 3, 4, 4, 4, 3, 3],
    [3, 3, 3, 3, 3, 3, 4, 3, 3],
]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _periode(unit, nama="Semester I 2026", mulai=date(2026, 1, 1), populasi=1000, **kwargs):
    return PeriodeSKM.objects.create(
        penyelenggara=unit, nama=nama, mulai=mulai, selesai=mulai + timedelta(days=150), populasi=populasi,
        **kwargs,
    )  # fmt: skip


def _respons(periode, jawaban):
    ResponSKM.objects.bulk_create(
        ResponSKM(periode=periode, diterima_pada=timezone.now(), **{f"u{i}": v for i, v in enumerate(j, 1)})
        for j in jawaban
    )


def _pdf(nama="bukti.pdf", isi=PDF):
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


@pytest.fixture
def periode_dinkes(dinkes):
    periode = _periode(dinkes)
    _respons(periode, JAWABAN)
    return periode


# --- Hasil IKM -------------------------------------------------------------------------------------


def test_ikm_dari_jawaban_sama_dengan_hitung_ikm_rata_rata(periode_dinkes):
    hasil = selectors.hasil_periode(periode_dinkes)
    rata = [Decimal(sum(j[i] for j in JAWABAN)) / len(JAWABAN) for i in range(9)]
    assert hasil.ikm == hitung_ikm(rata)
    assert (hasil.ikm.ikm, hasil.ikm.mutu, hasil.ikm.kinerja) == (Decimal("82.64"), "B", "Baik")
    assert [u.nrr for u in hasil.unsur][:2] == [Decimal("3.500"), Decimal("3.250")]


def test_unsur_lemah_ditandai(periode_dinkes):
    hasil = selectors.hasil_periode(periode_dinkes)
    assert [(u.kode, u.mutu) for u in hasil.unsur_lemah] == [("U9", "D")]
    assert not any(u.lemah for u in hasil.unsur if u.kode != "U9")


def test_responden_terhadap_target_krejcie_morgan(periode_dinkes):
    hasil = selectors.hasil_periode(periode_dinkes)
    assert (hasil.jumlah_responden, hasil.target_sampel) == (4, 278) == (4, ukuran_sampel(1000))
    assert not hasil.sampel_terpenuhi


def test_periode_bersumber_nrr_contoh_37(dinkes):
    nrr = {f"nrr_u{i}": Decimal(v) for i, v in enumerate(CONTOH_37, 1)}
    periode = _periode(dinkes, sumber=PeriodeSKM.Sumber.NRR, jumlah_responden_nrr=300, **nrr)
    _respons(periode, [[1] * 9])  # jawaban lepas tidak dipakai bila sumbernya rekap NRR
    hasil = selectors.hasil_periode(periode)
    assert (hasil.ikm.ikm, hasil.ikm.mutu, hasil.ikm.kinerja) == (Decimal("85.28"), "B", "Baik")
    assert [u.kode for u in hasil.unsur_lemah] == ["U9"]
    assert hasil.jumlah_responden == 300 and hasil.sampel_terpenuhi


def test_periode_kosong_belum_cukup_data(dinkes, client, kepala_dinkes):
    periode = _periode(dinkes)
    hasil = selectors.hasil_periode(periode)
    assert (hasil.cukup_data, hasil.ikm, hasil.unsur, hasil.jumlah_responden) == (False, None, [], 0)
    client.force_login(kepala_dinkes)
    r = client.get(reverse("survei:skm_hasil", args=[periode.code]))
    assert r.status_code == 200 and "Belum cukup data" in r.content.decode()


def test_periode_nrr_tidak_lengkap_belum_cukup_data(dinkes):
    periode = _periode(dinkes, sumber=PeriodeSKM.Sumber.NRR, nrr_u1=Decimal("3.5"))
    assert not selectors.hasil_periode(periode).cukup_data


def test_tren_urut_waktu_dengan_ikm_setiap_periode(dinkes):
    lama = _periode(dinkes, "Semester II 2025", date(2025, 7, 1))
    _respons(lama, [[3] * 9])
    baru = _periode(dinkes, "Semester I 2026", date(2026, 1, 1))
    _respons(baru, JAWABAN)
    tren = selectors.tren_unit(dinkes)
    assert [(h.periode.nama, h.ikm.ikm) for h in tren] == [
        ("Semester II 2025", Decimal("75.00")),
        ("Semester I 2026", Decimal("82.64")),
    ]


def test_halaman_hasil_menampilkan_ikm_koma_dan_unsur_lemah(client, kepala_dinkes, periode_dinkes):
    client.force_login(kepala_dinkes)
    r = client.get(reverse("survei:skm_hasil", args=[periode_dinkes.code]))
    html = r.content.decode()
    assert r.status_code == 200
    assert "82,64" in html and "lemah" in html and "<svg" in html


# --- Rencana tindak lanjut -------------------------------------------------------------------------


def _rtl(periode, tenggat, selesai=None, unsur="U9"):
    return RencanaTindakLanjut.objects.create(
        periode=periode, unsur=unsur, kegiatan="Perbaiki ruang tunggu", penanggung_jawab="Kasubag Umum",
        tenggat=tenggat, selesai_pada=selesai, bukti="rtl/bukti.pdf" if selesai else "",
    )  # fmt: skip


def test_ringkasan_rtl_persen_selesai_tepat_waktu_dan_keterlambatan(periode_dinkes):
    t = date(2026, 3, 1)
    _rtl(periode_dinkes, t, selesai=t)  # tepat di tenggat
    _rtl(periode_dinkes, t, selesai=t + timedelta(days=4))
    _rtl(periode_dinkes, t, selesai=t + timedelta(days=2))
    _rtl(periode_dinkes, t)  # belum selesai
    r = selectors.ringkasan_rtl(periode_dinkes)
    assert (r.jumlah, r.selesai, r.tepat_waktu) == (4, 3, 1)
    assert (r.persen_selesai, r.persen_tepat_waktu) == (Decimal("75.00"), Decimal("25.00"))
    assert r.rata_hari_terlambat == Decimal("3.0")


def test_ringkasan_rtl_kosong(periode_dinkes):
    r = selectors.ringkasan_rtl(periode_dinkes)
    assert (r.jumlah, r.persen_selesai, r.persen_tepat_waktu, r.rata_hari_terlambat) == (0, None, None, None)


def test_rtl_tambah_dan_ubah_teraudit(periode_dinkes, operator_dinkes):
    rtl = rtl_tambah(
        periode=periode_dinkes, unsur="u9", kegiatan="Tambah kursi", penanggung_jawab="Kasubag Umum",
        tenggat=date(2026, 8, 1), oleh=operator_dinkes,
    )  # fmt: skip
    assert rtl.unsur == "U9"
    rtl_ubah(
        rtl=rtl, unsur="U8", kegiatan="Tambah kursi", penanggung_jawab="Kasubag Umum",
        tenggat=date(2026, 9, 1), oleh=operator_dinkes,
    )  # fmt: skip
    rtl.refresh_from_db()
    assert (rtl.unsur, rtl.tenggat) == ("U8", date(2026, 9, 1))
    aksi = set(JejakAudit.objects.filter(object_id=str(rtl.pk)).values_list("aksi", flat=True))
    assert aksi == {"evaluasi.skm.rtl.ditambah", "evaluasi.skm.rtl.diubah"}


@pytest.mark.parametrize("unsur", ["U0", "U10", "", "X1"])
def test_rtl_unsur_harus_u1_u9(periode_dinkes, kepala_dinkes, unsur):
    with pytest.raises(DomainError, match="U1 sampai U9"):
        rtl_tambah(
            periode=periode_dinkes, unsur=unsur, kegiatan="x", penanggung_jawab="y",
            tenggat=date(2026, 8, 1), oleh=kepala_dinkes,
        )  # fmt: skip
    assert not RencanaTindakLanjut.objects.exists()


def test_rtl_unit_lain_dan_pimpinan_ditolak(periode_dinkes, kepala_samsat, pimpinan):
    for oleh in (kepala_samsat, pimpinan):
        with pytest.raises(PermissionDenied):
            rtl_tambah(
                periode=periode_dinkes, unsur="U9", kegiatan="x", penanggung_jawab="y",
                tenggat=date(2026, 8, 1), oleh=oleh,
            )  # fmt: skip


def test_rtl_selesai_wajib_bukti(periode_dinkes, kepala_dinkes):
    rtl = _rtl(periode_dinkes, date(2026, 3, 1))
    with pytest.raises(DomainError, match="bukti"):
        rtl_selesaikan(rtl=rtl, selesai_pada=date(2026, 3, 1), keterangan="", bukti=None, oleh=kepala_dinkes)
    rtl.refresh_from_db()
    assert rtl.selesai_pada is None


@pytest.mark.parametrize(
    ("nama", "isi"),
    [
        ("palsu.pdf", b"MZ\x90\x00 bukan pdf"),
        ("terpotong.pdf", b"%PDF-1.4\n1 0 obj"),
        ("skrip.pdf", b"<html>"),
    ],
)
def test_rtl_selesai_menolak_berkas_palsu(periode_dinkes, kepala_dinkes, nama, isi):
    rtl = _rtl(periode_dinkes, date(2026, 3, 1))
    with pytest.raises(DomainError):
        rtl_selesaikan(
            rtl=rtl, selesai_pada=date(2026, 3, 1), keterangan="", bukti=_pdf(nama, isi), oleh=kepala_dinkes
        )
    rtl.refresh_from_db()
    assert (rtl.selesai_pada, rtl.bukti.name) == (None, "")


def test_rtl_selesai_tidak_boleh_di_masa_depan(periode_dinkes, kepala_dinkes):
    rtl = _rtl(periode_dinkes, date(2026, 3, 1))
    besok = timezone.localdate() + timedelta(days=1)
    with pytest.raises(DomainError, match="hari ini"):
        rtl_selesaikan(rtl=rtl, selesai_pada=besok, keterangan="", bukti=_pdf(), oleh=kepala_dinkes)


def test_rtl_selesai_dengan_bukti_sah_teraudit_dan_tidak_dapat_diulang(periode_dinkes, kepala_dinkes):
    rtl = _rtl(periode_dinkes, timezone.localdate())
    rtl = rtl_selesaikan(
        rtl=rtl,
        selesai_pada=timezone.localdate(),
        keterangan="Kursi terpasang",
        bukti=_pdf(),
        oleh=kepala_dinkes,
    )
    assert rtl.selesai_pada == timezone.localdate() and rtl.nama_bukti == "bukti.pdf"
    assert JejakAudit.objects.filter(aksi="evaluasi.skm.rtl.diselesaikan", object_id=str(rtl.pk)).exists()
    with pytest.raises(DomainError, match="sudah ditandai selesai"):
        rtl_selesaikan(
            rtl=rtl, selesai_pada=timezone.localdate(), keterangan="", bukti=_pdf(), oleh=kepala_dinkes
        )


def test_halaman_rtl_tambah_dan_selesaikan_lewat_formulir(client, kepala_dinkes, periode_dinkes):
    client.force_login(kepala_dinkes)
    r = client.post(
        reverse("survei:rtl_tambah", args=[periode_dinkes.code]),
        {"unsur": "U9", "kegiatan": "Tambah kursi", "penanggung_jawab": "Kasubag", "tenggat": "2026-08-01"},
    )
    assert r.status_code == 302
    rtl = RencanaTindakLanjut.objects.get(periode=periode_dinkes)
    lain = _rtl(periode_dinkes, date(2026, 9, 1))
    html = client.get(reverse("survei:skm_hasil", args=[periode_dinkes.code])).content.decode()
    # Setiap butir terbuka punya formulir penyelesaiannya sendiri dengan id unik.
    assert f'id="id_rtl{rtl.pk}_bukti"' in html and f'id="id_rtl{lain.pk}_bukti"' in html
    hari = timezone.localdate().isoformat()
    r = client.post(
        reverse("survei:rtl_selesaikan", args=[rtl.code]), {"selesai_pada": hari, "keterangan": ""}
    )
    assert r.status_code == 400 and "Unggah bukti" in r.content.decode()
    r = client.post(
        reverse("survei:rtl_selesaikan", args=[rtl.code]), {"selesai_pada": hari, "bukti": _pdf()}
    )
    assert r.status_code == 302
    r = client.get(reverse("survei:rtl_bukti", args=[rtl.code]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
    assert r["Content-Security-Policy"] == "sandbox"


# --- Lingkup akses ---------------------------------------------------------------------------------


def test_unit_lain_404_di_setiap_halaman(client, kepala_samsat, periode_dinkes):
    rtl = _rtl(periode_dinkes, date(2026, 3, 1), selesai=date(2026, 3, 1))
    client.force_login(kepala_samsat)
    data_rtl = {"unsur": "U9", "kegiatan": "x", "penanggung_jawab": "y", "tenggat": "2026-08-01"}
    jawaban = [
        client.get(reverse("survei:skm_hasil", args=[periode_dinkes.code])),
        client.get(reverse("survei:rtl_bukti", args=[rtl.code])),
        client.post(reverse("survei:rtl_tambah", args=[periode_dinkes.code]), data_rtl),
        client.post(reverse("survei:rtl_selesaikan", args=[rtl.code]), {"selesai_pada": "2026-03-01"}),
    ]
    assert [r.status_code for r in jawaban] == [404] * 4
    assert RencanaTindakLanjut.objects.count() == 1


def test_induk_menjangkau_uptd_dan_pimpinan_hanya_membaca(client, kepala_dinkes, pimpinan, labkes):
    periode = _periode(labkes)
    client.force_login(kepala_dinkes)
    assert client.get(reverse("survei:skm_hasil", args=[periode.code])).status_code == 200
    client.force_login(pimpinan)
    r = client.get(reverse("survei:skm_hasil", args=[periode.code]))
    assert r.status_code == 200 and "Mode baca saja" in r.content.decode()
    data = {"unsur": "U9", "kegiatan": "x", "penanggung_jawab": "y", "tenggat": "2026-08-01"}
    assert client.post(reverse("survei:rtl_tambah", args=[periode.code]), data).status_code == 403


# --- Ombudsman -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tahun", "nilai", "zona"),
    [
        (2020, "81.00", "hijau"),
        (2020, "80.99", "kuning"),
        (2020, "51.00", "kuning"),
        (2020, "50.99", "merah"),
        (2023, "78.01", "hijau"),
        (2023, "78.00", "kuning"),
        (2023, "57.00", "merah"),
    ],
)
def test_zona_dari_ambang(db, tahun, nilai, zona):
    assert zona_untuk(tahun, Decimal(nilai)) == zona


def test_catat_ombudsman_menghitung_zona_dan_teraudit(biro, dinkes):
    k = kepatuhan_ombudsman_catat(
        penyelenggara=dinkes, tahun=2020, nilai=Decimal("81.00"), grade="", oleh=biro
    )
    assert k.zona == "hijau"
    k = kepatuhan_ombudsman_catat(
        penyelenggara=dinkes, tahun=2020, nilai=Decimal("80.99"), grade="", oleh=biro
    )
    assert (k.zona, KepatuhanOmbudsman.objects.count()) == ("kuning", 1)
    aksi = list(JejakAudit.objects.filter(object_id=str(k.pk)).order_by("pk").values_list("aksi", flat=True))
    assert aksi == ["evaluasi.ombudsman.dicatat", "evaluasi.ombudsman.dikoreksi"]


def test_ubah_ambang_mengubah_zona_catatan_baru(biro, dinkes, bapenda):
    catat = {"tahun": 2023, "nilai": Decimal("79.00"), "grade": "B", "oleh": biro}
    assert kepatuhan_ombudsman_catat(penyelenggara=dinkes, **catat).zona == "hijau"
    ZonaOmbudsman.objects.filter(tahun_mulai=2022, zona="hijau").update(batas_bawah=Decimal("80.00"))
    ZonaOmbudsman.objects.filter(tahun_mulai=2022, zona="kuning").update(batas_atas=Decimal("79.99"))
    assert kepatuhan_ombudsman_catat(penyelenggara=bapenda, **catat).zona == "kuning"


def test_tanpa_ambang_untuk_tahunnya_ditolak(biro, dinkes):
    ZonaOmbudsman.objects.filter(tahun_mulai=2015).delete()
    with pytest.raises(DomainError, match="belum ada"):
        kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2018, nilai=Decimal("90"), grade="", oleh=biro)
    assert not KepatuhanOmbudsman.objects.exists()


def test_ambang_baru_mengalahkan_rentang_lama(db):
    ZonaOmbudsman.objects.create(tahun_mulai=2025, zona="hijau", batas_bawah=Decimal("90"), batas_atas=100)
    ZonaOmbudsman.objects.create(tahun_mulai=2025, zona="kuning", batas_bawah=0, batas_atas=Decimal("89.99"))
    assert (zona_untuk(2025, Decimal("85")), zona_untuk(2024, Decimal("85"))) == ("kuning", "hijau")


@pytest.mark.parametrize("nilai", ["100.01", "-1", "abc", "80.123"])
def test_nilai_ombudsman_tidak_sah(biro, dinkes, nilai):
    with pytest.raises(DomainError):
        kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2023, nilai=nilai, grade="", oleh=biro)


def test_hanya_biro_mencatat_ombudsman(client, kepala_dinkes, pimpinan, biro, dinkes):
    for oleh in (kepala_dinkes, pimpinan):
        with pytest.raises(PermissionDenied):
            kepatuhan_ombudsman_catat(penyelenggara=dinkes, tahun=2023, nilai=80, grade="", oleh=oleh)
    client.force_login(kepala_dinkes)
    assert client.get(reverse("survei:ombudsman_daftar")).status_code == 403
    client.force_login(pimpinan)
    assert client.get(reverse("survei:ombudsman_daftar")).status_code == 200
    assert client.get(reverse("survei:ombudsman_catat")).status_code == 403
    client.force_login(biro)
    data = {"penyelenggara": dinkes.pk, "tahun": 2020, "nilai": "81,00", "grade": ""}
    r = client.post(reverse("survei:ombudsman_catat"), data)
    assert r.status_code == 302 and KepatuhanOmbudsman.objects.get().zona == "hijau"
    r = client.get(reverse("survei:ombudsman_daftar"), {"tahun": 2020})
    assert r.status_code == 200 and "81,00" in r.content.decode()


# --- Jumlah kueri ----------------------------------------------------------------------------------


def _jumlah_kueri(fungsi) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fungsi()
    return len(ctx.captured_queries)


def _isi_periode(unit, n_periode, n_respons):
    for i in range(n_periode):
        p = _periode(unit, f"Periode {i}", date(2015 + i, 1, 1))
        _respons(p, [JAWABAN[k % 4] for k in range(n_respons)])
        _rtl(p, date(2015 + i, 6, 1), selesai=date(2015 + i, 6, 1))


def test_kueri_tidak_tumbuh_bersama_periode_dan_responden(client, kepala_dinkes, dinkes, bapenda, biro):
    _isi_periode(dinkes, 3, 3)
    _isi_periode(bapenda, 10, 10)
    sedikit = PeriodeSKM.objects.filter(penyelenggara=dinkes).first()
    banyak = PeriodeSKM.objects.filter(penyelenggara=bapenda).first()
    assert _jumlah_kueri(lambda: selectors.tren_unit(dinkes)) == 1
    assert _jumlah_kueri(lambda: selectors.tren_unit(bapenda)) == 1
    assert _jumlah_kueri(lambda: selectors.hasil_periode(sedikit)) == 1
    assert _jumlah_kueri(lambda: selectors.hasil_periode(banyak)) == 1
    client.force_login(biro)
    halaman = [
        _jumlah_kueri(lambda p=p: client.get(reverse("survei:skm_hasil", args=[p.code])))
        for p in (sedikit, banyak)
    ]
    assert halaman[0] == halaman[1]


def test_grafik_disiapkan_saat_data_skm_berubah_dan_halaman_hanya_membaca(
    client, kepala_dinkes, dinkes, monkeypatch, django_capture_on_commit_callbacks
):
    """Simpan NRR → tugas menggambar grafik NRR (halaman dan laporan); halaman hasil dan Laporan SKM tidak
    menggambar apa pun sesudahnya (dihitung panggilan penggambar, bukan waktu)."""
    from kaltim_yanlik.core import grafik as inti_grafik
    from survei.dokumen import konteks_laporan_skm
    from survei.services import nrr_simpan

    digambar = []
    asli = inti_grafik.gambar
    monkeypatch.setattr(inti_grafik, "gambar", lambda spek: digambar.append(spek.jenis) or asli(spek))
    periode = _periode(dinkes)
    with django_capture_on_commit_callbacks(execute=True):
        nrr_simpan(
            periode=periode, nrr=[Decimal(v) for v in CONTOH_37], jumlah_responden=300, oleh=kepala_dinkes
        )
    assert digambar == ["batang_horizontal", "batang_horizontal", "garis"]
    digambar.clear()
    client.force_login(kepala_dinkes)
    assert client.get(reverse("survei:skm_hasil", args=[periode.code])).status_code == 200
    konteks_laporan_skm(periode)
    assert digambar == []
