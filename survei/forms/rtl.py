"""Formulir rencana tindak lanjut (RTL) SKM: hanya bentuk masukan; aturannya diperiksa service."""

from django import forms

from kaltim_yanlik.core.formulir_berkas import TERIMA_PDF_GAMBAR

from ..ikm import UNSUR

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
        widget=forms.ClearableFileInput(attrs={**_TEKS, "accept": TERIMA_PDF_GAMBAR}),
        error_messages={"required": "Unggah bukti penyelesaian.", "empty": "Berkas kosong."},
    )
