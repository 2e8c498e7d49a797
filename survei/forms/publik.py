"""Formulir survei SKM publik (tanpa login, dari kode QR unit). Hanya bentuk masukan; aturannya di
``survei.services.skm``."""

from django import forms

from kaltim_yanlik.core.pembatas import PenjagaFormulirMixin

from ..models import UNSUR_FIELDS
from ..pertanyaan import PERTANYAAN, PROFIL
from ..services.skm import MAKS_SARAN

_TEKS = {"class": "form-control"}
_PILIH = forms.Select(attrs={"class": "form-select"})
_LABEL_PROFIL = {
    "usia": "Usia",
    "jenis_kelamin": "Jenis kelamin",
    "pendidikan": "Pendidikan terakhir",
    "pekerjaan": "Pekerjaan",
}


class SurveiForm(PenjagaFormulirMixin):
    """Sembilan unsur (wajib, pilihan 1–4), jenis layanan, profil dan saran (opsional)."""

    jenis_layanan = forms.ChoiceField(label="Layanan yang Anda terima", required=False, widget=_PILIH)
    saran = forms.CharField(
        label="Saran dan masukan",
        required=False,
        max_length=MAKS_SARAN,
        widget=forms.Textarea(attrs={**_TEKS, "rows": 3}),
    )

    def __init__(self, *args, layanan_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self._layanan = {str(j.code): j for j in layanan_qs}
        self.fields["jenis_layanan"].choices = [("", "— Pilih layanan —")] + [
            (k, j.nama) for k, j in self._layanan.items()
        ]
        for p in PERTANYAAN:
            self.fields[p.field] = forms.TypedChoiceField(
                label=p.teks,
                choices=[(str(n), teks) for n, teks in enumerate(p.pilihan, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Pilih satu jawaban untuk {p.kode} ({p.unsur}).",
                    "invalid_choice": f"Jawaban {p.kode} harus salah satu dari empat pilihan.",
                },
            )
        for nama, pilihan in PROFIL.items():
            self.fields[nama] = forms.ChoiceField(
                label=_LABEL_PROFIL[nama],
                required=False,
                choices=[("", "— Tidak diisi —"), *pilihan],
                widget=_PILIH,
            )

    def clean_jenis_layanan(self):
        return self._layanan.get(self.cleaned_data.get("jenis_layanan") or "")

    def unsur(self):
        """(pertanyaan, bound field) berurutan U1–U9 untuk templat."""
        return [(p, self[p.field]) for p in PERTANYAAN]

    def profil(self):
        return [self[nama] for nama in PROFIL]

    def data_service(self) -> dict:
        d = self.cleaned_data
        return {
            "jawaban": {f: d.get(f) for f in UNSUR_FIELDS},
            "jenis_layanan": d.get("jenis_layanan"),
            "saran": d.get("saran", ""),
            **{nama: d.get(nama, "") for nama in PROFIL},
        }
