"""Formulir koreksi hasil final (Biro Organisasi): level baru per indikator, alasan, dan rujukan.

Hanya bentuk masukan; apa yang berubah, siapa yang boleh, dan versi publikasi diputuskan
``services.evaluasi_koreksi``.
"""

from django import forms

PILIHAN_LEVEL = [(str(n), str(n)) for n in range(6)]


class KoreksiForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan koreksi",
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}),
        error_messages={"required": "Tuliskan alasan koreksi; alasan tampil di halaman publik."},
        help_text="Tampil di riwayat versi halaman publik dan di riwayat level F-02.",
    )
    rujukan = forms.CharField(
        label="Rujukan",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        error_messages={"required": "Tuliskan rujukan koreksi, mis. nomor Berita Acara Koreksi."},
        help_text="Mis. “Putusan sanggahan tanggal …” atau “Berita Acara Koreksi Nomor …”.",
    )

    def __init__(self, *args, indikator, level_sekarang: dict[int, int | None], **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = list(indikator)
        for ind in self.indikator:
            sekarang = level_sekarang.get(ind.nomor)
            self.fields[f"level_{ind.nomor}"] = forms.TypedChoiceField(
                label=f"{ind.nomor}. {ind.kode}",
                choices=PILIHAN_LEVEL if sekarang is not None else [("", "—"), *PILIHAN_LEVEL],
                coerce=int,
                empty_value=None,
                required=False,
                initial=sekarang,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def baris(self):
        """(indikator, field level) untuk templat, urut nomor."""
        return [(ind, self[f"level_{ind.nomor}"]) for ind in self.indikator]

    def level_per_nomor(self) -> dict[int, int]:
        return {
            ind.nomor: self.cleaned_data[f"level_{ind.nomor}"]
            for ind in self.indikator
            if self.cleaned_data.get(f"level_{ind.nomor}") is not None
        }
