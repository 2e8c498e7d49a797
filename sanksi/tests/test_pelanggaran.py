"""Kasus pelanggaran Pasal 10: jalur dari data Larangan, urutan, kewenangan, keberatan, audit, lingkup.

Siapa boleh mengambil langkah mengikuti tabel kewenangan bawaan (akun/0004): sanksi atas Pelaksana biasa
dijatuhkan Kepala unitnya sendiri (BAB 7), keberatan diputus pejabat penerbit, kasus Kepala Penyelenggara
disiapkan Biro dan diputus Sekda (BAB 6 angka 3). Uji keputusan Sekda/Gubernur ada di ``test_kewenangan.py``.
"""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.hari_kerja import tambah_hari_kerja
from kaltim_yanlik.core.models import JejakAudit, Notifikasi
from kode_etik.models import Larangan
from sanksi import services
from sanksi.models import AturanUpayaAdministratif, Keberatan, Pelanggaran, Pengaduan, Sanksi

Tahap = Pelanggaran.Tahap
HARI_INI = timezone.localdate


def _larangan(huruf):
    return Larangan.objects.get(huruf=huruf)


def _buka(pelaksana, oleh, huruf="a", **kw):
    kw.setdefault("uraian", "Meninggalkan loket pelayanan tanpa alasan pada jam layanan.")
    kw.setdefault("sumber", Pelanggaran.Sumber.TEMUAN_ATASAN)
    return services.pelanggaran_buka(pelaksana=pelaksana, larangan=_larangan(huruf), oleh=oleh, **kw)


def _jadwal(hari):
    return timezone.make_aware(datetime.combine(hari, time(9, 0)))


def _panggil(kasus, oleh, tanggal=None):
    tanggal = tanggal or HARI_INI() - timedelta(days=10)
    return services.pemanggilan_catat(
        pelanggaran=kasus,
        nomor_surat="800/12/DINKES",
        tanggal_surat=tanggal,
        jadwal=_jadwal(tanggal + timedelta(days=2)),
        tempat="Ruang rapat",
        oleh=oleh,
    )


def _periksa(kasus, oleh, tanggal=None):
    return services.pemeriksaan_catat(
        pelanggaran=kasus,
        tanggal=tanggal or HARI_INI() - timedelta(days=8),
        pemeriksa="Kasubag Umum",
        ringkasan="Terperiksa mengakui.",
        oleh=oleh,
    )


def _bap(kasus, oleh, terbukti=True):
    return services.bap_catat(
        pelanggaran=kasus,
        nomor="BAP/01",
        tanggal=HARI_INI() - timedelta(days=7),
        keterangan_terperiksa="Mengakui.",
        temuan="Terbukti meninggalkan loket.",
        terbukti=terbukti,
        oleh=oleh,
    )


def _jatuhkan(kasus, oleh, tanggal=None):
    return services.sanksi_jatuhkan(
        pelanggaran=kasus,
        jenis=Sanksi.Jenis.TEGURAN_TERTULIS,
        nomor_keputusan="KEP/01",
        tanggal_keputusan=tanggal or HARI_INI() - timedelta(days=5),
        pertimbangan="Pelanggaran pertama.",
        oleh=oleh,
    )


def _sampai_bap(kasus, operator, terbukti=True):
    _panggil(kasus, operator)
    _periksa(kasus, operator)
    _bap(kasus, operator, terbukti)
    kasus.refresh_from_db()
    return kasus


def _rujuk(kasus, oleh):
    return services.rujukan_catat(
        pelanggaran=kasus,
        instansi="inspektorat",
        nama_instansi="Inspektorat Daerah Provinsi Kalimantan Timur",
        nomor_surat="700/5/DINKES",
        tanggal=HARI_INI(),
        oleh=oleh,
    )


# --- Jalur dari data Larangan ----------------------------------------------------------------------


def test_huruf_administratif_menempuh_pemanggilan_bukan_rujukan(pelaksana_dinkes, operator_dinkes):
    kasus = _buka(pelaksana_dinkes, operator_dinkes, "a")
    assert kasus.jalur == Pelanggaran.Jalur.ADMINISTRATIF
    with pytest.raises(DomainError, match="jalur"):
        _rujuk(kasus, operator_dinkes)
    _panggil(kasus, operator_dinkes)
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIPANGGIL


def test_huruf_perundangan_menempuh_rujukan_bukan_pemanggilan(pelaksana_dinkes, operator_dinkes):
    kasus = _buka(pelaksana_dinkes, operator_dinkes, "c")
    assert kasus.jalur == Pelanggaran.Jalur.PERUNDANG_UNDANGAN
    with pytest.raises(DomainError, match="jalur"):
        _panggil(kasus, operator_dinkes)
    _rujuk(kasus, operator_dinkes)
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIRUJUK


def test_mengubah_jalur_huruf_di_data_mengubah_alur_kasus_baru_saja(pelaksana_dinkes, operator_dinkes):
    lama = _buka(pelaksana_dinkes, operator_dinkes, "a")
    Larangan.objects.filter(huruf="a").update(jalur_sanksi=Larangan.JalurSanksi.PERUNDANG_UNDANGAN)
    baru = _buka(pelaksana_dinkes, operator_dinkes, "a")
    assert baru.jalur == Pelanggaran.Jalur.PERUNDANG_UNDANGAN
    _rujuk(baru, operator_dinkes)
    with pytest.raises(DomainError, match="jalur"):
        _panggil(baru, operator_dinkes)
    # Kasus yang sudah dibuka tetap di jalurnya semula.
    _panggil(lama, operator_dinkes)
    assert Pelanggaran.objects.get(pk=lama.pk).jalur == Pelanggaran.Jalur.ADMINISTRATIF


# --- Urutan ----------------------------------------------------------------------------------------


def test_langkah_melompat_ditolak(pelaksana_dinkes, operator_dinkes, kepala_dinkes):
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    with pytest.raises(DomainError, match="berurutan"):
        _periksa(kasus, operator_dinkes)
    with pytest.raises(DomainError, match="berurutan"):
        _bap(kasus, operator_dinkes)
    with pytest.raises(DomainError, match="berurutan"):
        _jatuhkan(kasus, kepala_dinkes)
    _panggil(kasus, operator_dinkes)
    with pytest.raises(DomainError, match="berurutan"):
        _panggil(kasus, operator_dinkes)
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIPANGGIL


def test_pemeriksaan_tidak_boleh_sebelum_surat_panggilan(pelaksana_dinkes, operator_dinkes):
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    surat = HARI_INI() - timedelta(days=3)
    _panggil(kasus, operator_dinkes, tanggal=surat)
    with pytest.raises(DomainError, match="tidak boleh sebelum"):
        _periksa(kasus, operator_dinkes, tanggal=surat - timedelta(days=1))
    _periksa(kasus, operator_dinkes, tanggal=surat)
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIPERIKSA


def test_bap_tidak_terbukti_menutup_kasus_tanpa_sanksi(pelaksana_dinkes, operator_dinkes, kepala_dinkes):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes, terbukti=False)
    with pytest.raises(DomainError, match="tidak terbukti"):
        _jatuhkan(kasus, kepala_dinkes)
    services.pelanggaran_tidak_terbukti(
        pelanggaran=kasus, alasan="Saksi tidak menguatkan.", oleh=kepala_dinkes
    )
    kasus.refresh_from_db()
    assert kasus.tahap == Tahap.TIDAK_TERBUKTI and kasus.ditutup_pada is not None
    assert not Sanksi.objects.filter(pelanggaran=kasus).exists()


def test_bap_terbukti_tidak_dapat_ditutup_tidak_terbukti(pelaksana_dinkes, operator_dinkes, kepala_dinkes):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    with pytest.raises(DomainError, match="terbukti"):
        services.pelanggaran_tidak_terbukti(pelanggaran=kasus, alasan="x", oleh=kepala_dinkes)
    sanksi = _jatuhkan(kasus, kepala_dinkes)
    kasus.refresh_from_db()
    assert kasus.tahap == Tahap.SANKSI
    # Bawaan UU 30/2014 Pasal 77: 21 hari kerja sejak keputusan (dulu 14 hari kalender dari setelan).
    assert sanksi.batas_keberatan == tambah_hari_kerja(sanksi.tanggal_keputusan, 21)


def test_batas_keberatan_dari_aturan_upaya_administratif(pelaksana_dinkes, operator_dinkes, kepala_dinkes):
    # Dulu setelan SANKSI_BATAS_KEBERATAN_HARI; kini data yang diubah admin.
    AturanUpayaAdministratif.objects.filter(jenis="keberatan").update(hari_kerja_ajukan=30)
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    sanksi = _jatuhkan(kasus, kepala_dinkes)
    assert sanksi.batas_keberatan == tambah_hari_kerja(sanksi.tanggal_keputusan, 30)


def test_rujukan_beberapa_lalu_selesai_setelah_ada_hasil(pelaksana_dinkes, operator_dinkes):
    kasus = _buka(pelaksana_dinkes, operator_dinkes, "d")
    with pytest.raises(DomainError, match="berurutan"):
        services.pelanggaran_selesaikan(pelanggaran=kasus, oleh=operator_dinkes)
    pertama = _rujuk(kasus, operator_dinkes)
    _rujuk(kasus, operator_dinkes)
    with pytest.raises(DomainError, match="hasil"):
        services.pelanggaran_selesaikan(pelanggaran=kasus, oleh=operator_dinkes)
    services.rujukan_hasil_catat(
        rujukan=pertama, hasil="Diteruskan ke APH.", hasil_tanggal=HARI_INI(), oleh=operator_dinkes
    )
    with pytest.raises(DomainError, match="sudah dicatat"):
        services.rujukan_hasil_catat(
            rujukan=pertama, hasil="lain", hasil_tanggal=HARI_INI(), oleh=operator_dinkes
        )
    services.pelanggaran_selesaikan(pelanggaran=kasus, oleh=operator_dinkes)
    kasus.refresh_from_db()
    assert kasus.tahap == Tahap.SELESAI and kasus.rujukan.count() == 2
    with pytest.raises(DomainError, match="berurutan"):
        _rujuk(kasus, operator_dinkes)


# --- Siapa boleh apa -------------------------------------------------------------------------------


def test_operator_menyiapkan_tetapi_tidak_menjatuhkan_sanksi(
    pelaksana_dinkes, operator_dinkes, kepala_dinkes
):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    with pytest.raises(PermissionDenied, match="hanya dapat dilakukan oleh Kepala Dinas Kesehatan"):
        _jatuhkan(kasus, operator_dinkes)
    # Urutan diperiksa dahulu (BAP terbukti tidak dapat ditutup "tidak terbukti"), kewenangan sesudahnya.
    tidak_terbukti = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes, "b"), operator_dinkes, False)
    with pytest.raises(PermissionDenied, match="Kepala Dinas Kesehatan"):
        services.pelanggaran_tidak_terbukti(pelanggaran=tidak_terbukti, alasan="x", oleh=operator_dinkes)
    _jatuhkan(kasus, kepala_dinkes)


def test_biro_tidak_menjatuhkan_sanksi_kasus_unit_biasa(pelaksana_dinkes, operator_dinkes, biro, sekda):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    for bukan_pejabat_unit in (biro, sekda):
        with pytest.raises(PermissionDenied, match="Kepala Dinas Kesehatan"):
            _jatuhkan(kasus, bukan_pejabat_unit)


def test_kepala_induk_membaca_kasus_uptd_tetapi_tidak_menjatuhkan_sanksi(
    pelaksana_labkes, pelaksana_dinkes, kepala_dinkes, kepala_labkes
):
    # Dulu Kepala Dinas menjatuhkan sanksi atas Pelaksana UPTD-nya. BAB 7: sanksi diberikan Kepala
    # Penyelenggara, yaitu Kepala UPTD itu sendiri; Kepala Dinas membaca (pembinaan berjenjang, BAB 6
    # angka 2).
    kasus = _sampai_bap(_buka(pelaksana_labkes, kepala_labkes), kepala_labkes)
    with pytest.raises(PermissionDenied, match="Kepala UPTD Laboratorium Kesehatan Daerah"):
        _jatuhkan(kasus, kepala_dinkes)
    with pytest.raises(PermissionDenied):
        _buka(pelaksana_labkes, kepala_dinkes)
    sanksi = _jatuhkan(kasus, kepala_labkes)
    assert sanksi.penanda_tangan == "kepala_unit"
    with pytest.raises(DomainError, match="tidak berwenang"):
        _buka(pelaksana_dinkes, kepala_labkes)


def test_unit_lain_dan_pimpinan_tidak_dapat_membuka_atau_melangkah(
    pelaksana_dinkes, operator_dinkes, kepala_samsat, pimpinan
):
    with pytest.raises(DomainError, match="tidak berwenang"):
        _buka(pelaksana_dinkes, kepala_samsat)
    # Pimpinan menjangkau semua unit tetapi tidak berwenang bertindak: 403 yang menyebut siapa berwenang.
    with pytest.raises(PermissionDenied, match="Kepala atau operator Dinas Kesehatan"):
        _buka(pelaksana_dinkes, pimpinan)
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    with pytest.raises(DomainError, match="tidak ditemukan"):
        _panggil(kasus, kepala_samsat)
    with pytest.raises(PermissionDenied):
        _panggil(kasus, pimpinan)
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIBUKA


def test_pengaduan_harus_dari_unit_yang_sama(pelaksana_dinkes, operator_dinkes, samsat):
    def aduan(unit, kode):
        return Pengaduan.objects.create(
            kode_lacak=kode, penyelenggara=unit, uraian="Petugas membentak.", diterima_pada=timezone.now()
        )

    with pytest.raises(DomainError, match="unit lain"):
        _buka(pelaksana_dinkes, operator_dinkes, sumber="pengaduan", pengaduan=aduan(samsat, "ACDEFGHJ"))
    with pytest.raises(DomainError, match="menautkan"):
        _buka(pelaksana_dinkes, operator_dinkes, sumber="pengaduan")
    kasus = _buka(
        pelaksana_dinkes,
        operator_dinkes,
        "i",
        sumber="pengaduan",
        pengaduan=aduan(pelaksana_dinkes.penyelenggara, "KMNPQRTU"),
    )
    assert kasus.pengaduan.kode_lacak == "KMNPQRTU"


def test_kasus_terhadap_kepala_disiapkan_biro_diputus_sekda(
    dinkes, operator_dinkes, kepala_dinkes, biro, sekda, pejabat_provinsi
):
    # Dulu unit membuka dan Biro memutus kasus Kepala. BAB 6 angka 3: Biro menyiapkan, Sekda memutus.
    kepala_pelaksana = dinkes.pelaksana.create(nama="dr. Kepala Dinkes")
    dinkes.kepala = kepala_pelaksana
    dinkes.save(update_fields=["kepala"])
    with pytest.raises(PermissionDenied, match="Biro Organisasi"):
        _buka(kepala_pelaksana, operator_dinkes)
    kasus = _buka(kepala_pelaksana, biro)
    assert kasus.ditangani_biro
    # Pemutusnya (Sekda) diberi tahu; Kepala yang diperiksa tidak.
    assert Notifikasi.objects.filter(penerima=sekda).count() == 1
    assert not Notifikasi.objects.filter(penerima=kepala_dinkes).exists()
    with pytest.raises(PermissionDenied, match="Biro Organisasi"):
        _panggil(kasus, operator_dinkes)
    _sampai_bap(kasus, biro)
    with pytest.raises(PermissionDenied, match="Sekretaris Daerah"):
        _jatuhkan(kasus, kepala_dinkes)
    sanksi = _jatuhkan(kasus, sekda)
    assert sanksi.penanda_tangan == "sekda"
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.SANKSI


def test_notifikasi_kepala_bila_dibuka_orang_lain(pelaksana_dinkes, operator_dinkes, kepala_dinkes, biro):
    _buka(pelaksana_dinkes, kepala_dinkes)
    assert not Notifikasi.objects.filter(penerima=kepala_dinkes).exists()
    _buka(pelaksana_dinkes, operator_dinkes)
    assert Notifikasi.objects.filter(penerima=kepala_dinkes).count() == 1
    assert not Notifikasi.objects.filter(penerima=biro).exists()


# --- Keberatan -------------------------------------------------------------------------------------


@pytest.fixture
def sanksi_dinkes(pelaksana_dinkes, operator_dinkes, kepala_dinkes):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    return _jatuhkan(kasus, kepala_dinkes, tanggal=HARI_INI() - timedelta(days=6))


def _keberatan(sanksi, oleh, tanggal):
    return services.keberatan_catat(
        sanksi=sanksi, tanggal_diterima=tanggal, alasan="Saya keberatan.", oleh=oleh
    )


def test_keberatan_pada_hari_terakhir_diterima(sanksi_dinkes, operator_dinkes, kepala_dinkes, biro):
    sanksi_dinkes.batas_keberatan = HARI_INI()
    sanksi_dinkes.save(update_fields=["batas_keberatan"])
    keberatan = _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI())
    assert keberatan.keputusan == Keberatan.Keputusan.MENUNGGU
    assert keberatan.batas_putus == tambah_hari_kerja(HARI_INI(), 10)
    # Keberatan diajukan kepada pejabat penerbit (Kepala Dinkes), bukan lagi kepada Biro.
    assert Notifikasi.objects.filter(penerima=kepala_dinkes, judul__startswith="Keberatan").exists()
    assert not Notifikasi.objects.filter(penerima=biro, judul__startswith="Keberatan").exists()
    with pytest.raises(DomainError, match="sudah dicatat"):
        _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI())


def test_keberatan_sehari_setelah_batas_ditolak_dengan_batasnya(sanksi_dinkes, operator_dinkes):
    sanksi_dinkes.batas_keberatan = HARI_INI() - timedelta(days=1)
    sanksi_dinkes.save(update_fields=["batas_keberatan"])
    batas = sanksi_dinkes.batas_keberatan
    pesan = f"paling lambat [A-Z][a-z]+, {batas.day} "
    with pytest.raises(DomainError, match=pesan):
        _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI())
    assert not Keberatan.objects.exists()


def test_keberatan_bertanggal_masa_depan_ditolak(sanksi_dinkes, operator_dinkes):
    with pytest.raises(DomainError, match="masa depan"):
        _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI() + timedelta(days=1))
    assert not Keberatan.objects.exists()


def test_keberatan_diputus_pejabat_penerbit_dikabulkan_sanksi_tetap_tersimpan(
    sanksi_dinkes, operator_dinkes, kepala_dinkes, biro
):
    # Dulu Biro memutus keberatan. UU 30/2014 Pasal 77 (tabel kewenangan): pejabat penerbit keputusan.
    keberatan = _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI())
    with pytest.raises(PermissionDenied, match="Kepala Dinas Kesehatan"):
        services.keberatan_putus(keberatan=keberatan, dikabulkan=True, pertimbangan="x", oleh=biro)
    services.keberatan_putus(
        keberatan=keberatan, dikabulkan=True, pertimbangan="Bukti baru.", oleh=kepala_dinkes
    )
    keberatan.refresh_from_db()
    assert keberatan.keputusan == Keberatan.Keputusan.DIKABULKAN and keberatan.diputus_oleh == kepala_dinkes
    assert keberatan.penanda_tangan == "kepala_unit" and keberatan.tanggal_putusan == HARI_INI()
    assert Sanksi.objects.get(pk=sanksi_dinkes.pk).dibatalkan
    with pytest.raises(DomainError, match="sudah diputus"):
        services.keberatan_putus(keberatan=keberatan, dikabulkan=False, pertimbangan="x", oleh=kepala_dinkes)


# --- Audit -----------------------------------------------------------------------------------------


def test_setiap_perubahan_keadaan_diaudit_dengan_pelaku(
    pelaksana_dinkes, operator_dinkes, kepala_dinkes, biro
):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    sanksi = _jatuhkan(kasus, kepala_dinkes)
    keberatan = _keberatan(sanksi, operator_dinkes, HARI_INI())
    services.keberatan_putus(keberatan=keberatan, dikabulkan=False, pertimbangan="Tetap.", oleh=kepala_dinkes)
    jejak = JejakAudit.objects.filter(aksi__startswith="sanksi.pelanggaran.").order_by("pk")
    assert [(j.aksi.rsplit(".", 1)[1], j.pengguna) for j in jejak] == [
        ("dibuka", operator_dinkes),
        ("dipanggil", operator_dinkes),
        ("diperiksa", operator_dinkes),
        ("bap", operator_dinkes),
        ("sanksi", kepala_dinkes),
        ("keberatan", operator_dinkes),
        ("keberatan_diputus", kepala_dinkes),
    ]
    assert all(j.penyelenggara_id == kasus.penyelenggara_id and j.waktu for j in jejak)
    assert all(j.data["pelanggaran"] == str(kasus.code) for j in jejak)


def test_jalur_rujukan_diaudit(pelaksana_dinkes, operator_dinkes):
    kasus = _buka(pelaksana_dinkes, operator_dinkes, "k")
    rujukan = _rujuk(kasus, operator_dinkes)
    services.rujukan_hasil_catat(
        rujukan=rujukan, hasil="Ditangani APH.", hasil_tanggal=HARI_INI(), oleh=operator_dinkes
    )
    services.pelanggaran_selesaikan(pelanggaran=kasus, oleh=operator_dinkes)
    aksi = list(
        JejakAudit.objects.filter(aksi__startswith="sanksi.").values_list("aksi", flat=True).order_by("pk")
    )
    assert aksi == [
        "sanksi.pelanggaran.dibuka",
        "sanksi.pelanggaran.dirujuk",
        "sanksi.pelanggaran.hasil_rujukan",
        "sanksi.pelanggaran.selesai",
    ]


# --- Halaman ---------------------------------------------------------------------------------------


def _url(kasus, langkah=None):
    if langkah:
        return reverse("sanksi:kasus_langkah", args=[kasus.code, langkah])
    return reverse("sanksi:kasus_detail", args=[kasus.code])


def _data_panggil(tanggal=None):
    tanggal = tanggal or HARI_INI()
    return {
        "pemanggilan-nomor_surat": "800/1",
        "pemanggilan-tanggal_surat": tanggal.isoformat(),
        "pemanggilan-jadwal": f"{tanggal.isoformat()}T10:00",
        "pemanggilan-tempat": "Aula",
    }


def _data_sanksi():
    return {
        "sanksi-jenis": "teguran_tertulis",
        "sanksi-nomor_keputusan": "KEP/9",
        "sanksi-tanggal_keputusan": HARI_INI().isoformat(),
        "sanksi-pertimbangan": "Terbukti.",
    }


def test_membuka_kasus_lewat_halaman_lalu_hanya_langkah_berikut_ditampilkan(
    client, operator_dinkes, pelaksana_dinkes
):
    client.force_login(operator_dinkes)
    r = client.get(reverse("sanksi:kasus_buka"), {"pelaksana": pelaksana_dinkes.code})
    assert r.status_code == 200 and "Huruf c" in r.text and "perundang-undangan" in r.text
    r = client.post(
        reverse("sanksi:kasus_buka"),
        {
            "pelaksana": pelaksana_dinkes.code,
            "larangan": _larangan("i").pk,
            "sumber": "temuan_atasan",
            "uraian": "Berkata kasar kepada pemohon.",
        },
    )
    kasus = Pelanggaran.objects.get()
    assert r.status_code == 302 and r.url == _url(kasus)
    r = client.get(_url(kasus))
    assert 'id="form-pemanggilan"' in r.text and 'id="form-pemeriksaan"' not in r.text
    r = client.post(_url(kasus, "pemanggilan"), _data_panggil())
    assert r.status_code == 302
    r = client.get(_url(kasus))
    assert 'id="form-pemeriksaan"' in r.text and 'id="form-pemanggilan"' not in r.text
    assert "800/1" in r.text and operator_dinkes.nama in r.text


def test_langkah_tidak_berurutan_lewat_halaman_menjadi_pesan_bukan_500(
    client, operator_dinkes, pelaksana_dinkes
):
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    client.force_login(operator_dinkes)
    data = {
        "bap-nomor": "BAP/1",
        "bap-tanggal": HARI_INI().isoformat(),
        "bap-keterangan_terperiksa": "x",
        "bap-temuan": "y",
        "bap-terbukti": "ya",
    }
    r = client.post(_url(kasus, "bap"), data)
    assert r.status_code == 400 and "Langkah harus berurutan" in r.text
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIBUKA


def test_unit_lain_mendapat_404_di_setiap_halaman_dan_kiriman(
    client, operator_dinkes, pelaksana_dinkes, kepala_samsat
):
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    client.force_login(kepala_samsat)
    assert client.get(_url(kasus)).status_code == 404
    assert client.post(_url(kasus, "pemanggilan"), _data_panggil()).status_code == 404
    r = client.get(reverse("sanksi:kasus_daftar"))
    assert r.status_code == 200 and pelaksana_dinkes.nama not in r.text
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.DIBUKA


def test_pimpinan_membaca_tetapi_mendapat_403_saat_mengirim(
    client, operator_dinkes, pelaksana_dinkes, pimpinan
):
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    client.force_login(pimpinan)
    r = client.get(_url(kasus))
    assert r.status_code == 200 and "form-pemanggilan" not in r.text
    assert client.post(_url(kasus, "pemanggilan"), _data_panggil()).status_code == 403
    assert client.get(reverse("sanksi:kasus_buka")).status_code == 403


def test_operator_403_saat_menjatuhkan_sanksi_kepala_berhasil(
    client, operator_dinkes, kepala_dinkes, pelaksana_dinkes
):
    kasus = _sampai_bap(_buka(pelaksana_dinkes, operator_dinkes), operator_dinkes)
    client.force_login(operator_dinkes)
    r = client.get(_url(kasus))
    assert "form-sanksi" not in r.text and "menunggu Kepala Dinas Kesehatan" in r.text
    r = client.post(_url(kasus, "sanksi"), _data_sanksi())
    assert r.status_code == 403 and "hanya dapat dilakukan oleh Kepala Dinas Kesehatan" in r.text
    client.force_login(kepala_dinkes)
    assert client.post(_url(kasus, "sanksi"), _data_sanksi()).status_code == 302
    assert Pelanggaran.objects.get(pk=kasus.pk).tahap == Tahap.SANKSI


def test_kasus_kepala_lewat_halaman_kepala_ditolak_sekda_berhasil(
    client, dinkes, kepala_dinkes, biro, sekda, pejabat_provinsi
):
    # Dulu Biro memutus kasus Kepala lewat halaman; kini Sekda (BAB 6 angka 3), Kepala sendiri 403.
    kepala = dinkes.pelaksana.create(nama="dr. Kepala Dinkes")
    dinkes.kepala = kepala
    dinkes.save(update_fields=["kepala"])
    kasus = _sampai_bap(_buka(kepala, biro), biro)
    client.force_login(kepala_dinkes)
    r = client.post(_url(kasus, "sanksi"), _data_sanksi())
    assert r.status_code == 403 and "Sekretaris Daerah" in r.text
    client.force_login(sekda)
    assert 'id="form-sanksi"' in client.get(_url(kasus)).text
    assert client.post(_url(kasus, "sanksi"), _data_sanksi()).status_code == 302
    assert Sanksi.objects.get(pelanggaran=kasus).penanda_tangan == "sekda"


def test_keberatan_lewat_halaman_batas_lewat_ditolak_dengan_tanggalnya(
    client, sanksi_dinkes, operator_dinkes
):
    sanksi_dinkes.batas_keberatan = HARI_INI() - timedelta(days=1)
    sanksi_dinkes.save(update_fields=["batas_keberatan"])
    client.force_login(operator_dinkes)
    r = client.post(
        _url(sanksi_dinkes.pelanggaran, "keberatan"),
        {"keberatan-tanggal_diterima": HARI_INI().isoformat(), "keberatan-alasan": "Keberatan."},
    )
    assert r.status_code == 400 and "Batas pengajuan keberatan sudah lewat" in r.text
    assert not Keberatan.objects.exists()


def test_halaman_pelaksana_menampilkan_kasus_dan_sanksinya(
    client, sanksi_dinkes, kepala_dinkes, pelaksana_dinkes
):
    client.force_login(kepala_dinkes)
    r = client.get(reverse("kode_etik:pelaksana_detail", args=[pelaksana_dinkes.code]))
    assert r.status_code == 200
    assert "Teguran tertulis" in r.text and _url(sanksi_dinkes.pelanggaran) in r.text


def test_saringan_daftar_kasus(client, operator_dinkes, kepala_labkes, pelaksana_dinkes, pelaksana_labkes):
    _buka(pelaksana_dinkes, operator_dinkes, "a")
    # Kasus UPTD dibuka UPTD sendiri (dulu operator Dinkes); Dinkes tetap melihatnya di daftarnya.
    _buka(pelaksana_labkes, kepala_labkes, "c")
    client.force_login(operator_dinkes)
    r = client.get(reverse("sanksi:kasus_daftar"), {"jalur": "perundang_undangan"})
    assert pelaksana_labkes.nama in r.text and pelaksana_dinkes.nama not in r.text
    r = client.get(reverse("sanksi:kasus_daftar"), {"cari": "Rina"})
    assert pelaksana_dinkes.nama in r.text and pelaksana_labkes.nama not in r.text


def test_admin_kasus_baca_saja_unit_tidak_masuk(
    client, operator_dinkes, pelaksana_dinkes, biro, kepala_dinkes
):
    kasus = _buka(pelaksana_dinkes, operator_dinkes)
    url = reverse("admin:sanksi_pelanggaran_change", args=[kasus.pk])
    client.force_login(kepala_dinkes)
    assert client.get(url).status_code == 404
    client.force_login(biro)
    r = client.get(url)
    assert r.status_code == 200 and 'name="_save"' not in r.text
    assert client.post(url, {"uraian": "diubah"}).status_code == 403
    assert Pelanggaran.objects.get(pk=kasus.pk).uraian != "diubah"


def test_pejabat_penerbit_memutus_keberatan_lewat_halaman_kasus_tetap_tampil(
    client, sanksi_dinkes, operator_dinkes, kepala_dinkes, biro
):
    # Dulu Biro yang memutus lewat halaman ini; kini pejabat penerbit (Kepala Dinkes), Biro 403.
    kasus = sanksi_dinkes.pelanggaran
    _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI())
    data = {"keberatan-putus-keputusan": "dikabulkan", "keberatan-putus-pertimbangan": "Saksi baru."}
    client.force_login(biro)
    assert client.post(_url(kasus, "keberatan-putus"), data).status_code == 403
    client.force_login(kepala_dinkes)
    assert client.post(_url(kasus, "keberatan-putus"), data).status_code == 302
    assert Keberatan.objects.get().keputusan == Keberatan.Keputusan.DIKABULKAN
    r = client.get(_url(kasus))
    assert "dibatalkan karena keberatan" in r.text and "Saksi baru." in r.text
    assert client.post(f"{_url(kasus)}hapus/").status_code == 404


def test_kiriman_langkah_rakitan_di_luar_urutan_dijawab_pesan_bukan_500(
    client, pelaksana_dinkes, operator_dinkes, sanksi_dinkes, biro
):
    """Keberatan pada kasus yang belum bersanksi, atau putusan keberatan yang belum ada: 400 dengan alasan."""
    from django.urls import reverse

    dibuka = _buka(pelaksana_dinkes, operator_dinkes, "b")
    client.force_login(operator_dinkes)
    isi = {"keberatan-tanggal_diterima": HARI_INI().isoformat(), "keberatan-alasan": "Keberatan."}
    r = client.post(reverse("sanksi:kasus_langkah", args=[dibuka.code, "keberatan"]), isi)
    assert r.status_code == 400 and 'id="galat-langkah"' in r.content.decode()
    client.force_login(biro)
    isi = {"keberatan-putus-keputusan": "ditolak", "keberatan-putus-pertimbangan": "Tetap."}
    url = reverse("sanksi:kasus_langkah", args=[sanksi_dinkes.pelanggaran.code, "keberatan-putus"])
    r = client.post(url, isi)
    assert r.status_code == 400 and 'id="galat-langkah"' in r.content.decode()
    assert not Keberatan.objects.exists()


def test_formulir_keberatan_tetap_tampil_setelah_batas_untuk_keberatan_yang_diterima_tepat_waktu(
    client, sanksi_dinkes, operator_dinkes
):
    from django.urls import reverse

    sanksi_dinkes.batas_keberatan = HARI_INI() - timedelta(days=1)
    sanksi_dinkes.save(update_fields=["batas_keberatan"])
    client.force_login(operator_dinkes)
    url = reverse("sanksi:kasus_detail", args=[sanksi_dinkes.pelanggaran.code])
    assert 'id="form-keberatan"' in client.get(url).content.decode()
    _keberatan(sanksi_dinkes, operator_dinkes, HARI_INI() - timedelta(days=1))  # diterima pada hari terakhir
    assert Keberatan.objects.filter(sanksi=sanksi_dinkes).exists()
