import uuid

from django.conf import settings
from django.db import models


class BaseModel(models.Model):
    """Dasar setiap objek domain: kode UUID publik untuk URL (bukan id berurutan) dan cap waktu."""

    code = models.UUIDField("kode", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    updated_at = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        abstract = True


class JejakAudit(models.Model):
    """Satu perubahan keadaan: siapa, kapan, apa (kode aksi), pada objek mana, dengan data apa."""

    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aksi = models.CharField(max_length=80, db_index=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    objek_repr = models.CharField("objek", max_length=255)
    # Unit pemilik objek, agar jejak dapat disaring per Penyelenggara tanpa membuka objeknya.
    penyelenggara_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-waktu", "-id"]
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi} {self.objek_repr}"


class Notifikasi(models.Model):
    """Pemberitahuan di portal untuk satu pengguna; e-mail yang sama dikirim lewat tugas Celery.

    ``kunci`` mencegah pemberitahuan ganda ketika pengirimnya (mis. pengingat terjadwal) dijalankan ulang.
    """

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi"
    )
    judul = models.CharField(max_length=200)
    isi = models.TextField(blank=True)
    tautan = models.CharField(max_length=255, blank=True)
    kunci = models.CharField(max_length=150, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True, db_index=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat", "-id"]
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        constraints = [
            models.UniqueConstraint(
                fields=["penerima", "kunci"], condition=~models.Q(kunci=""), name="notifikasi_kunci_unik"
            )
        ]

    def __str__(self):
        return self.judul
