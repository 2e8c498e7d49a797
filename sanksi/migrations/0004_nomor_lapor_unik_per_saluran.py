"""Nomor tiket pengaduan (mis. SP4N-LAPOR!) unik per saluran.

Data lama yang sudah ganda tidak digabung diam-diam: migrasi berhenti dengan daftar kode lacaknya, agar
petugas memutuskan pengaduan mana yang dipertahankan (nomor pada yang lain dikosongkan lewat admin/portal).
"""

from django.db import migrations, models
from django.db.models import Count


def periksa_ganda(apps, schema_editor):
    Pengaduan = apps.get_model("sanksi", "Pengaduan")
    ganda = (
        Pengaduan.objects.exclude(nomor_lapor="")
        .values("saluran", "nomor_lapor")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    daftar = []
    for baris in ganda:
        kode = Pengaduan.objects.filter(
            saluran=baris["saluran"], nomor_lapor=baris["nomor_lapor"]
        ).values_list("kode_lacak", flat=True)
        daftar.append(f"{baris['saluran']} {baris['nomor_lapor']}: {', '.join(kode)}")
    if daftar:
        raise RuntimeError(
            "Nomor pengaduan ganda per saluran harus dibereskan dulu (kosongkan nomor pada salinan): "
            + "; ".join(daftar)
        )


class Migration(migrations.Migration):
    dependencies = [("sanksi", "0003_upaya_administratif_awal")]

    operations = [
        migrations.RunPython(periksa_ganda, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="pengaduan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("nomor_lapor", ""), _negated=True),
                fields=("saluran", "nomor_lapor"),
                name="pengaduan_nomor_lapor_unik_per_saluran",
            ),
        ),
    ]
