"""Formulir hasil kepatuhan Ombudsman (Biro): hanya bentuk masukan; zona dan aturannya diputuskan service."""

from django import forms

from kode_etik.models import Penyelenggara

_TEKS = {"class": "form-control"}


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
