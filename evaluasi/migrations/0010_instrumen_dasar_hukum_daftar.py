"""Langkah 3/3: teks lama dibuang; ``InstrumenVersi.dasar_hukum`` kini daftar berurutan ``core.DasarHukum``."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0009_instrumen_dasar_hukum_dari_teks")]

    operations = [
        migrations.RemoveField(model_name="instrumenversi", name="dasar_hukum_teks"),
        migrations.AddField(
            model_name="instrumenversi",
            name="dasar_hukum",
            field=models.ManyToManyField(
                blank=True,
                related_name="instrumen",
                through="evaluasi.InstrumenDasarHukum",
                to="core.dasarhukum",
                verbose_name="dasar hukum",
            ),
        ),
    ]
