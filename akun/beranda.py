"""Kartu beranda yang disumbangkan app lain.

App di sebelah kanan ``akun`` (evaluasi, sanksi, penghargaan) tidak boleh diimpor dari sini; masing-masing
menyediakan ``<app>/beranda.py`` dengan ``kartu_beranda(user) -> list[dict]`` (kunci ``template`` dan
``konteks``), dikumpulkan saat beranda dibuka.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def kartu_untuk(*, user) -> list[dict]:
    kartu = []
    for config in apps.get_app_configs():
        nama = f"{config.name}.beranda"
        if config.name == "akun" or find_spec(nama) is None:
            continue
        kartu.extend(import_module(nama).kartu_beranda(user))
    return kartu
