"""Aturan upaya administratif awal dan pengisian kolom baru kasus yang sudah ada.

Bawaan (belum dikonfirmasi Biro Hukum): UU 30/2014 Pasal 77 — keberatan paling lama 21 hari kerja sejak
keputusan diumumkan, diputus paling lama 10 hari kerja; Pasal 78 — banding paling lama 10 hari kerja sejak
keputusan keberatan, diputus paling lama 10 hari kerja. Batas sanksi yang sudah terbit tidak diubah (naskahnya
sudah tercetak); keberatan yang sudah ada diberi batas keputusan menurut hari kerja.
"""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone

DASAR = "UU 30/2014 Pasal 77–78"
KETERANGAN = (
    "Pergub 8/2025 BAB 7 hanya menyebut keberatan “sesuai dengan ketentuan peraturan perundang-undangan”. "
    "Bawaan dari UU 30/2014; belum dikonfirmasi Biro Hukum."
)
ATURAN = [("keberatan", 21, 10, DASAR), ("banding", 10, 10, DASAR)]


def _tambah_hari_kerja(libur, tanggal, n):
    hari = tanggal
    while n:
        hari += timedelta(days=1)
        if hari.weekday() < 5 and hari not in libur:
            n -= 1
    return hari


def pasang(apps, schema_editor):
    Aturan = apps.get_model("sanksi", "AturanUpayaAdministratif")
    for jenis, ajukan, putus, dasar in ATURAN:
        Aturan.objects.update_or_create(
            jenis=jenis,
            defaults={"hari_kerja_ajukan": ajukan, "hari_kerja_putus": putus, "dasar_hukum": dasar,
                      "terkonfirmasi": False, "keterangan": KETERANGAN},
        )  # fmt: skip
    libur = set(apps.get_model("core", "HariLibur").objects.values_list("tanggal", flat=True))
    Sanksi = apps.get_model("sanksi", "Sanksi")
    # Kasus Kepala Penyelenggara yang sudah bersanksi: keputusannya kini milik Sekretaris Daerah.
    Sanksi.objects.filter(pelanggaran__ditangani_biro=True).update(penanda_tangan="sekda")
    Keberatan = apps.get_model("sanksi", "Keberatan")
    for k in Keberatan.objects.all():
        k.batas_putus = _tambah_hari_kerja(libur, k.tanggal_diterima, 10)
        if k.diputus_pada:
            k.tanggal_putusan = timezone.localtime(k.diputus_pada).date()
            k.penanda_tangan = "sekda" if k.sanksi.pelanggaran.ditangani_biro else "kepala_unit"
        if k.keputusan == "ditolak" and k.tanggal_putusan:
            k.batas_banding = _tambah_hari_kerja(libur, k.tanggal_putusan, 10)
        k.save()


def lepas(apps, schema_editor):
    apps.get_model("sanksi", "AturanUpayaAdministratif").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sanksi", "0002_upaya_administratif_banding_penempatan"),
        ("core", "0006_hari_libur_2026_dasar_hukum_awal"),
    ]

    operations = [migrations.RunPython(pasang, lepas)]
