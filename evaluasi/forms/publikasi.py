"""Formulir publikasi hasil siklus (Biro Organisasi): hanya alasan penarikan; aturannya di service."""

from django import forms


class TarikPublikasiForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan penarikan",
        max_length=1000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        error_messages={"required": "Tuliskan alasan penarikan publikasi."},
        help_text="Dicatat di jejak audit. Halaman publik siklus ini langsung tidak dapat dibuka lagi.",
    )
