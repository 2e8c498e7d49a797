"""Data acuan di admin: pejabat penanda tangan, tabel kewenangan, hari libur (impor CSV), dasar hukum, aturan
upaya administratif. Setiap perubahan diaudit; yang belum dipastikan ditandai di halamannya."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from akun import kewenangan
from akun.models import Pejabat
from kaltim_yanlik.core.models import DasarHukum, HariLibur, JejakAudit
from kode_etik.models import RiwayatKepala

pytestmark = pytest.mark.django_db


def test_pejabat_masa_jabatan_tidak_boleh_tumpang_tindih(pejabat_provinsi):
    tumpang = Pejabat(jabatan="sekda", jabatan_teks="Sekda", nama="Lain", mulai=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="bertumpang tindih"):
        tumpang.full_clean()
    lama = pejabat_provinsi["sekda"]
    lama.selesai = date(2025, 12, 31)
    lama.save()
    tumpang.full_clean()  # sesudah masa lama ditutup: sah


def test_penanda_tangan_menurut_tanggal(pejabat_provinsi, dinkes):
    lama = pejabat_provinsi["gubernur"]
    lama.selesai = date(2025, 2, 19)
    lama.save()
    Pejabat.objects.create(jabatan="gubernur", jabatan_teks="Gubernur Kalimantan Timur", nama="Gubernur Baru",
                           mulai=date(2025, 2, 20))  # fmt: skip
    sebelum = kewenangan.penanda_tangan("gubernur", unit=None, tanggal=date(2025, 2, 19))
    sesudah = kewenangan.penanda_tangan("gubernur", unit=None, tanggal=date(2025, 2, 20))
    assert (sebelum.nama, sesudah.nama) == ("Dr. H. Gubernur Uji", "Gubernur Baru")
    assert sesudah.tanpa_nip and sesudah.kop_nama == "GUBERNUR KALIMANTAN TIMUR"
    belum = kewenangan.penanda_tangan("gubernur", unit=None, tanggal=date(2019, 1, 1))
    assert not belum.tercatat and belum.nama == ""
    # Kepala unit: dari riwayat, bukan Kepala sekarang.
    a = dinkes.pelaksana.create(nama="Kepala A")
    b = dinkes.pelaksana.create(nama="Kepala B")
    dinkes.kepala = b
    dinkes.save()
    RiwayatKepala.objects.create(penyelenggara=dinkes, pelaksana=a, selesai=date(2026, 6, 30))
    RiwayatKepala.objects.create(penyelenggara=dinkes, pelaksana=b, mulai=date(2026, 7, 1))
    ttd = kewenangan.penanda_tangan("kepala_unit", unit=dinkes, tanggal=date(2026, 6, 30))
    assert (ttd.nama, ttd.jabatan) == ("Kepala A", "Kepala Dinas Kesehatan")
    assert kewenangan.penanda_tangan("kepala_unit", unit=dinkes, tanggal=date(2026, 7, 1)).nama == "Kepala B"


def test_biro_mencatat_pejabat_lewat_admin_dan_diaudit(client, biro, sekda):
    client.force_login(biro)
    data = {
        "jabatan": "sekda",
        "jabatan_teks": "Sekretaris Daerah Provinsi Kalimantan Timur",
        "nama": "Sekda Baru",
        "nip": "197001012000031001",
        "mulai": "2026-01-01",
        "selesai": "",
        "pengguna": sekda.pk,
    }
    r = client.post(reverse("admin:akun_pejabat_add"), data)
    assert r.status_code == 302
    assert Pejabat.objects.get(nama="Sekda Baru").pengguna == sekda
    assert JejakAudit.objects.filter(aksi="akun.pejabat.dibuat", pengguna=biro).exists()
    # NIP salah: ditolak dengan pesan, tidak tersimpan.
    salah = {"jabatan": "gubernur", "jabatan_teks": "G", "nama": "X", "nip": "12", "mulai": "2030-01-01"}
    r = client.post(reverse("admin:akun_pejabat_add"), salah)
    assert r.status_code == 200 and "18 digit" in r.content.decode()
    assert not Pejabat.objects.filter(nama="X").exists()


def test_admin_upaya_administratif_menandai_belum_dikonfirmasi(client, biro):
    client.force_login(biro)
    r = client.get(reverse("admin:sanksi_aturanupayaadministratif_changelist"))
    isi = r.content.decode()
    assert r.status_code == 200 and "belum dikonfirmasi Biro Hukum" in isi
    assert "UU 30/2014 Pasal 77–78" in isi and "Sekretaris Daerah" in isi  # pemutus dari tabel kewenangan


def test_admin_hari_libur_catatan_sumber_dan_impor_csv(client, biro):
    client.force_login(biro)
    isi = client.get(reverse("admin:core_harilibur_changelist")).content.decode()
    assert "SKB Menteri Agama" in isi and "dapat bergeser sehari" in isi
    assert "belum ada data" in isi  # tahun berikutnya belum diimpor
    csv = (
        "tanggal,nama,jenis,sumber\n"
        "2027-01-01,Tahun Baru 2027 Masehi,libur_nasional,SKB uji\n"
        "2027-02-06,Tahun Baru Imlek 2578 Kongzili,libur_nasional,SKB uji\n"
    )
    berkas = SimpleUploadedFile("libur-2027.csv", csv.encode(), content_type="text/csv")
    r = client.post(reverse("admin:core_harilibur_import"), {"import_file": berkas, "format": "0",
                                                            "resource": "0"})  # fmt: skip
    assert r.status_code == 200 and "confirm_form" in r.context
    konfirmasi = r.context["confirm_form"].initial
    r = client.post(reverse("admin:core_harilibur_process_import"), konfirmasi)
    assert r.status_code == 302
    assert HariLibur.objects.filter(tanggal__year=2027).count() == 2
    assert JejakAudit.objects.filter(aksi="core.hari_libur.dibuat").count() == 2


def test_admin_dasar_hukum_menandai_yang_belum_terkonfirmasi(client, biro, kepala_dinkes):
    client.force_login(biro)
    isi = client.get(reverse("admin:core_dasarhukum_changelist")).content.decode()
    assert "Pedoman MenPANRB 5/2023" in isi and "belum dikonfirmasi" in isi
    uu = DasarHukum.objects.get(kode="uu-administrasi-pemerintahan")
    isi = client.get(reverse("admin:core_dasarhukum_change", args=[uu.pk])).content.decode()
    assert "dicetak pada naskah" in isi.lower() and "Keputusan Sanksi" in isi
    client.force_login(kepala_dinkes)
    assert client.get(reverse("admin:core_dasarhukum_changelist")).status_code == 404
