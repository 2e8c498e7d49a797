"""``manage.py demo``: isi portal dengan data contoh dan akun demo setiap peran.

Setiap app menyumbang langkahnya sendiri lewat modul ``<app>/demo.py`` yang berisi ``LANGKAH``: daftar
``(urutan, fungsi)``. Perintah ini mengumpulkan dan menjalankannya berurutan, sehingga ``core`` tidak
bergantung pada app domain mana pun. Setiap langkah idempoten: perintah aman dijalankan berulang kali.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def kumpulkan_langkah() -> list:
    langkah = []
    for config in apps.get_app_configs():
        nama_modul = f"{config.name}.demo"
        if find_spec(nama_modul) is None:
            continue
        langkah.extend(getattr(import_module(nama_modul), "LANGKAH", []))
    return sorted(langkah, key=lambda item: item[0])


class Command(BaseCommand):
    help = "Muat data contoh dan akun demo (aman dijalankan berulang)."

    def handle(self, *args, **options):
        konteks: dict = {"stdout": self.stdout, "style": self.style}
        with transaction.atomic():
            for _urutan, fungsi in kumpulkan_langkah():
                fungsi(konteks)
        self.stdout.write(self.style.SUCCESS("Data demo siap."))
