"""Formulir kelola periode SKM: periode, impor jawaban, dan rekap NRR. Hanya bentuk masukan; aturannya di
``survei.services.skm``."""

from django import forms

from ..models import UNSUR_FIELDS
from ..pertanyaan import PERTANYAAN

_TEKS = {"class": "form-control"}
_PILIH = forms.Select(attrs={"class": "form-select"})
_TANGGAL = forms.DateInput(attrs={"class": "form-control", "type": "date"}, format="%Y-%m-%d")


class PeriodeSKMForm(forms.Form):
    penyelenggara = forms.ModelChoiceField(
        label="Unit penyelenggara", queryset=None, to_field_name="code", widget=_PILIH, empty_label=None
    )
    nama = forms.CharField(
        label="Nama periode",
        max_length=100,
        help_text="Misalnya: Semester I 2026.",
        widget=forms.TextInput(attrs=_TEKS),
        error_messages={"required": "Isi nama periode."},
    )
    mulai = forms.DateField(label="Mulai", widget=_TANGGAL, error_messages={"required": "Isi tanggal mulai."})
    selesai = forms.DateField(
        label="Selesai", widget=_TANGGAL, error_messages={"required": "Isi tanggal selesai."}
    )
    populasi = forms.IntegerField(
        label="Jumlah pengguna layanan dalam periode",
        min_value=1,
        max_value=100_000_000,
        help_text="Dasar target sampel Krejcie–Morgan.",
        widget=forms.NumberInput(attrs=_TEKS),
        error_messages={
            "required": "Isi jumlah pengguna layanan.",
            "min_value": "Paling sedikit 1.",
            "max_value": "Paling banyak 100.000.000 pengguna layanan.",
            "invalid": "Isi bilangan bulat.",
        },
    )
    menerima_jawaban = forms.BooleanField(
        label="Formulir publik dibuka",
        required=False,
        initial=True,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, unit_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unit_qs is None:  # ubah: unit periode tidak dapat dipindah
            del self.fields["penyelenggara"]
        else:
            del self.fields["menerima_jawaban"]
            self.fields["penyelenggara"].queryset = unit_qs
            self.fields["penyelenggara"].label_from_instance = lambda u: u.nama


class ImporSKMForm(forms.Form):
    berkas = forms.FileField(
        label="Berkas jawaban (CSV atau XLSX)",
        help_text="Baris pertama judul kolom u1 … u9 (nilai 1–4); opsional usia, jenis_kelamin, pendidikan, "
        "pekerjaan, saran, jenis_layanan_kode. CSV UTF-8 dengan pemisah titik koma atau koma.",
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".csv,.xlsx"}),
        error_messages={"required": "Pilih berkas yang akan diimpor.", "empty": "Berkas kosong."},
    )


class NRRForm(forms.Form):
    jumlah_responden = forms.IntegerField(
        label="Jumlah responden",
        min_value=1,
        widget=forms.NumberInput(attrs=_TEKS),
        error_messages={"required": "Isi jumlah responden.", "min_value": "Paling sedikit 1."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for p in PERTANYAAN:
            # localize: operator mengetik "3,62" seperti di laporan SKM mereka.
            self.fields[p.field] = forms.DecimalField(
                label=f"{p.kode} {p.unsur}",
                decimal_places=3,
                max_digits=5,
                localize=True,
                widget=forms.TextInput(attrs={**_TEKS, "inputmode": "decimal"}),
                error_messages={
                    "required": f"Isi NRR {p.kode}.",
                    "invalid": f"NRR {p.kode} harus angka, misalnya 3,62.",
                    "max_decimal_places": f"NRR {p.kode} paling banyak 3 angka di belakang koma.",
                    "max_digits": f"NRR {p.kode} harus di antara 1 dan 4.",
                    "max_whole_digits": f"NRR {p.kode} harus di antara 1 dan 4.",
                },
            )

    def nrr(self) -> list:
        return [self.cleaned_data[f] for f in UNSUR_FIELDS]
