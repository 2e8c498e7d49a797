"""Sanggahan: Kepala unit menyanggah level satu indikator pada jendela perbaikan, Biro menjawab, IPP dihitung
ulang, pertukaran disimpan utuh; lingkup unit lain 404 di halaman, unduhan, dan admin."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from evaluasi import services
from evaluasi.models import (
    Evaluasi,
    HasilEvaluasi,
    LampiranSanggahan,
    PenilaianIndikator,
    RiwayatLevel,
    Sanggahan,
)
from evaluasi.skor import hitung_ipp
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.kiriman import isian_kunci
from kaltim_yanlik.core.models import JejakAudit, Notifikasi

from .alur import (
    PDF_KECIL,
    berkas,
    indikator,
    nilai,
    nomor_dinilai,
    png_kecil,
    teks_halaman,
    unggah_slot_wajib,
)

pytestmark = pytest.mark.django_db
Status = Sanggahan.Status
LEVEL_AWAL = 3
TEKS_BERNAMA_PDF = b"Ini hanya catatan teks biasa yang diberi nama .pdf oleh pengirimnya.\n"


# --- Penyiapan: evaluasi Dinkes selesai dinilai (semua indikator level 3), jendela perbaikan ---------


@pytest.fixture
def siklus(buat_siklus, dinkes, samsat):
    return buat_siklus(dinkes, samsat)


def _ajukan_f01(evaluasi, operator, kepala):
    services.jawaban_simpan(
        evaluasi=evaluasi,
        indikator=indikator(evaluasi.siklus.instrumen, 2),
        isian={"unsur": ["pengguna_layanan", "ahli"]},
        catatan="",
        versi=0,
        oleh=operator,
    )
    unggah_slot_wajib(evaluasi, operator)
    services.evaluasi_ajukan(evaluasi=evaluasi, oleh=kepala)


@pytest.fixture
def ev_diajukan(siklus, dinkes, operator_dinkes, kepala_dinkes):
    evaluasi = siklus.evaluasi.select_related("siklus", "penyelenggara").get(penyelenggara=dinkes)
    _ajukan_f01(evaluasi, operator_dinkes, kepala_dinkes)
    evaluasi.refresh_from_db()
    return evaluasi


@pytest.fixture
def ev(ev_diajukan, biro, geser_fase):
    """Evaluasi Dinkes berstatus dinilai, setiap indikator IPP level 3; hari ini di jendela perbaikan."""
    geser_fase(ev_diajukan.siklus, "penilaian")
    nilai(ev_diajukan, biro, dict.fromkeys(nomor_dinilai(ev_diajukan.siklus.instrumen), LEVEL_AWAL))
    services.evaluasi_selesai_dinilai(evaluasi=ev_diajukan, oleh=biro)
    geser_fase(ev_diajukan.siklus, "perbaikan")
    ev_diajukan.refresh_from_db()
    assert ev_diajukan.status == Evaluasi.Status.DINILAI
    return ev_diajukan


def _ajukan(evaluasi, oleh, nomor=14, level=5, alasan="Laporan tindak lanjut sudah ada.", lampiran=None):
    return services.sanggahan_ajukan(
        evaluasi=evaluasi,
        indikator=indikator(evaluasi.siklus.instrumen, nomor),
        level_diminta=level,
        alasan=alasan,
        lampiran=[berkas()] if lampiran is None else lampiran,
        oleh=oleh,
    )


def _jawab(sanggahan, oleh, diterima, level_baru=None, jawaban="Sudah diverifikasi ulang."):
    return services.sanggahan_jawab(
        sanggahan=sanggahan, diterima=diterima, jawaban=jawaban, level_baru=level_baru, oleh=oleh
    )


def _level(evaluasi, nomor) -> int:
    return PenilaianIndikator.objects.get(evaluasi=evaluasi, indikator__nomor=nomor).level


def _ipp(evaluasi):
    return HasilEvaluasi.objects.get(evaluasi=evaluasi).ipp


def _berkas_media(settings) -> set[Path]:
    return set(Path(settings.MEDIA_ROOT).rglob("*.*"))


# --- Service: diterima, ditolak, riwayat -----------------------------------------------------------


def test_diterima_mengubah_level_dan_ipp_serta_menyimpan_riwayat(
    ev, kepala_dinkes, biro, django_capture_on_commit_callbacks
):
    ipp_awal = _ipp(ev)
    sanggahan = _ajukan(ev, kepala_dinkes, lampiran=[berkas(), berkas("foto.png", png_kecil())])
    assert (sanggahan.status, sanggahan.level_semula, sanggahan.level_diminta) == (Status.DIAJUKAN, 3, 5)
    assert Notifikasi.objects.filter(penerima=biro, judul__startswith="Sanggahan indikator 14").exists()

    with django_capture_on_commit_callbacks() as setelah_commit:
        _jawab(sanggahan, biro, diterima=True, level_baru=4, jawaban="Laporan terverifikasi sebagian.")

    assert _level(ev, 14) == 4
    level = {**dict.fromkeys(nomor_dinilai(ev.siklus.instrumen), LEVEL_AWAL), 14: 4}
    # IPP evaluasi ini diperbarui seketika; peringkat siklus menyusul lewat tugas setelah commit.
    assert _ipp(ev) == hitung_ipp(level, ev.siklus.instrumen).ipp != ipp_awal
    assert HasilEvaluasi.objects.get(evaluasi=ev).peringkat is None
    for tugas in setelah_commit:
        tugas()
    assert HasilEvaluasi.objects.get(evaluasi=ev).peringkat == 1
    riwayat = RiwayatLevel.objects.filter(penilaian__evaluasi=ev, penilaian__indikator__nomor=14)
    assert list(riwayat.values_list("level_lama", "level_baru", "oleh")) == [
        (None, 3, biro.pk),
        (3, 4, biro.pk),
    ]
    assert riwayat.last().alasan.startswith("Sanggahan Kepala unit tanggal ")
    assert "Laporan terverifikasi sebagian." in riwayat.last().alasan
    sanggahan.refresh_from_db()
    assert (sanggahan.status, sanggahan.level_baru, sanggahan.dijawab_oleh) == (Status.DITERIMA, 4, biro)
    assert sanggahan.lampiran.count() == 2
    aksi = set(
        JejakAudit.objects.filter(aksi__startswith="evaluasi.sanggahan.").values_list("aksi", flat=True)
    )
    assert aksi == {"evaluasi.sanggahan.diajukan", "evaluasi.sanggahan.diterima"}
    assert Notifikasi.objects.filter(penerima=kepala_dinkes, judul__contains="diterima").exists()


def test_ditolak_mempertahankan_level_dan_ipp(ev, kepala_dinkes, biro):
    ipp_awal = _ipp(ev)
    sanggahan = _ajukan(ev, kepala_dinkes)
    _jawab(sanggahan, biro, diterima=False, level_baru=5, jawaban="Dokumen belum ditandatangani.")

    sanggahan.refresh_from_db()
    assert (sanggahan.status, sanggahan.level_baru, sanggahan.jawaban) == (
        Status.DITOLAK,
        None,
        "Dokumen belum ditandatangani.",
    )
    assert _level(ev, 14) == LEVEL_AWAL and _ipp(ev) == ipp_awal
    assert not RiwayatLevel.objects.filter(penilaian__indikator__nomor=14, level_lama=LEVEL_AWAL).exists()
    assert JejakAudit.objects.filter(aksi="evaluasi.sanggahan.ditolak").count() == 1
    assert Notifikasi.objects.filter(penerima=kepala_dinkes, judul__contains="ditolak").exists()


def test_jawaban_tidak_dapat_diubah_dan_sanggahan_baru_disimpan_terpisah(ev, kepala_dinkes, biro):
    pertama = _ajukan(ev, kepala_dinkes)
    with pytest.raises(DomainError, match="masih menunggu jawaban"):
        _ajukan(ev, kepala_dinkes, level=4)
    _jawab(pertama, biro, diterima=False)
    with pytest.raises(DomainError, match="sudah dijawab"):
        _jawab(pertama, biro, diterima=True, level_baru=5)

    _ajukan(ev, kepala_dinkes, level=4, alasan="Bukti baru dari rapat kedua.")

    baris = Sanggahan.objects.filter(evaluasi=ev).order_by("diajukan_pada")
    assert list(baris.values_list("status", "level_diminta")) == [(Status.DITOLAK, 5), (Status.DIAJUKAN, 4)]


@pytest.mark.parametrize(
    ("kwargs", "pesan"),
    [
        ({"level": LEVEL_AWAL}, r"sama dengan level saat ini \(3\)"),
        ({"level": 6}, "0 sampai 5"),
        ({"level": True}, "0 sampai 5"),
        ({"alasan": "   "}, "Tuliskan alasan sanggahan"),
        ({"nomor": 31}, "belum diberi level"),  # indikator suplemen tidak dinilai
        ({"lampiran": [berkas(f"b{n}.pdf") for n in range(6)]}, "paling banyak 5 berkas"),
    ],
)
def test_pengajuan_tidak_sah_ditolak(ev, kepala_dinkes, kwargs, pesan):
    with pytest.raises(DomainError, match=pesan):
        _ajukan(ev, kepala_dinkes, **kwargs)
    assert not Sanggahan.objects.exists()


@pytest.mark.parametrize(
    ("diterima", "level_baru", "jawaban", "pesan"),
    [
        (True, None, "Diterima.", "Pilih level baru"),
        (True, LEVEL_AWAL, "Diterima.", "sama dengan level saat ini"),
        (False, None, "  ", "Tuliskan jawaban"),
    ],
)
def test_jawaban_tidak_sah_ditolak(ev, kepala_dinkes, biro, diterima, level_baru, jawaban, pesan):
    sanggahan = _ajukan(ev, kepala_dinkes)
    with pytest.raises(DomainError, match=pesan):
        _jawab(sanggahan, biro, diterima=diterima, level_baru=level_baru, jawaban=jawaban)
    sanggahan.refresh_from_db()
    assert sanggahan.status == Status.DIAJUKAN and _level(ev, 14) == LEVEL_AWAL


# --- Service: jendela, status, peran ---------------------------------------------------------------


@pytest.mark.parametrize("fase", ["penilaian", "finalisasi"])
def test_pengajuan_di_luar_jendela_perbaikan_ditolak(ev, kepala_dinkes, geser_fase, fase):
    geser_fase(ev.siklus, fase)
    with pytest.raises(DomainError, match="hanya dapat dilakukan pada jendela perbaikan"):
        _ajukan(ev, kepala_dinkes)
    assert not Sanggahan.objects.exists()


def test_jawaban_hanya_di_jendela_perbaikan_atau_finalisasi(ev, kepala_dinkes, biro, geser_fase):
    sanggahan = _ajukan(ev, kepala_dinkes)
    geser_fase(ev.siklus, "penilaian")
    with pytest.raises(DomainError, match="jendela perbaikan .* atau finalisasi"):
        _jawab(sanggahan, biro, diterima=True, level_baru=5)
    geser_fase(ev.siklus, "finalisasi")
    _jawab(sanggahan, biro, diterima=True, level_baru=5)
    assert _level(ev, 14) == 5


def test_evaluasi_yang_belum_atau_sudah_final_tidak_dapat_disanggah(
    ev_diajukan, kepala_dinkes, biro, geser_fase
):
    geser_fase(ev_diajukan.siklus, "penilaian")
    nilai(ev_diajukan, biro, {14: 3})
    geser_fase(ev_diajukan.siklus, "perbaikan")
    with pytest.raises(DomainError, match="berstatus diajukan"):
        _ajukan(ev_diajukan, kepala_dinkes)

    geser_fase(ev_diajukan.siklus, "penilaian")
    nilai(ev_diajukan, biro, dict.fromkeys(nomor_dinilai(ev_diajukan.siklus.instrumen), 3))
    services.evaluasi_selesai_dinilai(evaluasi=ev_diajukan, oleh=biro)
    geser_fase(ev_diajukan.siklus, "finalisasi")
    services.evaluasi_finalkan(evaluasi=ev_diajukan, oleh=biro)
    geser_fase(ev_diajukan.siklus, "perbaikan")
    with pytest.raises(DomainError, match="berstatus final"):
        _ajukan(ev_diajukan, kepala_dinkes)
    assert not Sanggahan.objects.exists()


@pytest.mark.parametrize("persona", ["operator_dinkes", "pimpinan", "biro", "kepala_samsat", "kepala_labkes"])
def test_hanya_kepala_unitnya_yang_menyanggah(ev, request, persona):
    with pytest.raises(PermissionDenied):
        _ajukan(ev, request.getfixturevalue(persona))
    assert not Sanggahan.objects.exists()


@pytest.mark.parametrize("persona", ["kepala_dinkes", "operator_dinkes", "pimpinan"])
def test_hanya_penilai_biro_yang_menjawab(ev, kepala_dinkes, request, persona):
    sanggahan = _ajukan(ev, kepala_dinkes)
    with pytest.raises(PermissionDenied):
        _jawab(sanggahan, request.getfixturevalue(persona), diterima=True, level_baru=5)
    sanggahan.refresh_from_db()
    assert sanggahan.status == Status.DIAJUKAN and _level(ev, 14) == LEVEL_AWAL


def test_finalisasi_terhalang_selama_sanggahan_terbuka(ev, kepala_dinkes, biro, geser_fase):
    sanggahan = _ajukan(ev, kepala_dinkes)
    geser_fase(ev.siklus, "finalisasi")
    with pytest.raises(DomainError, match="1 sanggahan yang belum dijawab"):
        services.evaluasi_finalkan(evaluasi=ev, oleh=biro)
    ev.refresh_from_db()
    assert ev.status == Evaluasi.Status.DINILAI

    _jawab(sanggahan, biro, diterima=False)
    services.evaluasi_finalkan(evaluasi=ev, oleh=biro)
    ev.refresh_from_db()
    assert ev.status == Evaluasi.Status.FINAL


# --- Service: lampiran diperiksa dari isinya, tanpa sisa bila ditolak ------------------------------


@pytest.mark.parametrize(
    ("daftar", "pesan"),
    [
        (
            [("catatan.pdf", TEKS_BERNAMA_PDF)],
            "Lampiran «catatan.pdf» ditolak: Isi berkas bukan PDF, JPG, PNG",
        ),
        # Berkas sah di depan tidak ikut tersimpan bila berkas berikutnya ditolak.
        ([("sah.pdf", PDF_KECIL), ("foto.pdf", png_kecil())], "Lampiran «foto.pdf» ditolak: .*tidak sesuai"),
        ([("sah.pdf", PDF_KECIL), ("kosong.png", b"")], "Lampiran «kosong.png» ditolak: Berkas kosong"),
    ],
)
def test_lampiran_palsu_ditolak_dan_tidak_ada_yang_tersimpan(ev, kepala_dinkes, settings, daftar, pesan):
    di_disk = _berkas_media(settings)
    with pytest.raises(DomainError, match=pesan):
        _ajukan(ev, kepala_dinkes, lampiran=[berkas(nama, isi) for nama, isi in daftar])
    assert not Sanggahan.objects.exists() and not LampiranSanggahan.objects.exists()
    assert _berkas_media(settings) == di_disk
    assert not JejakAudit.objects.filter(aksi="evaluasi.sanggahan.diajukan").exists()


def test_gagal_setelah_berkas_tertulis_membuang_berkasnya(ev, kepala_dinkes, settings, monkeypatch):
    from evaluasi.services import sanggahan as modul

    def gagal(*args, **kwargs):
        raise RuntimeError("notifikasi gagal")

    monkeypatch.setattr(modul, "_beri_tahu_biro", gagal)
    di_disk = _berkas_media(settings)
    with pytest.raises(RuntimeError):
        _ajukan(ev, kepala_dinkes, lampiran=[berkas(), berkas("foto.png", png_kecil())])
    assert _berkas_media(settings) == di_disk
    assert not Sanggahan.objects.exists() and not LampiranSanggahan.objects.exists()


# --- Halaman: alur unit → Biro ---------------------------------------------------------------------


def _url(nama, *args):
    return reverse(f"evaluasi:{nama}", args=list(args))


def test_alur_halaman_unit_mengajukan_dan_biro_menerima(client, ev, kepala_dinkes, biro):
    client.force_login(kepala_dinkes)
    ringkasan = client.get(_url("detail", ev.code))
    assert _url("sanggahan_ajukan", ev.code, 14) in ringkasan.text

    form = client.get(_url("sanggahan_ajukan", ev.code, 14))
    assert form.status_code == 200 and "level saat ini" in teks_halaman(form)
    kirim = client.post(
        _url("sanggahan_ajukan", ev.code, 14),
        {
            "level_diminta": "5",
            "alasan": "Laporan tindak lanjut terlampir.",
            "lampiran": [berkas("laporan.pdf"), berkas("foto.png", png_kecil())],
            **isian_kunci(),
        },
    )
    assert kirim.status_code == 302 and kirim.url == _url("sanggahan_daftar", ev.code)
    sanggahan = Sanggahan.objects.get()
    assert sorted(sanggahan.lampiran.values_list("nama_asli", flat=True)) == ["foto.png", "laporan.pdf"]
    daftar = client.get(kirim.url)
    assert "Laporan tindak lanjut terlampir." in teks_halaman(daftar) and "Menunggu jawaban" in daftar.text
    assert "sanggahan menunggu jawaban" in client.get(_url("detail", ev.code)).text

    client.force_login(biro)
    siklus = client.get(_url("siklus_detail", ev.siklus.code))
    assert "1 sanggahan unit menunggu jawaban" in teks_halaman(siklus)
    assert _url("sanggahan_siklus", ev.siklus.code) in siklus.text
    assert (
        _url("sanggahan_detail", sanggahan.code) in client.get(_url("sanggahan_siklus", ev.siklus.code)).text
    )
    jawab = client.post(
        _url("sanggahan_detail", sanggahan.code),
        {"keputusan": "diterima", "level_baru": "5", "jawaban": "Terverifikasi."},
    )
    assert jawab.status_code == 302
    assert _level(ev, 14) == 5
    assert "Level indikator diubah menjadi 5" in teks_halaman(client.get(_url("sanggahan_daftar", ev.code)))


def test_jawaban_tidak_sah_lewat_halaman_tampil_sebagai_galat(client, ev, kepala_dinkes, biro):
    sanggahan = _ajukan(ev, kepala_dinkes)
    client.force_login(biro)
    r = client.post(_url("sanggahan_detail", sanggahan.code), {"keputusan": "diterima", "jawaban": "Ya."})
    assert r.status_code == 400 and "Pilih level baru 0 sampai 5 bila diterima." in teks_halaman(r)
    sanggahan.refresh_from_db()
    assert sanggahan.status == Status.DIAJUKAN


def test_unggahan_palsu_lewat_halaman_ditolak_dengan_pesan(client, ev, kepala_dinkes, settings):
    di_disk = _berkas_media(settings)
    client.force_login(kepala_dinkes)
    r = client.post(
        _url("sanggahan_ajukan", ev.code, 14),
        {
            "level_diminta": "5",
            "alasan": "Lihat lampiran.",
            "lampiran": [berkas("catatan.pdf", TEKS_BERNAMA_PDF)],
            **isian_kunci(),
        },
    )
    assert r.status_code == 400
    assert "Lampiran «catatan.pdf» ditolak: Isi berkas bukan PDF, JPG, PNG yang sah." in teks_halaman(r)
    assert not Sanggahan.objects.exists() and _berkas_media(settings) == di_disk


def test_lampiran_diunduh_lewat_kebijakan_akses(client, ev, kepala_dinkes, pimpinan):
    lampiran = _ajukan(ev, kepala_dinkes).lampiran.get()
    client.force_login(pimpinan)
    r = client.get(_url("sanggahan_lampiran", lampiran.code))
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF_KECIL
    assert (r["Content-Type"], r["Content-Security-Policy"], r["X-Content-Type-Options"]) == (
        "application/pdf",
        "sandbox",
        "nosniff",
    )


@pytest.mark.parametrize("persona", ["operator_dinkes", "pimpinan"])
def test_bukan_kepala_tidak_mendapat_formulir_dan_ditolak_403(client, ev, request, persona):
    client.force_login(request.getfixturevalue(persona))
    halaman = client.get(_url("sanggahan_ajukan", ev.code, 14))
    assert halaman.status_code == 200 and "Hanya Kepala Penyelenggara unit ini" in teks_halaman(halaman)
    assert 'name="alasan"' not in halaman.text
    assert _url("sanggahan_ajukan", ev.code, 14) not in client.get(_url("detail", ev.code)).text
    # 403 sebelum formulir diperiksa: peran tanpa hak tidak mendapat galat isian sebagai jawaban.
    for data in ({"level_diminta": "5", "alasan": "x"}, {}):
        assert client.post(_url("sanggahan_ajukan", ev.code, 14), data).status_code == 403
    assert not Sanggahan.objects.exists()


@pytest.mark.parametrize("persona", ["kepala_dinkes", "pimpinan"])
def test_hanya_biro_mengirim_jawaban_lewat_halaman(client, ev, kepala_dinkes, request, persona):
    sanggahan = _ajukan(ev, kepala_dinkes)
    client.force_login(request.getfixturevalue(persona))
    halaman = client.get(_url("sanggahan_detail", sanggahan.code))
    assert halaman.status_code == 200 and 'name="keputusan"' not in halaman.text
    for data in ({"keputusan": "diterima", "level_baru": "5", "jawaban": "x"}, {}):
        assert client.post(_url("sanggahan_detail", sanggahan.code), data).status_code == 403
    assert _level(ev, 14) == LEVEL_AWAL


# --- Lingkup: unit lain mendapat 404 di setiap halaman, unduhan, dan admin -------------------------


def _permintaan_unit_lain(ev, sanggahan) -> list[tuple[str, str, dict]]:
    lampiran = sanggahan.lampiran.get()
    return [
        ("get", _url("sanggahan_ajukan", ev.code, 14), {}),
        ("post", _url("sanggahan_ajukan", ev.code, 14), {"level_diminta": "5", "alasan": "x"}),
        ("get", _url("sanggahan_daftar", ev.code), {}),
        ("get", _url("sanggahan_detail", sanggahan.code), {}),
        ("post", _url("sanggahan_detail", sanggahan.code), {"keputusan": "ditolak", "jawaban": "x"}),
        ("get", _url("sanggahan_lampiran", lampiran.code), {}),
        ("get", reverse("admin:evaluasi_sanggahan_changelist"), {}),
        ("get", reverse("admin:evaluasi_sanggahan_change", args=[sanggahan.pk]), {}),
    ]


@pytest.mark.parametrize("persona", ["kepala_samsat", "operator_samsat", "kepala_labkes"])
def test_unit_lain_mendapat_404_di_setiap_halaman_unduhan_dan_admin(
    client, ev, kepala_dinkes, biro, request, persona
):
    sanggahan = _ajukan(ev, kepala_dinkes)
    client.force_login(biro)
    for metode, url, _data in _permintaan_unit_lain(ev, sanggahan):
        if metode == "get":
            assert client.get(url).status_code == 200, url  # URL benar: Biro membukanya

    client.force_login(request.getfixturevalue(persona))
    for metode, url, data in _permintaan_unit_lain(ev, sanggahan):
        r = getattr(client, metode)(url, data)
        assert r.status_code == 404, url
        assert "Laporan tindak lanjut" not in r.content.decode(errors="ignore"), url
    sanggahan.refresh_from_db()
    assert sanggahan.status == Status.DIAJUKAN and Sanggahan.objects.count() == 1


def test_selector_membatasi_sanggahan_ke_lingkup_unit(ev, kepala_dinkes, kepala_samsat, pimpinan):
    from evaluasi import selectors

    sanggahan = _ajukan(ev, kepala_dinkes)
    for user, jumlah in ((kepala_dinkes, 1), (pimpinan, 1), (kepala_samsat, 0)):
        assert selectors.sanggahan_qs_for_user(user=user).count() == jumlah, user
        assert selectors.sanggahan_terbuka_jumlah(siklus=ev.siklus, user=user) == jumlah, user
    assert selectors.sanggahan_get_for_user(user=kepala_dinkes, code=sanggahan.code) == sanggahan


def test_daftar_sanggahan_siklus_hanya_untuk_biro_dan_pimpinan(client, ev, kepala_dinkes, pimpinan):
    _ajukan(ev, kepala_dinkes)
    url = _url("sanggahan_siklus", ev.siklus.code)
    client.force_login(pimpinan)
    assert "Dinas Kesehatan" in client.get(url).text
    # Siklus bukan milik satu unit: unit lokus mendapat 403 seperti halaman siklus Biro lainnya.
    client.force_login(kepala_dinkes)
    assert client.get(url).status_code == 403


def test_admin_sanggahan_hanya_dibaca(client, ev, kepala_dinkes, biro):
    sanggahan = _ajukan(ev, kepala_dinkes)
    client.force_login(biro)
    daftar = client.get(reverse("admin:evaluasi_sanggahan_changelist"))
    assert daftar.status_code == 200 and "Dinas Kesehatan" in daftar.text
    ubah = client.get(reverse("admin:evaluasi_sanggahan_change", args=[sanggahan.pk]))
    assert ubah.status_code == 200 and 'name="_save"' not in ubah.text
    assert client.get(reverse("admin:evaluasi_sanggahan_add")).status_code == 403


# --- Demo ------------------------------------------------------------------------------------------


def test_langkah_demo_satu_per_status_dan_mendahulukan_unit_akun_demo(
    buat_siklus, dinkes, labkes, samsat, bapenda, kepala_dinkes, kepala_labkes, kepala_samsat, biro
):
    import io

    from evaluasi.demo.siklus import TAHUN_DEMO, sanggahan_demo
    from evaluasi.models import Indikator

    siklus = buat_siklus(dinkes, labkes, samsat, bapenda, fase="perbaikan", tahun=TAHUN_DEMO)
    # Penyiapan langsung (bukan lewat service): yang diuji di sini langkah demonya, bukan alur F-02.
    indikator = Indikator.objects.filter(aspek__instrumen=siklus.instrumen, suplemen=False)
    PenilaianIndikator.objects.bulk_create(
        PenilaianIndikator(evaluasi=e, indikator=i, level=LEVEL_AWAL)
        for e in siklus.evaluasi.all()
        for i in indikator
    )
    siklus.evaluasi.update(status=Evaluasi.Status.DINILAI)

    keluaran = io.StringIO()
    sanggahan_demo({"stdout": keluaran})
    sanggahan_demo({"stdout": keluaran})  # aman diulang

    status = dict(Sanggahan.objects.values_list("evaluasi__penyelenggara__kode", "status"))
    # Bapenda tidak terjangkau akun demo bersandi: unit Dinkes dan Samsat (dan UPTD-nya) didahulukan.
    assert status == {
        "PD-DINKES": Status.DIAJUKAN,
        "UPTD-LABKES": Status.DITERIMA,
        "UPTD-SAMSAT-SMD": Status.DITOLAK,
    }
    assert LampiranSanggahan.objects.count() == 3
    assert keluaran.getvalue().count("Sanggahan demo:") == 1
