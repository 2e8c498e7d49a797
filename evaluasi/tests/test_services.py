from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from evaluasi.models import Aspek, Indikator, InstrumenVersi, KategoriIPP, SlotBukti
from evaluasi.services import (
    indikator_simpan,
    instrumen_aktifkan,
    instrumen_salin,
    instrumen_validasi,
)
from evaluasi.validasi_instrumen import InstrumenTidakValid
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.models import JejakAudit

pytestmark = pytest.mark.django_db

_BUKAN_ISI = {"id", "code", "created_at", "updated_at", "instrumen", "aspek", "indikator"}


def _isi(objek) -> dict:
    return {
        f.attname: getattr(objek, f.attname) for f in objek._meta.concrete_fields if f.name not in _BUKAN_ISI
    }


def _rangkuman(instrumen: InstrumenVersi) -> dict:
    """Seluruh isi instrumen tanpa identitas baris, untuk membandingkan asli dan salinan."""
    return {
        "aspek": [
            (
                _isi(a),
                [(_isi(i), [_isi(s) for s in i.slot_bukti.all()]) for i in a.indikator.all()],
            )
            for a in instrumen.aspek.all()
        ],
        "kategori": [_isi(k) for k in instrumen.kategori.all()],
    }


def test_instrumen_2025_lolos_validasi(instrumen_2025):
    instrumen_validasi(instrumen=instrumen_2025)


def test_validasi_menolak_bobot_tersimpan_yang_tidak_seimbang(instrumen_2025):
    Indikator.objects.filter(aspek__instrumen=instrumen_2025, nomor=14).update(bobot=25)
    KategoriIPP.objects.filter(instrumen=instrumen_2025, kode="E").update(batas_atas=Decimal("1.40"))

    with pytest.raises(InstrumenTidakValid) as galat:
        instrumen_validasi(instrumen=instrumen_2025)

    assert galat.value.masalah == [
        "Jumlah bobot indikator aspek II (Profesionalisme SDM) = 95,00 % (harus 100 %).",
        "Celah antara kategori E dan D: IPP 1,41–1,50 tidak berkategori.",
    ]
    assert "95,00 %" in galat.value.pesan


def test_salin_menghasilkan_instrumen_yang_sama_sebagai_draf(instrumen_2025, admin_portal):
    salinan = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal)

    assert (salinan.tahun, salinan.jenis, salinan.aktif) == (2026, "A", False)
    assert salinan.nama == "PEKPPP 2026 Jenis A (luring)"
    urut = [(d.dasar_hukum_id, d.urutan) for d in instrumen_2025.dasar_hukum_urut.all()]
    assert [(d.dasar_hukum_id, d.urutan) for d in salinan.dasar_hukum_urut.all()] == urut and urut
    assert salinan.code != instrumen_2025.code
    assert _rangkuman(salinan) == _rangkuman(instrumen_2025)
    assert Indikator.objects.filter(aspek__instrumen=salinan).count() == 31
    instrumen_validasi(instrumen=salinan)


def test_salinan_terlepas_dari_aslinya(instrumen_2025, admin_portal):
    salinan = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal, nama="Uji 2026")
    asli = _rangkuman(instrumen_2025)

    ind = Indikator.objects.get(aspek__instrumen=salinan, nomor=3)
    ind.opsi_f01["masukan"][0]["label"] = "diubah"
    ind.bobot = Decimal(9)
    ind.save()
    SlotBukti.objects.filter(indikator=ind).update(nama="diubah")
    Aspek.objects.filter(instrumen=salinan, kode="I").update(bobot=30)
    KategoriIPP.objects.filter(instrumen=salinan).delete()

    assert salinan.nama == "Uji 2026"
    assert _rangkuman(instrumen_2025) == asli
    assert Indikator.objects.filter(aspek__instrumen=instrumen_2025).count() == 31


def test_salin_dicatat_di_jejak_audit(instrumen_2025, admin_portal):
    salinan = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal)

    jejak = JejakAudit.objects.get(aksi="evaluasi.instrumen.disalin")
    assert jejak.object_id == str(salinan.pk)
    assert jejak.pengguna == admin_portal
    assert jejak.data == {"asal": str(instrumen_2025.code), "tahun_asal": 2025, "tahun": 2026}


def test_salin_ke_tahun_yang_sudah_ada_ditolak(instrumen_2025, admin_portal):
    with pytest.raises(DomainError, match="Instrumen jenis A tahun 2025 sudah ada"):
        instrumen_salin(instrumen=instrumen_2025, tahun=2025, oleh=admin_portal)
    assert InstrumenVersi.objects.count() == 1


def test_salin_hanya_untuk_admin_situs(instrumen_2025, operator_dinkes):
    with pytest.raises(PermissionDenied):
        instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=operator_dinkes)
    assert not InstrumenVersi.objects.filter(tahun=2026).exists()


def test_aktifkan_menolak_draf_tidak_valid_dan_menerima_yang_valid(instrumen_2025, biro):
    draf = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=biro)
    Aspek.objects.filter(instrumen=draf, kode="VI").update(bobot=10)

    with pytest.raises(InstrumenTidakValid, match=r"Jumlah bobot aspek = 98,00 % \(harus 100 %\)"):
        instrumen_aktifkan(instrumen=draf, oleh=biro)
    draf.refresh_from_db()
    assert not draf.aktif

    Aspek.objects.filter(instrumen=draf, kode="VI").update(bobot=12)
    instrumen_aktifkan(instrumen=draf, oleh=biro)
    draf.refresh_from_db()
    assert draf.aktif
    assert JejakAudit.objects.filter(aksi="evaluasi.instrumen.diaktifkan", object_id=str(draf.pk)).exists()


def test_ubah_bobot_indikator_instrumen_aktif_ditolak(instrumen_2025, admin_portal):
    ind = Indikator.objects.get(aspek__instrumen=instrumen_2025, nomor=1)
    ind.bobot = Decimal(12)

    with pytest.raises(InstrumenTidakValid, match=r"aspek I \(Kebijakan Pelayanan\) = 95,00 %"):
        indikator_simpan(indikator=ind, oleh=admin_portal, field_diubah=["bobot"])

    assert Indikator.objects.get(pk=ind.pk).bobot == 17


def test_ubah_bobot_indikator_draf_diterima_dan_dicatat(instrumen_2025, admin_portal):
    draf = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal)
    ind = Indikator.objects.get(aspek__instrumen=draf, nomor=1)
    ind.bobot = Decimal(12)

    indikator_simpan(indikator=ind, oleh=admin_portal, field_diubah=["bobot"])

    assert Indikator.objects.get(pk=ind.pk).bobot == 12
    jejak = JejakAudit.objects.get(aksi="evaluasi.indikator.diubah")
    assert jejak.data == {"bobot": "12"}


def test_memindahkan_indikator_keluar_dari_instrumen_aktif_ditolak(instrumen_2025, admin_portal):
    draf = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal)
    ind = Indikator.objects.get(aspek__instrumen=instrumen_2025, nomor=29)
    ind.aspek = Aspek.objects.get(instrumen=draf, kode="VII")
    ind.nomor = 99

    with pytest.raises(InstrumenTidakValid, match=r"aspek VI \(Inovasi Pelayanan Publik\) = 50,00 %"):
        indikator_simpan(indikator=ind, oleh=admin_portal)


def test_nomor_indikator_unik_per_instrumen(instrumen_2025, admin_portal):
    draf = instrumen_salin(instrumen=instrumen_2025, tahun=2026, oleh=admin_portal)
    ind = Indikator.objects.get(aspek__instrumen=draf, nomor=31)
    ind.nomor = 5

    with pytest.raises(ValidationError, match="Nomor 5 sudah dipakai indikator lain pada instrumen ini"):
        indikator_simpan(indikator=ind, oleh=admin_portal)
