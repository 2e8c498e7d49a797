"""Migrasi pemindahan SKM, RTL, dan Ombudsman dari ``evaluasi`` ke ``survei`` tidak kehilangan apa pun.

Basis data dibawa mundur ke bentuk sebelum pemindahan (``evaluasi.0006``; tabel ``evaluasi_*``, ContentType
berlabel ``evaluasi`` seperti basis data yang dibuat dari main), diisi lewat model historis (periode,
jawaban, RTL berbukti berkas, Ombudsman, jejak audit dan dokumen PDF yang menunjuk periode, izin yang
ditugaskan), lalu dimigrasikan maju. Setiap baris, berkas, dan tautan generik harus utuh.

Hanya PostgreSQL: DDL-nya transaksional, sehingga seluruh uji (mundur, isi, maju) dibatalkan di akhir dan
basis data uji kembali ke keadaan terbaru walau uji gagal di tengah. SQLite menolak skema diubah di dalam
transaksi uji; migrasi yang sama di SQLite diperiksa oleh ``make demo`` pada klon baru.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik.core.models import DokumenPDF, JejakAudit
from survei import selectors
from survei.ikm import hitung_ikm
from survei.models import KepatuhanOmbudsman, PeriodeSKM, RencanaTindakLanjut, ResponSKM, ZonaOmbudsman

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="DDL transaksional hanya di PostgreSQL."),
]

SEBELUM = ("evaluasi", "0006_zona_ombudsman_awal")
MODEL = ("periodeskm", "responskm", "rencanatindaklanjut", "zonaombudsman", "kepatuhanombudsman")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JAWABAN = [[4, 4, 4, 4, 4, 4, 4, 4, 2], [3, 3, 3, 3, 3, 3, 3, 3, 2], [4, 3, 3, 3, 4, 4, 4, 3, 3]]


@pytest.fixture(autouse=True)
def _cache_content_type_bersih():
    # pk ContentType berubah di dalam uji dan kembali saat rollback; cache proses tidak boleh membawanya.
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def _mundur_ke_main():
    """Bentuk skema sebelum pemindahan; state historis seluruh proyek pada titik itu."""
    executor = MigrationExecutor(connection)
    executor.migrate([SEBELUM])
    graf = executor.loader.graph
    lain = [n for n in graf.leaf_nodes() if n[0] not in ("evaluasi", "survei")]
    return executor.loader.project_state([SEBELUM, *lain]).apps


def _label_main(apps):
    """Basis data dari main hanya mengenal ContentType ``evaluasi.*`` untuk kelima model itu."""
    ContentType_ = apps.get_model("contenttypes", "ContentType")
    ContentType_.objects.filter(app_label="survei", model__in=MODEL).update(app_label="evaluasi")
    return {m: ContentType_.objects.get(app_label="evaluasi", model=m) for m in MODEL}


def _isi_data_lama(apps, ct):
    """Data seperti di produksi sebelum pemindahan; kembalikan pk dan nilai yang harus bertahan."""
    m = apps.get_model
    unit = m("kode_etik", "Penyelenggara").objects.create(kode="PD-UJI", nama="Dinas Uji", singkatan="DU")
    user = m("akun", "Pengguna").objects.create(username="lama", nama="Lama", peran="biro")
    periode = m("evaluasi", "PeriodeSKM").objects.create(
        penyelenggara=unit, nama="Semester I 2025", mulai=date(2025, 1, 1), selesai=date(2025, 6, 30),
        populasi=800, dibuat_oleh=user,
    )  # fmt: skip
    nrr = m("evaluasi", "PeriodeSKM").objects.create(
        penyelenggara=unit, nama="Semester II 2025", mulai=date(2025, 7, 1), selesai=date(2025, 12, 31),
        populasi=800, sumber="nrr", menerima_jawaban=False, jumlah_responden_nrr=120,
        **{f"nrr_u{i}": Decimal("3.250") for i in range(1, 10)},
    )  # fmt: skip
    for j in JAWABAN:
        nilai = {f"u{i}": v for i, v in enumerate(j, 1)}
        m("evaluasi", "ResponSKM").objects.create(
            periode=periode, diterima_pada=timezone.now(), saran="Antre lama", **nilai
        )
    bukti = default_storage.save("rtl/2025/bukti-lama.pdf", ContentFile(PDF))
    rtl = m("evaluasi", "RencanaTindakLanjut").objects.create(
        periode=periode, unsur="U9", kegiatan="Perbaiki ruang tunggu", penanggung_jawab="Kasubag Umum",
        tenggat=date(2025, 9, 30), selesai_pada=date(2025, 9, 1), bukti=bukti, nama_bukti="Bukti RTL.pdf",
    )  # fmt: skip
    m("evaluasi", "RencanaTindakLanjut").objects.create(
        periode=periode, unsur="U8", kegiatan="Kanal pengaduan daring", penanggung_jawab="Humas",
        tenggat=date(2025, 12, 15),
    )  # fmt: skip
    ombudsman = m("evaluasi", "KepatuhanOmbudsman").objects.create(
        penyelenggara=unit, tahun=2024, nilai=Decimal("81.25"), zona="hijau", grade="A", dicatat_oleh=user
    )
    m("evaluasi", "KepatuhanOmbudsman").objects.create(
        penyelenggara=unit, tahun=2025, nilai=Decimal("70.00"), zona="kuning", grade="C"
    )
    jejak = m("core", "JejakAudit").objects.create(
        aksi="evaluasi.skm.periode.dibuat", content_type=ct["periodeskm"], object_id=str(periode.pk),
        objek_repr="SKM Semester I 2025", penyelenggara_id=unit.pk, data={"nama": "Semester I 2025"},
    )  # fmt: skip
    berkas_dokumen = default_storage.save("dokumen/laporan-skm/lama.pdf", ContentFile(PDF))
    dokumen = m("core", "DokumenPDF").objects.create(
        jenis="laporan-skm", content_type=ct["periodeskm"], object_id=str(periode.pk), status="selesai",
        berkas=berkas_dokumen, nama_berkas="Laporan-SKM-DU-202501.pdf", diminta_pada=timezone.now(),
        penyelenggara_id=unit.pk,
    )  # fmt: skip
    izin = m("auth", "Permission").objects.get(content_type=ct["periodeskm"], codename="view_periodeskm")
    user.user_permissions.add(izin)
    respons = sorted(m("evaluasi", "ResponSKM").objects.values_list("pk", flat=True))
    return {
        "periode": periode.pk, "nrr": nrr.pk, "rtl": rtl.pk, "bukti": bukti, "ombudsman": ombudsman.pk,
        "jejak": jejak.pk, "dokumen": dokumen.pk, "user": user.pk, "respons": respons,
        "zona": m("evaluasi", "ZonaOmbudsman").objects.count(), "ct": {k: v.pk for k, v in ct.items()},
    }  # fmt: skip


def _maju_ke_terbaru():
    # FK PostgreSQL buatan Django DEFERRED: periksa sekarang agar ALTER TABLE tidak menabrak pemicu tertunda.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()
    assert not MigrationExecutor(connection).migration_plan(executor.loader.graph.leaf_nodes())


def test_migrasi_maju_dari_main_menjaga_baris_berkas_dan_tautan_generik(client):
    apps_lama = _mundur_ke_main()
    tabel = connection.introspection.table_names()
    assert "evaluasi_periodeskm" in tabel and "survei_periodeskm" not in tabel
    lama = _isi_data_lama(apps_lama, _label_main(apps_lama))

    _maju_ke_terbaru()

    tabel = connection.introspection.table_names()
    assert {f"survei_{m}" for m in MODEL} <= set(tabel)
    assert not {f"evaluasi_{m}" for m in MODEL} & set(tabel)
    # Baris: pk dan isi tetap.
    periode = PeriodeSKM.objects.get(pk=lama["periode"])
    assert (periode.nama, periode.populasi, periode.penyelenggara.kode, periode.dibuat_oleh.username) == (
        "Semester I 2025", 800, "PD-UJI", "lama",
    )  # fmt: skip
    assert sorted(ResponSKM.objects.values_list("pk", flat=True)) == lama["respons"]
    assert set(ResponSKM.objects.values_list("saran", flat=True)) == {"Antre lama"}
    assert PeriodeSKM.objects.get(pk=lama["nrr"]).nrr_u9 == Decimal("3.250")
    assert RencanaTindakLanjut.objects.filter(periode=periode).count() == 2
    assert KepatuhanOmbudsman.objects.get(pk=lama["ombudsman"]).nilai == Decimal("81.25")
    assert KepatuhanOmbudsman.objects.count() == 2
    assert ZonaOmbudsman.objects.count() == lama["zona"] > 0
    # IKM dihitung ulang dari jawaban yang dipindah: sama dengan jawaban yang sama dihitung langsung.
    hasil = selectors.hasil_periode(periode)
    nrr = [Decimal(sum(kolom)) / len(JAWABAN) for kolom in zip(*JAWABAN, strict=True)]
    assert (hasil.jumlah_responden, hasil.ikm) == (len(JAWABAN), hitung_ikm(nrr))
    assert selectors.ringkasan_rtl(periode).selesai == 1
    # Berkas bukti RTL: nama tersimpan sama, isi utuh, dan tetap tersaji lewat halamannya.
    rtl = RencanaTindakLanjut.objects.get(pk=lama["rtl"])
    assert rtl.bukti.name == lama["bukti"] and rtl.bukti.name.startswith("rtl/2025/")
    with rtl.bukti.open("rb") as f:
        assert f.read() == PDF
    # ContentType: baris yang sama (pk tetap) kini berlabel survei; tidak ada sisa berlabel evaluasi.
    for model, pk in lama["ct"].items():
        assert ContentType.objects.get(pk=pk).app_label == "survei", model
    assert not ContentType.objects.filter(app_label="evaluasi", model__in=MODEL).exists()
    assert ContentType.objects.get_for_model(PeriodeSKM).pk == lama["ct"]["periodeskm"]
    # Tautan generik: jejak audit dan dokumen PDF menunjuk periode yang sama; kode aksi historis tidak diubah.
    jejak = JejakAudit.objects.get(pk=lama["jejak"])
    assert jejak.content_type.get_object_for_this_type(pk=jejak.object_id) == periode
    assert jejak.aksi == "evaluasi.skm.periode.dibuat"
    dokumen = DokumenPDF.objects.get(pk=lama["dokumen"])
    assert dokumen.subjek == periode
    with dokumen.berkas.open("rb") as f:
        assert f.read() == PDF
    # Izin yang sudah ditugaskan ikut ContentType-nya.
    from akun.models import Pengguna

    pengguna = Pengguna.objects.get(pk=lama["user"])
    assert pengguna.user_permissions.filter(
        content_type__app_label="survei", codename="view_periodeskm"
    ).exists()
    # Halaman portal membaca semuanya lewat app baru.
    biro = Pengguna.objects.create_user(username="biro.uji", password="sandi-uji-123", peran="biro")
    client.force_login(biro)
    r = client.get(reverse("survei:rtl_bukti", args=[rtl.code]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
    assert client.get(reverse("dokumen_unduh", args=[dokumen.code])).status_code == 200


def test_migrasi_maju_meleburkan_content_type_kembar_dari_post_migrate():
    """``migrate`` sebagian membuat ``survei.*`` di samping ``evaluasi.*``: baris lama yang tersisa."""
    apps_lama = _mundur_ke_main()
    ContentType_ = apps_lama.get_model("contenttypes", "ContentType")
    ct = _label_main(apps_lama)
    lama = _isi_data_lama(apps_lama, ct)
    # Kembaran yang dibuat post_migrate, dengan izin otomatisnya dan satu jejak yang sempat tercatat.
    kembar = ContentType_.objects.create(app_label="survei", model="periodeskm")
    Permission = apps_lama.get_model("auth", "Permission")
    izin_kembar = Permission.objects.create(content_type=kembar, codename="view_periodeskm", name="Can view")
    apps_lama.get_model("akun", "Pengguna").objects.get(pk=lama["user"]).user_permissions.add(izin_kembar)
    jejak_kembar = apps_lama.get_model("core", "JejakAudit").objects.create(
        aksi="evaluasi.skm.periode.diubah",
        content_type=kembar,
        object_id=str(lama["periode"]),
        objek_repr="x",
    )

    _maju_ke_terbaru()

    assert not ContentType.objects.filter(pk=kembar.pk).exists()
    ct_periode = ContentType.objects.get_for_model(PeriodeSKM)
    assert ct_periode.pk == lama["ct"]["periodeskm"]
    assert JejakAudit.objects.get(pk=jejak_kembar.pk).content_type_id == ct_periode.pk
    assert JejakAudit.objects.get(pk=lama["jejak"]).content_type_id == ct_periode.pk
    from akun.models import Pengguna

    izin = Pengguna.objects.get(pk=lama["user"]).user_permissions.filter(codename="view_periodeskm")
    assert list(izin.values_list("content_type_id", flat=True)) == [ct_periode.pk]


def test_migrasi_dapat_dibalik_ke_tabel_dan_label_evaluasi():
    ct_periode = ContentType.objects.get_for_model(PeriodeSKM).pk
    _mundur_ke_main()
    tabel = connection.introspection.table_names()
    assert "evaluasi_periodeskm" in tabel and "survei_periodeskm" not in tabel
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label FROM django_content_type WHERE id = %s", [ct_periode])
        assert cursor.fetchone() == ("evaluasi",)
    _maju_ke_terbaru()
    assert ContentType.objects.get_for_model(PeriodeSKM).pk == ct_periode
