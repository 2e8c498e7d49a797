"""Tabel kewenangan awal (akun.AturanKewenangan), dibaca berdampingan dengan Pergub Kaltim 8/2025 BAB 5–8.

- Pelaksana biasa: kasus disiapkan unitnya sendiri dan sanksi dijatuhkan Kepala Penyelenggara unit itu sendiri
  (BAB 7: "Sanksi administratif diberikan oleh Kepala Penyelenggara"); Kepala PD induk UPTD hanya membaca
  (pembinaan berjenjang, BAB 6 angka 2).
- Kepala Penyelenggara: Biro Organisasi menyiapkan berkas (pemanggilan, pemeriksaan, BAP), keputusan oleh
  Sekretaris Daerah, atau Biro mencatat keputusan Gubernur (BAB 6 angka 3).
- Keberatan kepada pejabat penerbit, banding kepada atasannya (UU 30/2014 Pasal 77–78; Pergub hanya menyebut
  "sesuai ketentuan peraturan perundang-undangan", jadi ini data yang dapat dikoreksi).
- Penghargaan Pelaksana oleh Kepala Penyelenggara; penghargaan Penyelenggara dengan Keputusan Gubernur yang
  dikoordinasikan Biro (BAB 5). Berita Acara evaluasi diketahui Kepala Biro Organisasi (BAB 8).
"""

from django.db import migrations

B7 = "Pergub 8/2025 BAB 7"
B63 = "Pergub 8/2025 BAB 6 angka 3"
P77 = "UU 30/2014 Pasal 77 (pejabat penerbit); Pergub 8/2025 BAB 7"
P78 = "UU 30/2014 Pasal 78 (atasan pejabat); Pergub 8/2025 BAB 7"
PL, KP, UNIT = "pelaksana", "kepala_penyelenggara", "penyelenggara"

# tindakan, subjek, jenis_unit, penerbit, pelaku, penanda_tangan, dasar
ATURAN = [
    ("buka_kasus", PL, "", "", "staf_unit", "", B7),
    ("buka_kasus", KP, "", "", "biro", "", f"{B63} (Biro menyiapkan)"),
    ("pemanggilan", PL, "", "", "staf_unit", "kepala_unit", f"{B7} huruf a"),
    ("pemanggilan", KP, "", "", "biro", "kepala_biro", f"{B63} (Biro menyiapkan)"),
    ("pemeriksaan", PL, "", "", "staf_unit", "", f"{B7} huruf b"),
    ("pemeriksaan", KP, "", "", "biro", "", f"{B63} (Biro menyiapkan)"),
    ("bap", PL, "", "", "staf_unit", "", f"{B7} huruf c"),
    ("bap", KP, "", "", "biro", "", f"{B63} (Biro menyiapkan)"),
    ("rujukan", PL, "", "", "staf_unit", "", f"{B7} (sanksi sesuai peraturan perundang-undangan)"),
    ("rujukan", KP, "", "", "biro", "", B63),
    ("jatuhkan_sanksi", PL, "", "", "kepala_unit", "kepala_unit",
     f"{B7}: sanksi administratif diberikan oleh Kepala Penyelenggara"),
    ("jatuhkan_sanksi", KP, "", "", "sekda", "sekda", f"{B63}: Sekretaris Daerah"),
    ("jatuhkan_sanksi", KP, "", "", "biro", "gubernur", f"{B63}: Gubernur (dicatat Biro)"),
    ("catat_keberatan", PL, "", "", "staf_unit", "", P77),
    ("catat_keberatan", KP, "", "", "biro", "", P77),
    ("putus_keberatan", PL, "", "kepala_unit", "kepala_unit", "kepala_unit", P77),
    ("putus_keberatan", KP, "", "sekda", "sekda", "sekda", P77),
    ("putus_keberatan", KP, "", "gubernur", "biro", "gubernur", P77),
    ("catat_banding", PL, "UPTD", "kepala_unit", "staf_induk", "", P78),
    ("catat_banding", PL, "PD", "kepala_unit", "biro", "", P78),
    ("catat_banding", PL, "PD", "kepala_unit", "sekda", "", P78),
    ("catat_banding", PL, "UOBK", "kepala_unit", "biro", "", P78),
    ("catat_banding", PL, "UOBK", "kepala_unit", "sekda", "", P78),
    ("catat_banding", KP, "", "sekda", "biro", "", P78),
    ("putus_banding", PL, "UPTD", "kepala_unit", "kepala_induk", "kepala_induk", P78),
    ("putus_banding", PL, "PD", "kepala_unit", "sekda", "sekda", P78),
    ("putus_banding", PL, "UOBK", "kepala_unit", "sekda", "sekda", P78),
    ("putus_banding", KP, "", "sekda", "biro", "gubernur", P78),
    ("penghargaan_pelaksana", PL, "", "", "kepala_unit", "kepala_unit", "Pergub 8/2025 BAB 5"),
    ("penghargaan_penyelenggara", UNIT, "", "", "biro", "gubernur",
     "Pergub 8/2025 BAB 5 (Keputusan Gubernur, dikoordinasikan unit kerja bidang organisasi)"),
    ("ttd_berita_acara_evaluasi", UNIT, "", "", "", "kepala_biro", "Pergub 8/2025 BAB 8"),
]  # fmt: skip


def pasang(apps, schema_editor):
    AturanKewenangan = apps.get_model("akun", "AturanKewenangan")
    for urutan, (tindakan, subjek, jenis_unit, penerbit, pelaku, ttd, dasar) in enumerate(ATURAN, start=1):
        AturanKewenangan.objects.update_or_create(
            tindakan=tindakan,
            subjek=subjek,
            jenis_unit=jenis_unit,
            penerbit=penerbit,
            pelaku=pelaku,
            defaults={"penanda_tangan": ttd, "dasar": dasar, "urutan": urutan * 10, "aktif": True},
        )


def lepas(apps, schema_editor):
    apps.get_model("akun", "AturanKewenangan").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("akun", "0003_sekda_pejabat_kewenangan")]

    operations = [migrations.RunPython(pasang, lepas)]
