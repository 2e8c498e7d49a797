"""Versi 1 bagi siklus yang sudah dipublikasikan sebelum versi publikasi ada (mis. siklus demo 2025).

Potret disusun dari hasil yang tersimpan saat migrasi, dengan penyusun yang sama dengan service publikasi
(``evaluasi/potret.py``, yang hanya memakai registri app yang diberikan). Siklus diproses dari tahun terkecil
agar pembanding siklus berikutnya membaca potret versi 1 siklus sebelumnya.
"""

from django.db import migrations

from evaluasi.potret import susun_potret


def buat_versi_awal(apps, schema_editor):
    SiklusMonev = apps.get_model("evaluasi", "SiklusMonev")
    PublikasiSiklus = apps.get_model("evaluasi", "PublikasiSiklus")
    for siklus in SiklusMonev.objects.filter(dipublikasikan_pada__isnull=False).order_by("tahun"):
        if PublikasiSiklus.objects.filter(siklus=siklus).exists():
            continue
        PublikasiSiklus.objects.create(
            siklus=siklus,
            nomor=1,
            diterbitkan_pada=siklus.dipublikasikan_pada,
            oleh_id=siklus.dipublikasikan_oleh_id,
            potret=susun_potret(apps, siklus.pk),
        )


def hapus_versi_awal(apps, schema_editor):
    PublikasiSiklus = apps.get_model("evaluasi", "PublikasiSiklus")
    PublikasiSiklus.objects.filter(nomor=1, koreksi__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0011_versi_publikasi_dan_koreksi")]

    operations = [migrations.RunPython(buat_versi_awal, hapus_versi_awal)]
