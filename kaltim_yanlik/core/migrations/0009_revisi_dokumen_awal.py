"""Revisi 1 bagi dokumen yang sudah selesai dibuat sebelum revisi ada: berkasnya yang sekarang, apa adanya."""

import uuid

from django.db import migrations


def buat_revisi_awal(apps, schema_editor):
    DokumenPDF = apps.get_model("core", "DokumenPDF")
    RevisiDokumen = apps.get_model("core", "RevisiDokumen")
    for dokumen in DokumenPDF.objects.exclude(berkas="").filter(revisi__isnull=True):
        RevisiDokumen.objects.create(
            code=uuid.uuid4(),
            dokumen=dokumen,
            nomor=1,
            berkas=dokumen.berkas.name,
            ukuran=dokumen.ukuran or 0,
            diminta_oleh_id=dokumen.diminta_oleh_id,
            diminta_pada=dokumen.diminta_pada,
            selesai_pada=dokumen.selesai_pada or dokumen.diminta_pada,
        )


def hapus_revisi_awal(apps, schema_editor):
    apps.get_model("core", "RevisiDokumen").objects.filter(nomor=1).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0008_revisi_dokumen")]

    operations = [migrations.RunPython(buat_revisi_awal, hapus_revisi_awal)]
