"""Langkah 2/3: teks dasar hukum setiap instrumen (mis. "PermenPANRB 29/2022 jo. 4/2023; Pedoman MenPANRB
5/2023") dipecah per titik koma dan dicocokkan dengan ``core.DasarHukum`` (nomor/tahun atau sebutan ringkas).
Bagian yang tidak dikenali menjadi baris dasar hukum "lainnya" yang belum terkonfirmasi, agar tidak ada teks
yang hilang; admin melengkapinya.
"""

import re

from django.db import migrations
from django.utils.text import slugify

NOMOR_TAHUN = re.compile(r"(\d+)\s*/\s*(\d{4})")


def _cocokkan(DasarHukum, bagian: str):
    sebutan = DasarHukum.objects.filter(singkatan__iexact=bagian).first()
    if sebutan:
        return sebutan
    cocok = NOMOR_TAHUN.search(bagian)
    if not cocok:
        return None
    nomor, tahun = cocok.groups()
    kandidat = DasarHukum.objects.filter(nomor=nomor, tahun=int(tahun))
    jenis = "pedoman" if "pedoman" in bagian.lower() else None
    if jenis:
        kandidat = kandidat.filter(jenis=jenis)
    return kandidat.first()


def _baru(DasarHukum, bagian: str, tahun_instrumen: int):
    cocok = NOMOR_TAHUN.search(bagian)
    kode = slugify(bagian)[:50] or "dasar-hukum"
    while DasarHukum.objects.filter(kode=kode).exists():
        kode = f"{kode[:45]}-{DasarHukum.objects.count()}"
    return DasarHukum.objects.create(
        kode=kode, jenis="lainnya", nomor=cocok.group(1) if cocok else "-",
        tahun=int(cocok.group(2)) if cocok else tahun_instrumen, tentang=bagian[:300], singkatan=bagian[:80],
        urutan=90, terkonfirmasi=False, catatan="Dari teks dasar hukum instrumen; lengkapi jenis, nomor, judul.",
    )  # fmt: skip


def pindahkan(apps, schema_editor):
    InstrumenVersi = apps.get_model("evaluasi", "InstrumenVersi")
    InstrumenDasarHukum = apps.get_model("evaluasi", "InstrumenDasarHukum")
    DasarHukum = apps.get_model("core", "DasarHukum")
    for instrumen in InstrumenVersi.objects.exclude(dasar_hukum_teks=""):
        bagian = [
            b.strip(" .") for b in instrumen.dasar_hukum_teks.replace("\n", ";").split(";") if b.strip()
        ]
        for urutan, teks in enumerate(bagian, start=1):
            dh = _cocokkan(DasarHukum, teks) or _baru(DasarHukum, teks, instrumen.tahun)
            InstrumenDasarHukum.objects.get_or_create(
                instrumen=instrumen, dasar_hukum=dh, defaults={"urutan": urutan}
            )


def kembalikan(apps, schema_editor):
    InstrumenVersi = apps.get_model("evaluasi", "InstrumenVersi")
    InstrumenDasarHukum = apps.get_model("evaluasi", "InstrumenDasarHukum")
    for instrumen in InstrumenVersi.objects.all():
        urut = InstrumenDasarHukum.objects.filter(instrumen=instrumen).order_by("urutan", "id")
        instrumen.dasar_hukum_teks = "; ".join(x.dasar_hukum.singkatan for x in urut)
        instrumen.save(update_fields=["dasar_hukum_teks"])


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0008_instrumen_dasar_hukum_urut")]

    operations = [migrations.RunPython(pindahkan, kembalikan)]
