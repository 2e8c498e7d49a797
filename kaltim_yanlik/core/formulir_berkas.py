"""Bidang formulir berkas bersama: petunjuk jenis untuk pemilih berkas dan unggahan beberapa berkas sekaligus.

Petunjuk ``accept`` hanya memudahkan pengguna; pemeriksaan sebenarnya dari isi berkas (``core.unggahan``).
"""

from django import forms

TERIMA_PDF_GAMBAR = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


class BanyakBerkasInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BanyakBerkasField(forms.FileField):
    """Nol sampai beberapa berkas dari satu ``<input type=file multiple>``; hasilnya daftar."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", BanyakBerkasInput(attrs={"class": "form-control", "accept": TERIMA_PDF_GAMBAR})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        berkas = data if isinstance(data, list | tuple) else [data]
        return [super(BanyakBerkasField, self).clean(b, initial) for b in berkas if b]
