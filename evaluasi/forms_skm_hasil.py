"""Formulir RTL SKM dan hasil Ombudsman: hanya bentuk masukan; aturannya diperiksa service."""

from django import forms

from kode_etik.models import Penyelenggara

from .forms_bukti import TERIMA_BAKU
from .skm import UNSUR

_TEKS = {"class": "form-control"}
_TANGGAL = forms.DateInput(attrs={**_TEKS, "type": "date"}, format="%Y-%m-%d")


class RTLForm(forms.Form):
    unsur = forms.ChoiceField(
        choices=[(kode, f"{kode} {nama}") for kode, nama in UNSUR],
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"required": "Pilih unsur.", "invalid_choice": "Unsur harus U1 sampai U9."},
    )
    kegiatan = forms.CharField(
        max_length=2000, widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
        error_messages={"required": "Tuliskan kegiatan tindak lanjut."},
    )  # fmt: skip
    penanggung_jawab = forms.CharField(
        label="Penanggung jawab", max_length=150, widget=forms.TextInput(attrs=_TEKS),
        error_messages={"required": "Tuliskan penanggung jawab."},
    )  # fmt: skip
    tenggat = forms.DateField(
        widget=_TANGGAL, error_messages={"required": "Isi tenggat.", "invalid": "Tanggal tidak sah."}
    )


class RTLSelesaiForm(forms.Form):
    selesai_pada = forms.DateField(
        label="Selesai pada", widget=_TANGGAL,
        error_messages={"required": "Isi tanggal selesai.", "invalid": "Tanggal tidak sah."},
    )  # fmt: skip
    keterangan = forms.CharField(
        label="Keterangan", required=False, max_length=2000, widget=forms.Textarea(attrs={**_TEKS, "rows": 2})
    )
    bukti = forms.FileField(
        label="Bukti penyelesaian",
        help_text="PDF, JPG, atau PNG, paling besar 10 MB.",
        widget=forms.ClearableFileInput(attrs={**_TEKS, "accept": TERIMA_BAKU}),
        error_messages={"required": "Unggah bukti penyelesaian.", "empty": "Berkas kosong."},
    )


class KepatuhanOmbudsmanForm(forms.Form):
    penyelenggara = forms.ModelChoiceField(
        label="Unit penyelenggara",
        queryset=Penyelenggara.objects.filter(aktif=True).order_by("nama"),
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"required": "Pilih unit.", "invalid_choice": "Unit tidak dikenal."},
    )
    tahun = forms.IntegerField(
        widget=forms.NumberInput(attrs=_TEKS), error_messages={"required": "Isi tahun."}
    )
    nilai = forms.DecimalField(
        label="Nilai (0–100)", max_digits=5, decimal_places=2, localize=True,
        widget=forms.TextInput(attrs={**_TEKS, "inputmode": "decimal"}),
        error_messages={"required": "Isi nilai.", "invalid": "Nilai harus angka, mis. 81,25."},
    )  # fmt: skip
    grade = forms.CharField(
        label="Grade/opini", required=False, max_length=2, help_text="Mis. A–E (2022 dan sesudahnya).",
        widget=forms.TextInput(attrs=_TEKS),
    )  # fmt: skip
