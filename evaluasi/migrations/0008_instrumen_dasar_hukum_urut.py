"""Dasar hukum instrumen menjadi daftar berurutan ``core.DasarHukum`` (langkah 1/3: tabel penghubung; teks lama
disimpan sementara sebagai ``dasar_hukum_teks``)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_hari_libur_2026_dasar_hukum_awal"),
        ("evaluasi", "0007_skm_ombudsman_pindah_ke_survei"),
    ]

    operations = [
        migrations.RenameField(
            model_name="instrumenversi", old_name="dasar_hukum", new_name="dasar_hukum_teks"
        ),
        migrations.CreateModel(
            name="InstrumenDasarHukum",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("urutan", models.PositiveSmallIntegerField(default=0)),
                (
                    "dasar_hukum",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.dasarhukum"
                    ),
                ),
                (
                    "instrumen",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="dasar_hukum_urut",
                        to="evaluasi.instrumenversi",
                    ),
                ),
            ],
            options={
                "verbose_name": "dasar hukum instrumen",
                "verbose_name_plural": "dasar hukum instrumen",
                "ordering": ["instrumen", "urutan", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("instrumen", "dasar_hukum"), name="instrumen_dasar_hukum_unik"
                    )
                ],
            },
        ),
    ]
