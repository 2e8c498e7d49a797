"""Model SKM, RTL, dan Ombudsman pindah dari app ``evaluasi`` ke ``survei`` (isu 15): hanya *state*.

Tabel ``evaluasi_*`` beserta isinya tidak disentuh di sini; model ``survei`` sementara menunjuk tabel itu
lewat ``db_table``. Pasangannya ``evaluasi.0007`` menghapus model yang sama dari state ``evaluasi``;
``0002_tabel_survei`` lalu mengganti nama tabelnya, ``0003_jenis_konten_survei`` memindahkan ContentType.
Dapat dibalik: membalik migrasi ini hanya menghapus model dari state ``survei``.
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("evaluasi", "0007_skm_ombudsman_pindah_ke_survei"),
        ("kode_etik", "0002_norma_pergub_8_2025"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PeriodeSKM",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "code",
                            models.UUIDField(
                                default=uuid.uuid4, editable=False, unique=True, verbose_name="kode"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="diperbarui")),
                        ("nama", models.CharField(max_length=100)),
                        ("mulai", models.DateField()),
                        ("selesai", models.DateField()),
                        (
                            "populasi",
                            models.PositiveIntegerField(
                                help_text="Dasar target sampel Krejcie–Morgan.",
                                verbose_name="jumlah pengguna layanan",
                            ),
                        ),
                        (
                            "sumber",
                            models.CharField(
                                choices=[
                                    ("responden", "Jawaban responden (formulir/impor)"),
                                    ("nrr", "NRR per unsur dimasukkan unit"),
                                ],
                                default="responden",
                                max_length=10,
                            ),
                        ),
                        (
                            "menerima_jawaban",
                            models.BooleanField(default=True, verbose_name="formulir publik dibuka"),
                        ),
                        (
                            "nrr_u1",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u2",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u3",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u4",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u5",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u6",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u7",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u8",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "nrr_u9",
                            models.DecimalField(blank=True, decimal_places=3, max_digits=5, null=True),
                        ),
                        (
                            "jumlah_responden_nrr",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="jumlah responden (rekap NRR)"
                            ),
                        ),
                        (
                            "dibuat_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "penyelenggara",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="periode_skm",
                                to="kode_etik.penyelenggara",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "periode SKM",
                        "verbose_name_plural": "periode SKM",
                        "db_table": "evaluasi_periodeskm",
                        "ordering": ["penyelenggara", "-mulai"],
                    },
                ),
                migrations.CreateModel(
                    name="RencanaTindakLanjut",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "code",
                            models.UUIDField(
                                default=uuid.uuid4, editable=False, unique=True, verbose_name="kode"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="diperbarui")),
                        ("unsur", models.CharField(help_text="Kode unsur, mis. U9.", max_length=2)),
                        ("kegiatan", models.TextField()),
                        (
                            "penanggung_jawab",
                            models.CharField(max_length=150, verbose_name="penanggung jawab"),
                        ),
                        ("tenggat", models.DateField()),
                        (
                            "selesai_pada",
                            models.DateField(blank=True, null=True, verbose_name="selesai pada"),
                        ),
                        (
                            "keterangan_selesai",
                            models.TextField(blank=True, verbose_name="keterangan penyelesaian"),
                        ),
                        ("bukti", models.FileField(blank=True, max_length=255, upload_to="rtl/%Y/")),
                        ("nama_bukti", models.CharField(blank=True, max_length=255)),
                        (
                            "dibuat_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "periode",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="rtl",
                                to="survei.periodeskm",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rencana tindak lanjut SKM",
                        "verbose_name_plural": "rencana tindak lanjut SKM",
                        "db_table": "evaluasi_rencanatindaklanjut",
                        "ordering": ["periode", "tenggat", "created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="ResponSKM",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("u1", models.PositiveSmallIntegerField()),
                        ("u2", models.PositiveSmallIntegerField()),
                        ("u3", models.PositiveSmallIntegerField()),
                        ("u4", models.PositiveSmallIntegerField()),
                        ("u5", models.PositiveSmallIntegerField()),
                        ("u6", models.PositiveSmallIntegerField()),
                        ("u7", models.PositiveSmallIntegerField()),
                        ("u8", models.PositiveSmallIntegerField()),
                        ("u9", models.PositiveSmallIntegerField()),
                        ("usia", models.CharField(blank=True, max_length=10)),
                        (
                            "jenis_kelamin",
                            models.CharField(blank=True, max_length=1, verbose_name="jenis kelamin"),
                        ),
                        ("pendidikan", models.CharField(blank=True, max_length=20)),
                        ("pekerjaan", models.CharField(blank=True, max_length=30)),
                        ("saran", models.TextField(blank=True)),
                        (
                            "sumber",
                            models.CharField(
                                choices=[("formulir", "Formulir publik"), ("impor", "Impor berkas")],
                                default="formulir",
                                max_length=10,
                            ),
                        ),
                        ("diterima_pada", models.DateTimeField(db_index=True)),
                        (
                            "jenis_layanan",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="kode_etik.jenislayanan",
                            ),
                        ),
                        (
                            "periode",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="respons",
                                to="survei.periodeskm",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "respons SKM",
                        "verbose_name_plural": "respons SKM",
                        "db_table": "evaluasi_responskm",
                        "ordering": ["periode", "diterima_pada", "id"],
                    },
                ),
                migrations.CreateModel(
                    name="ZonaOmbudsman",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("tahun_mulai", models.PositiveSmallIntegerField()),
                        (
                            "tahun_selesai",
                            models.PositiveSmallIntegerField(
                                blank=True, help_text="Kosong: masih berlaku.", null=True
                            ),
                        ),
                        (
                            "zona",
                            models.CharField(
                                choices=[("hijau", "Hijau"), ("kuning", "Kuning"), ("merah", "Merah")],
                                max_length=6,
                            ),
                        ),
                        ("batas_bawah", models.DecimalField(decimal_places=2, max_digits=5)),
                        ("batas_atas", models.DecimalField(decimal_places=2, max_digits=5)),
                    ],
                    options={
                        "verbose_name": "zona Ombudsman",
                        "verbose_name_plural": "zona Ombudsman",
                        "db_table": "evaluasi_zonaombudsman",
                        "ordering": ["-tahun_mulai", "-batas_bawah"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("batas_atas__lte", 100),
                                    ("batas_bawah__gte", 0),
                                    ("batas_bawah__lte", models.F("batas_atas")),
                                ),
                                name="zona_ombudsman_batas_0_100",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="KepatuhanOmbudsman",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "code",
                            models.UUIDField(
                                default=uuid.uuid4, editable=False, unique=True, verbose_name="kode"
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dibuat")),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="diperbarui")),
                        ("tahun", models.PositiveSmallIntegerField()),
                        ("nilai", models.DecimalField(decimal_places=2, max_digits=5)),
                        (
                            "zona",
                            models.CharField(
                                choices=[("hijau", "Hijau"), ("kuning", "Kuning"), ("merah", "Merah")],
                                max_length=6,
                            ),
                        ),
                        (
                            "grade",
                            models.CharField(
                                blank=True, help_text="Opini/kualitas, mis. A–E (2022–).", max_length=2
                            ),
                        ),
                        (
                            "dicatat_oleh",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "penyelenggara",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="kepatuhan_ombudsman",
                                to="kode_etik.penyelenggara",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "kepatuhan Ombudsman",
                        "verbose_name_plural": "kepatuhan Ombudsman",
                        "db_table": "evaluasi_kepatuhanombudsman",
                        "ordering": ["penyelenggara", "-tahun"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("penyelenggara", "tahun"), name="kepatuhan_ombudsman_unik"
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("nilai__gte", 0), ("nilai__lte", 100)),
                                name="kepatuhan_ombudsman_0_100",
                            ),
                        ],
                    },
                ),
                migrations.AddConstraint(
                    model_name="periodeskm",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("mulai__lte", models.F("selesai"))),
                        name="periode_skm_mulai_sebelum_selesai",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="periodeskm",
                    constraint=models.UniqueConstraint(
                        fields=("penyelenggara", "mulai", "selesai"), name="periode_skm_unik"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="periodeskm",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("populasi__gte", 1)), name="periode_skm_populasi_positif"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="rencanatindaklanjut",
                    constraint=models.CheckConstraint(
                        condition=models.Q(("unsur__regex", "^U[1-9]$")), name="rtl_unsur_u1_u9"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="rencanatindaklanjut",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("selesai_pada__isnull", True),
                            models.Q(("bukti", ""), _negated=True),
                            _connector="OR",
                        ),
                        name="rtl_selesai_berbukti",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="responskm",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            ("u1__gte", 1),
                            ("u2__gte", 1),
                            ("u3__gte", 1),
                            ("u4__gte", 1),
                            ("u5__gte", 1),
                            ("u6__gte", 1),
                            ("u7__gte", 1),
                            ("u8__gte", 1),
                            ("u9__gte", 1),
                            ("u1__lte", 4),
                            ("u2__lte", 4),
                            ("u3__lte", 4),
                            ("u4__lte", 4),
                            ("u5__lte", 4),
                            ("u6__lte", 4),
                            ("u7__lte", 4),
                            ("u8__lte", 4),
                            ("u9__lte", 4),
                        ),
                        name="respons_skm_nilai_1_4",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
