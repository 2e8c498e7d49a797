"""Formulir penghargaan Penyelenggara (Biro Organisasi): usulan dari siklus final dan Keputusan Gubernur."""

from django import forms

from .ketentuan import BentukPenyelenggara
from .models import PenghargaanPenyelenggara

_TEKS = {"class": "form-control"}
_PILIH = {"class": "form-select"}
_WAJIB = "Bagian ini wajib diisi."


class UsulanForm(forms.Form):
    siklus = forms.ModelChoiceField(
        label="Siklus monev", queryset=None, widget=forms.Select(attrs=_PILIH),
        error_messages={"required": _WAJIB, "invalid_choice": "Pilih siklus dari daftar."},
    )  # fmt: skip
    nama = forms.CharField(
        label="Nama penghargaan", max_length=200, widget=forms.TextInput(attrs=_TEKS),
        initial="Penghargaan Pelayanan Publik Prima", error_messages={"required": _WAJIB},
    )  # fmt: skip
    aturan = forms.ChoiceField(
        label="Aturan usulan", choices=PenghargaanPenyelenggara.Aturan.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        initial=PenghargaanPenyelenggara.Aturan.KATEGORI,
        error_messages={"required": _WAJIB, "invalid_choice": "Pilih aturan dari daftar."},
    )  # fmt: skip
    kategori = forms.ChoiceField(label="Kategori", required=False, widget=forms.Select(attrs=_PILIH))
    jumlah_teratas = forms.IntegerField(
        label="Jumlah peringkat teratas", required=False, min_value=1, max_value=1000,
        widget=forms.NumberInput(attrs=_TEKS),
        error_messages={"invalid": "Isi bilangan bulat.", "min_value": "Minimal 1.",
                        "max_value": "Maksimal 1000."},
    )  # fmt: skip

    def __init__(self, *args, siklus_qs, kategori_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["siklus"].queryset = siklus_qs
        self.fields["kategori"].choices = [("", "—"), *kategori_pilihan]
        self.fields["kategori"].initial = "A"

    def clean(self):
        data = super().clean()
        aturan = data.get("aturan")
        if aturan == PenghargaanPenyelenggara.Aturan.KATEGORI and not data.get("kategori"):
            self.add_error("kategori", "Pilih kategori untuk aturan kategori.")
        tanpa_jumlah = not data.get("jumlah_teratas") and "jumlah_teratas" not in self.errors
        if aturan == PenghargaanPenyelenggara.Aturan.PERINGKAT and tanpa_jumlah:
            self.add_error("jumlah_teratas", "Isi jumlah peringkat teratas.")
        return data


class KeluarkanForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan dikeluarkan", max_length=300,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
        error_messages={"required": "Tuliskan alasan unit dikeluarkan dari usulan."},
    )  # fmt: skip


class KeputusanGubernurForm(forms.Form):
    nomor_keputusan = forms.CharField(
        label="Nomor Keputusan Gubernur", max_length=100, widget=forms.TextInput(attrs=_TEKS),
        error_messages={"required": _WAJIB},
    )  # fmt: skip
    tanggal_keputusan = forms.DateField(
        label="Tanggal keputusan",
        widget=forms.DateInput(attrs={**_TEKS, "type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _WAJIB, "invalid": "Tanggal tidak valid."},
    )
    bentuk = forms.MultipleChoiceField(
        label="Bentuk penghargaan", choices=BentukPenyelenggara.choices, initial=[BentukPenyelenggara.PIAGAM],
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": "Pilih sedikitnya satu bentuk penghargaan.",
                        "invalid_choice": "Bentuk penghargaan tidak dikenal."},
    )  # fmt: skip
