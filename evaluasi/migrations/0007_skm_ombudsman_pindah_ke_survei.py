"""SKM, RTL, dan Ombudsman pindah ke app ``survei`` (isu 15): model dihapus dari state ``evaluasi`` saja.

Tidak ada operasi basis data: tabel ``evaluasi_periodeskm``, ``evaluasi_responskm``,
``evaluasi_rencanatindaklanjut``, ``evaluasi_zonaombudsman``, dan ``evaluasi_kepatuhanombudsman`` tetap utuh
dan diambil alih ``survei.0001`` (lalu diganti nama oleh ``survei.0002``). Dapat dibalik: membaliknya
mengembalikan model ke state ``evaluasi``.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0006_zona_ombudsman_awal")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # Yang menunjuk PeriodeSKM lebih dulu, agar state tidak pernah memuat FK tanpa sasaran.
                migrations.DeleteModel(name="ResponSKM"),
                migrations.DeleteModel(name="RencanaTindakLanjut"),
                migrations.DeleteModel(name="KepatuhanOmbudsman"),
                migrations.DeleteModel(name="ZonaOmbudsman"),
                migrations.DeleteModel(name="PeriodeSKM"),
            ],
            database_operations=[],
        ),
    ]
