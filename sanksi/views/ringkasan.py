"""Ringkasan penegakan kode etik per unit dan periode (Biro: semua unit; OPD: unitnya sendiri)."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.grafik import batang_vertikal, tampilkan
from kode_etik.selectors import penyelenggara_pilihan_for_user

from .. import selectors
from ..ringkasan import Periode, ringkasan_penegakan

PER_HALAMAN = 25


class SaringRingkasanForm(forms.Form):
    tahun = forms.IntegerField(min_value=2020, max_value=2100, required=False)
    unit = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, *args, pilihan_unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "Semua unit dalam jangkauan"), *pilihan_unit]
        self.fields["tahun"].widget.attrs.update({"class": "form-control"})
        self.fields["unit"].widget.attrs.update({"class": "form-select"})


@login_required
def ringkasan(request):
    user = request.user
    akses.wajib(user, Kemampuan.LIHAT_PENEGAKAN)
    pilihan = list(penyelenggara_pilihan_for_user(user=user).values_list("pk", "nama"))
    tahun_ini = timezone.localdate().year
    saring = SaringRingkasanForm(request.GET or None, initial={"tahun": tahun_ini}, pilihan_unit=pilihan)
    data = saring.cleaned_data if saring.is_valid() else {}
    tahun = data.get("tahun") or tahun_ini
    hasil = ringkasan_penegakan(user=user, periode=Periode.tahun(tahun), unit_id=data.get("unit"))
    # Digambar saat dilihat (sekali per data: SVG tersimpan dipakai ulang): grafik ini berbeda per lingkup
    # akun, unit, dan tahun, sehingga tidak disiapkan di latar.
    grafik = tampilkan(
        batang_vertikal(
            [larangan.huruf for larangan, *_ in hasil.kasus_per_larangan],
            [n for _, n, *_ in hasil.kasus_per_larangan],
            judul=f"Kasus per huruf Larangan Pasal 10, tahun {tahun}",
        )
    )
    return render(
        request,
        "sanksi/ringkasan/ringkasan.html",
        {
            "saring": saring,
            "pilihan_unit": pilihan,
            "tahun": tahun,
            "hasil": hasil,
            # Tabel per Penyelenggara berhalaman: baris yang dirender tetap berapa pun jumlah unitnya.
            "per_unit": Paginator(hasil.per_unit, PER_HALAMAN).get_page(request.GET.get("halaman")),
            "grafik": grafik,
            "semua_unit": akses.menjangkau_semua_unit(user),
            "lewat_batas": selectors.upaya_lewat_batas(user=user).count(),
        },
    )
