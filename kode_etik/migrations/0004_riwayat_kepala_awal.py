"""Riwayat Kepala Penyelenggara awal: Kepala yang tercatat sekarang menjabat "sejak sebelum tercatat".

Tanggal mulainya tidak diketahui (kosong); Biro dapat mengisinya di admin. Pergantian berikutnya lewat
``penyelenggara_simpan`` menutup masa ini dan membuka masa Kepala baru.
"""

from django.db import migrations


def pasang(apps, schema_editor):
    Penyelenggara = apps.get_model("kode_etik", "Penyelenggara")
    RiwayatKepala = apps.get_model("kode_etik", "RiwayatKepala")
    for unit in Penyelenggara.objects.filter(kepala__isnull=False):
        if not RiwayatKepala.objects.filter(penyelenggara=unit).exists():
            RiwayatKepala.objects.create(penyelenggara=unit, pelaksana_id=unit.kepala_id)


def lepas(apps, schema_editor):
    apps.get_model("kode_etik", "RiwayatKepala").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kode_etik", "0003_atasan_riwayat_kepala_penempatan")]

    operations = [migrations.RunPython(pasang, lepas)]
