"""Formulir sanggahan: pengajuan oleh Kepala unit (level diminta, alasan, lampiran) dan jawaban Biro.

Formulir hanya memeriksa bentuk masukan. Aturan sanggahan (status, jendela, level berbeda, satu sanggahan
terbuka per indikator) dan isi setiap lampiran (PDF/JPG/PNG menurut isinya) diperiksa oleh service
``evaluasi.services.sanggahan``; kesalahannya ditampilkan sebagai galat formulir.
"""

from django import forms

from kaltim_yanlik.core.formulir_berkas import BanyakBerkasField
from kaltim_yanlik.core.kiriman import KirimanSekaliMixin

from ..services.sanggahan import MAKS_LAMPIRAN

LEVEL = [(n, str(n)) for n in range(6)]
_TEKS = {"class": "form-control"}
_RADIO = forms.RadioSelect(attrs={"class": "form-check-input flex-shrink-0"})


class SanggahanForm(KirimanSekaliMixin, forms.Form):
    level_diminta = forms.TypedChoiceField(
        label="Level yang diminta",
        choices=LEVEL,
        coerce=int,
        widget=_RADIO,
        error_messages={"required": "Pilih level yang diminta.", "invalid_choice": "Level harus 0 sampai 5."},
    )
    alasan = forms.CharField(
        label="Alasan sanggahan",
        max_length=4000,
        help_text="Jelaskan mengapa level evaluator kurang tepat dan bukti mana yang mendukungnya.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 5}),
        error_messages={"required": "Tuliskan alasan sanggahan."},
    )
    lampiran = BanyakBerkasField(
        label="Bukti baru",
        required=False,
        help_text=f"Boleh lebih dari satu, paling banyak {MAKS_LAMPIRAN} berkas PDF, JPG, atau PNG; "
        "masing-masing paling besar 10 MB.",
        error_messages={"invalid": "Berkas tidak terbaca; unggah ulang.", "empty": "Berkas kosong."},
    )


class JawabanSanggahanForm(forms.Form):
    keputusan = forms.ChoiceField(
        label="Keputusan",
        choices=[("diterima", "Diterima: level diubah"), ("ditolak", "Ditolak: level tetap")],
        widget=_RADIO,
        error_messages={"required": "Pilih diterima atau ditolak."},
    )
    level_baru = forms.TypedChoiceField(
        label="Level baru",
        choices=[("", "—"), *LEVEL],
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Wajib bila diterima; boleh berbeda dari level yang diminta unit.",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    jawaban = forms.CharField(
        label="Jawaban Biro Organisasi",
        max_length=4000,
        help_text="Ditampilkan kepada unit; bila ditolak, tuliskan alasannya.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 4}),
        error_messages={"required": "Tuliskan jawaban atau alasan atas sanggahan."},
    )

    def diterima(self) -> bool:
        return self.cleaned_data["keputusan"] == "diterima"
