"""ContentType kelima model yang pindah berganti label app ``evaluasi`` → ``survei`` (isu 15).

Jejak audit (``core.JejakAudit``), dokumen PDF (``core.DokumenPDF``, mis. Laporan SKM), dan log admin menunjuk
objeknya lewat ContentType. Baris ContentType yang sama diganti labelnya, sehingga pk-nya tetap dan setiap
tautan generik tetap menunjuk objek yang sama; izin (``auth.Permission``) menempel pada baris itu dan ikut.
Baris jejak audit tidak diubah sama sekali (kode aksinya ``evaluasi.skm.*`` adalah pengenal historis).

Bila label baru sudah ada berdampingan dengan yang lama (``post_migrate`` sempat membuatnya, mis. setelah
``migrate`` sebagian), rujukan ke baris baru dipindah ke baris lama dan baris baru dibuang: yang tersisa
selalu baris lama, dengan label baru. Dapat dibalik dengan fungsi yang sama ke arah sebaliknya.
"""

from django.db import IntegrityError, migrations, transaction

MODEL = ("periodeskm", "responskm", "rencanatindaklanjut", "zonaombudsman", "kepatuhanombudsman")


def _fk_ke(apps, sasaran):
    """(model, nama field) setiap FK ke model ``sasaran`` di state migrasi."""
    return [
        (model, f.name)
        for model in apps.get_models()
        for f in model._meta.get_fields()
        if f.many_to_one and f.concrete and f.related_model is sasaran
    ]


def _m2m_ke(apps, sasaran):
    """(tabel perantara, kolom pemilik, kolom sasaran) setiap M2M ke ``sasaran`` (izin grup dan pengguna)."""
    return [
        (f.remote_field.through, f.m2m_field_name(), f.m2m_reverse_field_name())
        for model in apps.get_models()
        for f in model._meta.many_to_many
        if f.related_model is sasaran
    ]


def _lebur_izin(apps, db, *, dari, ke):
    """Izin ContentType ``dari`` pindah ke ``ke``; izin kembar (codename sama) dilebur beserta penugasannya."""
    Permission = apps.get_model("auth", "Permission")
    perantara = _m2m_ke(apps, Permission)
    for izin in Permission.objects.using(db).filter(content_type=dari):
        kembar = Permission.objects.using(db).filter(content_type=ke, codename=izin.codename).first()
        if kembar is None:
            izin.content_type = ke
            izin.save(update_fields=["content_type"])
            continue
        for through, pemilik, kolom in perantara:
            sudah = (
                through.objects.using(db).filter(**{kolom: kembar}).values_list(f"{pemilik}_id", flat=True)
            )
            baris = through.objects.using(db).filter(**{kolom: izin})
            baris.exclude(**{f"{pemilik}_id__in": list(sudah)}).update(**{kolom: kembar})
        izin.delete()


def _lebur(apps, db, *, dari, ke):
    """Setiap rujukan ke ContentType ``dari`` dipindah ke ``ke``, lalu ``dari`` dibuang."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    _lebur_izin(apps, db, dari=dari, ke=ke)
    for model, field in _fk_ke(apps, ContentType):
        if model._meta.label == "auth.Permission":
            continue
        try:
            with transaction.atomic(using=db):
                model.objects.using(db).filter(**{field: dari}).update(**{field: ke})
        except IntegrityError:
            raise RuntimeError(
                f"{model._meta.label} memuat baris untuk objek yang sama di bawah ContentType "
                f"{dari.app_label}.{dari.model} dan {ke.app_label}.{ke.model}; hapus salah satunya lalu "
                "jalankan migrate lagi."
            ) from None
    dari.delete()


def _pindah_label(apps, schema_editor, asal, tujuan):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for nama in MODEL:
        lama = ContentType.objects.using(db).filter(app_label=asal, model=nama).first()
        if lama is None:
            continue  # basis data baru: ContentType dibuat post_migrate dengan label yang benar
        baru = ContentType.objects.using(db).filter(app_label=tujuan, model=nama).first()
        if baru is not None:
            _lebur(apps, db, dari=baru, ke=lama)
        lama.app_label = tujuan
        lama.save(update_fields=["app_label"])


def maju(apps, schema_editor):
    _pindah_label(apps, schema_editor, "evaluasi", "survei")


def mundur(apps, schema_editor):
    _pindah_label(apps, schema_editor, "survei", "evaluasi")


class Migration(migrations.Migration):
    dependencies = [
        ("survei", "0002_tabel_survei"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("core", "0004_jejak_audit_indeks"),
    ]

    operations = [migrations.RunPython(maju, mundur)]
