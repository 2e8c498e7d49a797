"""Bacaan untuk beranda dan navigasi, disusun dari kebijakan akses."""

from django.db.models import Count, Q

from kode_etik import selectors as kode_etik_selectors

from . import akses
from .akses import Kemampuan


def ringkasan_beranda(*, user) -> dict:
    """Angka ringkas untuk beranda: unit dan Pelaksana dalam lingkup pengguna (dua kueri)."""
    unit = kode_etik_selectors.penyelenggara_qs_for_user(user=user).filter(aktif=True)
    per_jenis = unit.aggregate(
        total=Count("pk"),
        pd=Count("pk", filter=Q(jenis="PD")),
        uobk=Count("pk", filter=Q(jenis="UOBK")),
        uptd=Count("pk", filter=Q(jenis="UPTD")),
    )
    pelaksana = kode_etik_selectors.pelaksana_qs_for_user(user=user).filter(aktif=True)
    return {"unit": per_jenis, "jumlah_pelaksana": pelaksana.count()}


def menu_untuk(*, user) -> list[dict]:
    """Menu navigasi sesuai kemampuan peran; item yang tidak boleh diakses tidak ditampilkan."""
    item = [
        ("Beranda", "beranda", "house", None),
        ("Penyelenggara", "kode_etik:penyelenggara_list", "building", Kemampuan.LIHAT_PENYELENGGARA),
        ("Pelaksana", "kode_etik:pelaksana_list", "people", Kemampuan.LIHAT_PELAKSANA),
        ("Monev", "evaluasi:siklus_daftar", "clipboard-data", Kemampuan.LIHAT_SEMUA_UNIT),
        ("Evaluasi", "evaluasi:daftar", "clipboard-check", Kemampuan.LIHAT_EVALUASI),
        ("Penegakan", "sanksi:pengaduan_daftar", "shield-check", Kemampuan.LIHAT_PENEGAKAN),
        ("Kode Etik", "kode_etik:publik", "journal-text", None),
        ("Admin", "admin:index", "gear", Kemampuan.ADMIN_SITUS),
    ]
    return [
        {"judul": judul, "url": url, "ikon": ikon}
        for judul, url, ikon, kemampuan in item
        if kemampuan is None or akses.boleh(user, kemampuan)
    ]
