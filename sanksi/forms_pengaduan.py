"""Formulir pengaduan: kiriman publik, pencatatan petugas, ubah status, dan saringan daftar.

Formulir hanya memeriksa bentuk masukan. Aturan (unit aktif, jenis layanan milik unit, nomor SP4N-LAPOR!,
transisi status, isi setiap lampiran) diputuskan ``sanksi.services.pengaduan``; kesalahannya ditampilkan
sebagai galat formulir.
"""

from itertools import groupby

from django import forms

from kaltim_yanlik.core.formulir_berkas import BanyakBerkasField
from kaltim_yanlik.core.kiriman import KirimanSekaliMixin
from kaltim_yanlik.core.pembatas import PenjagaFormulirMixin

from .models import Pengaduan
from .services.pengaduan import MAKS_LAMPIRAN, PANJANG_URAIAN_MAKS

_TEKS = {"class": "form-control"}
_PILIH = forms.Select(attrs={"class": "form-select"})
_TANGGAL = forms.DateInput(attrs={"class": "form-control", "type": "date"}, format="%Y-%m-%d")


def _lampiran_field():
    return BanyakBerkasField(
        label="Lampiran",
        required=False,
        help_text=f"Opsional, paling banyak {MAKS_LAMPIRAN} berkas PDF, JPG, atau PNG; masing-masing paling "
        "besar 10 MB (misalnya foto, karcis, atau bukti pembayaran).",
        error_messages={"invalid": "Berkas tidak terbaca; unggah ulang.", "empty": "Berkas kosong."},
    )


def _uraian_field(help_text: str):
    return forms.CharField(
        label="Uraian pengaduan",
        max_length=PANJANG_URAIAN_MAKS,
        help_text=help_text,
        widget=forms.Textarea(attrs={**_TEKS, "rows": 6}),
        error_messages={"required": "Tuliskan uraian pengaduan."},
    )


def _pilihan_bergrup(objek, kelompok, label) -> list:
    """Pilihan ``<select>`` dikelompokkan (``<optgroup>``) menurut ``kelompok(obj)``; nilai = ``code``."""
    return [(judul, [(str(o.code), label(o)) for o in isi]) for judul, isi in groupby(objek, key=kelompok)]


class _UnitDanLayananMixin:
    """Unit dan jenis layanan dipilih dengan ``code``; hasil bersihnya objek dari queryset yang diizinkan."""

    def siapkan_unit(self, unit_qs, layanan_qs):
        self._unit = {str(u.code): u for u in unit_qs}
        self._layanan = {str(j.code): j for j in layanan_qs}
        self.fields["penyelenggara"].choices = [
            ("", "— Pilih unit pelayanan —"),
            *_pilihan_bergrup(self._unit.values(), lambda u: u.get_jenis_display(), lambda u: u.nama),
        ]
        self.fields["jenis_layanan"].choices = [
            ("", "— Tidak tahu / lainnya —"),
            *_pilihan_bergrup(self._layanan.values(), lambda j: j.penyelenggara.nama, lambda j: j.nama),
        ]

    def clean_penyelenggara(self):
        return self._unit[self.cleaned_data["penyelenggara"]]

    def clean_jenis_layanan(self):
        return self._layanan.get(self.cleaned_data.get("jenis_layanan") or "")


class PengaduanPublikForm(KirimanSekaliMixin, _UnitDanLayananMixin, PenjagaFormulirMixin):
    penyelenggara = forms.ChoiceField(
        label="Unit pelayanan yang diadukan",
        widget=_PILIH,
        error_messages={
            "required": "Pilih unit pelayanan yang diadukan.",
            "invalid_choice": "Pilih unit dari daftar.",
        },
    )
    jenis_layanan = forms.ChoiceField(label="Jenis layanan", required=False, widget=_PILIH)
    nama_pelaksana_disebut = forms.CharField(
        label="Nama atau ciri petugas (bila tahu)",
        required=False,
        max_length=150,
        help_text="Opsional. Nama ini hanya dibaca petugas pengelola pengaduan.",
        widget=forms.TextInput(attrs=_TEKS),
    )
    tanggal_kejadian = forms.DateField(
        label="Tanggal kejadian",
        required=False,
        widget=_TANGGAL,
        error_messages={"invalid": "Tanggal tidak sah."},
    )
    uraian = _uraian_field("Ceritakan apa yang terjadi, di mana, dan layanan apa yang Anda urus.")
    nama_pelapor = forms.CharField(
        label="Nama Anda", required=False, max_length=150, widget=forms.TextInput(attrs=_TEKS)
    )
    kontak_pelapor = forms.CharField(
        label="Nomor telepon atau e-mail",
        required=False,
        max_length=150,
        help_text="Opsional, agar petugas dapat meminta keterangan tambahan. Tidak pernah ditampilkan "
        "kepada publik.",
        widget=forms.TextInput(attrs=_TEKS),
    )
    lampiran = _lampiran_field()

    def __init__(self, *args, unit_qs, layanan_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.siapkan_unit(unit_qs, layanan_qs)


class PengaduanCatatForm(KirimanSekaliMixin, _UnitDanLayananMixin, forms.Form):
    penyelenggara = forms.ChoiceField(
        label="Unit yang diadukan",
        widget=_PILIH,
        error_messages={"required": "Pilih unit yang diadukan.", "invalid_choice": "Pilih unit dari daftar."},
    )
    saluran = forms.ChoiceField(
        label="Saluran",
        choices=[("", "— Pilih saluran —")]
        + [c for c in Pengaduan.Saluran.choices if c[0] != Pengaduan.Saluran.FORMULIR],
        widget=_PILIH,
        error_messages={"required": "Pilih saluran asal pengaduan."},
    )
    nomor_lapor = forms.CharField(
        label="Nomor SP4N-LAPOR!",
        required=False,
        max_length=45,
        help_text="Wajib bila saluran SP4N-LAPOR!; angka dan huruf, misalnya 1234567.",
        widget=forms.TextInput(attrs=_TEKS),
    )
    diterima_tanggal = forms.DateField(
        label="Tanggal diterima",
        required=False,
        help_text="Kosongkan bila hari ini.",
        widget=_TANGGAL,
        error_messages={"invalid": "Tanggal tidak sah."},
    )
    jenis_layanan = forms.ChoiceField(label="Jenis layanan", required=False, widget=_PILIH)
    pelaksana = forms.ModelChoiceField(
        label="Pelaksana yang diadukan",
        required=False,
        queryset=None,
        to_field_name="code",
        empty_label="— Tidak diketahui —",
        widget=_PILIH,
    )
    nama_pelaksana_disebut = forms.CharField(
        label="Nama petugas menurut pelapor",
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs=_TEKS),
    )
    tanggal_kejadian = forms.DateField(
        label="Tanggal kejadian",
        required=False,
        widget=_TANGGAL,
        error_messages={"invalid": "Tanggal tidak sah."},
    )
    uraian = _uraian_field("Ringkasan keluhan sebagaimana disampaikan pelapor.")
    nama_pelapor = forms.CharField(
        label="Nama pelapor", required=False, max_length=150, widget=forms.TextInput(attrs=_TEKS)
    )
    kontak_pelapor = forms.CharField(
        label="Kontak pelapor", required=False, max_length=150, widget=forms.TextInput(attrs=_TEKS)
    )
    catatan_internal = forms.CharField(
        label="Catatan internal",
        required=False,
        max_length=4000,
        help_text="Hanya untuk petugas; tidak pernah tampil kepada pelapor.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 3}),
    )
    lampiran = _lampiran_field()

    def __init__(self, *args, unit_qs, layanan_qs, pelaksana_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.siapkan_unit(unit_qs, layanan_qs)
        self.fields["pelaksana"].queryset = pelaksana_qs
        self.fields["pelaksana"].label_from_instance = lambda p: f"{p.nama} · {p.penyelenggara.nama_pendek}"


class UbahStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Status baru", widget=_PILIH, error_messages={"required": "Pilih status baru."}
    )
    keterangan_publik = forms.CharField(
        label="Keterangan untuk pelapor",
        required=False,
        max_length=2000,
        help_text="Tampil di halaman lacak pengaduan. Jangan sebut nama petugas atau data pribadi.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 3}),
    )
    alasan_ditolak = forms.CharField(
        label="Alasan ditolak",
        required=False,
        max_length=2000,
        help_text="Wajib bila ditolak; tampil kepada pelapor bila keterangan dikosongkan.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
    )
    catatan_internal = forms.CharField(
        label="Catatan internal",
        required=False,
        max_length=4000,
        help_text="Ditambahkan ke catatan petugas; tidak pernah tampil kepada pelapor.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
    )

    def __init__(self, *args, pilihan_status, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "— Pilih —")] + [
            (s, Pengaduan.Status(s).label) for s in pilihan_status
        ]


class PengaduanFilterForm(forms.Form):
    cari = forms.CharField(required=False, max_length=100, label="Cari")
    status = forms.ChoiceField(
        required=False, choices=[("", "Semua status"), *Pengaduan.Status.choices], widget=_PILIH
    )
    saluran = forms.ChoiceField(
        required=False, choices=[("", "Semua saluran"), *Pengaduan.Saluran.choices], widget=_PILIH
    )
    penyelenggara = forms.ModelChoiceField(
        required=False, queryset=None, empty_label="Semua unit", to_field_name="code", widget=_PILIH
    )

    def __init__(self, *args, unit_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penyelenggara"].queryset = unit_qs
        self.fields["penyelenggara"].label_from_instance = lambda u: u.nama_pendek
