"""Ambang zona kepatuhan Ombudsman (regulations.md §4) sebagai data awal; admin dapat mengubahnya.

2015–2021 terkonfirmasi (hijau 81,00–100; kuning 51,00–80,99; merah 0–50,99). Sejak 2022 zona mengikuti
kategori A–E (hijau = A dan B, kuning = C, merah = D dan E); batas angkanya belum terkonfirmasi (ingatan:
B ≥ 78,01, C 57,01–78,00), maka dipasang sebagai data yang dapat diperbaiki, bukan konstanta kode.
"""

from decimal import Decimal

from django.db import migrations

ZONA = [
    (2015, 2021, "hijau", "81.00", "100.00"),
    (2015, 2021, "kuning", "51.00", "80.99"),
    (2015, 2021, "merah", "0.00", "50.99"),
    (2022, None, "hijau", "78.01", "100.00"),
    (2022, None, "kuning", "57.01", "78.00"),
    (2022, None, "merah", "0.00", "57.00"),
]


def pasang(apps, schema_editor):
    Zona = apps.get_model("evaluasi", "ZonaOmbudsman")
    if Zona.objects.exists():
        return
    Zona.objects.bulk_create(
        Zona(tahun_mulai=m, tahun_selesai=s, zona=z, batas_bawah=Decimal(b), batas_atas=Decimal(a))
        for m, s, z, b, a in ZONA
    )


def lepas(apps, schema_editor):
    apps.get_model("evaluasi", "ZonaOmbudsman").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0005_skm_rtl_ombudsman")]
    operations = [migrations.RunPython(pasang, lepas)]
