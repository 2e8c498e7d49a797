from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

from kode_etik.models import nip_validator


class Peran(models.TextChoices):
    ADMIN = "admin", "Admin"
    BIRO = "biro", "Biro Organisasi"
    PIMPINAN = "pimpinan", "Pimpinan"
    KEPALA = "kepala", "Kepala Penyelenggara"
    OPERATOR = "operator", "Operator"


# Peran yang terikat pada satu Penyelenggara; peran lain berlingkup provinsi.
PERAN_UNIT = {Peran.KEPALA, Peran.OPERATOR}


class PenggunaManager(UserManager):
    """``createsuperuser`` membuat akun ber-peran admin: peran bawaan (operator) wajib terikat unit."""

    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("peran", Peran.ADMIN)
        extra_fields.setdefault("nama", username)
        return super().create_superuser(username, email, password, **extra_fields)


class Pengguna(AbstractUser):
    """Akun portal. Hak aksesnya ditentukan oleh ``peran`` dan ``penyelenggara`` (lihat akun/akses.py)."""

    nama = models.CharField(max_length=150)
    nip = models.CharField("NIP", max_length=18, blank=True, validators=[nip_validator])
    peran = models.CharField(max_length=10, choices=Peran.choices, default=Peran.OPERATOR)
    penyelenggara = models.ForeignKey(
        "kode_etik.Penyelenggara",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="pengguna",
    )

    objects = PenggunaManager()

    class Meta:
        ordering = ["nama", "username"]
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(peran__in=[p.value for p in Peran]), name="pengguna_peran_valid"
            ),
            # Kepala dan operator selalu terikat pada satu unit; tanpa unit mereka tidak melihat apa pun.
            models.CheckConstraint(
                condition=~models.Q(peran__in=["kepala", "operator"], penyelenggara__isnull=True),
                name="pengguna_unit_wajib_untuk_peran_unit",
            ),
        ]

    def __str__(self):
        return self.nama or self.username

    def get_full_name(self):
        return self.nama or self.username
