"""Formulir saring (GET) halaman audit. Hanya memvalidasi masukan; kuerinya di ``akun.audit.selectors``."""

from django import forms

from kaltim_yanlik.core.audit_label import pilihan_awalan_aksi

from ..models import Peran
from . import selectors

_PILIH = {"class": "form-select"}
_TEKS = {"class": "form-control"}


class AuditFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        required=False,
        queryset=None,
        empty_label="Semua unit",
        to_field_name="code",
        label="Unit",
        widget=forms.Select(attrs=_PILIH),
    )
    termasuk_bawahan = forms.BooleanField(
        required=False,
        label="termasuk unit bawahan",
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    pengguna = forms.ModelChoiceField(
        required=False,
        queryset=None,
        empty_label="Semua pengguna",
        label="Pengguna",
        widget=forms.Select(attrs=_PILIH),
    )
    jenis_objek = forms.ModelChoiceField(
        required=False,
        queryset=None,
        empty_label="Semua jenis objek",
        label="Jenis objek",
        widget=forms.Select(attrs=_PILIH),
    )
    objek = forms.CharField(
        required=False,
        max_length=100,
        label="Objek",
        widget=forms.TextInput(attrs={**_TEKS, "placeholder": "Nama, kode (UUID) atau nomor objek"}),
    )
    aksi = forms.CharField(
        required=False,
        max_length=80,
        label="Aksi (awalan)",
        widget=forms.TextInput(attrs={**_TEKS, "placeholder": "mis. evaluasi.", "list": "awalan-aksi"}),
    )
    dari = forms.DateField(
        required=False, label="Dari tanggal", widget=forms.DateInput(attrs={**_TEKS, "type": "date"})
    )
    sampai = forms.DateField(
        required=False, label="Sampai tanggal", widget=forms.DateInput(attrs={**_TEKS, "type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = selectors.unit_pilihan()
        self.fields["pengguna"].queryset = selectors.pengguna_pilihan()
        self.fields["jenis_objek"].queryset = selectors.jenis_objek_tercatat()
        self.fields["jenis_objek"].label_from_instance = _label_jenis_objek
        self.awalan_aksi = pilihan_awalan_aksi()

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            self.add_error("sampai", "Tanggal akhir tidak boleh sebelum tanggal awal.")
        return data

    # Daftar unit dan pengguna bisa ribuan (1.000 lokus, akun Kepala dan Operator masing-masing): opsinya
    # dirangkai dari values_list lewat {% opsi_pilihan %}, bukan widget Select (dua templat per opsi).
    def opsi_unit(self) -> list[tuple]:
        baris = self.fields["unit"].queryset.values_list("code", "nama", "induk__singkatan", "induk__nama")
        return [
            (code, f"{nama} — di bawah {singkat or induk}" if induk else nama)
            for code, nama, singkat, induk in baris
        ]

    def opsi_pengguna(self) -> list[tuple]:
        peran = dict(Peran.choices)
        baris = self.fields["pengguna"].queryset.values_list("pk", "nama", "username", "peran")
        return [(pk, f"{nama or username} ({peran.get(p, p)})") for pk, nama, username, p in baris]

    def kriteria(self) -> dict:
        """Argumen untuk ``selectors.jejak_audit_daftar``: saringan yang sah saja.

        Satu isian yang salah (mis. tanggal terbalik) tidak membuang saringan lain: hasilnya tetap
        dipersempit oleh unit, pengguna, dan aksi yang sah, dan isian yang salah ditandai di formulir.
        """
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            k: v for k, v in self.cleaned_data.items() if k not in self.errors and v not in (None, "", False)
        }


def _label_jenis_objek(ct) -> str:
    model = ct.model_class()
    return str(model._meta.verbose_name).capitalize() if model else ct.model
