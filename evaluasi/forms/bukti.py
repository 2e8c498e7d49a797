"""Formulir unggah bukti dukung F-01: berkas, tanggal berlaku dokumen, dan slot milik indikator yang dibuka.

Isi berkas (PDF/JPG/PNG menurut isinya, ≤ 10 MB, akhiran sesuai, tidak rusak) diperiksa oleh service
``bukti_unggah`` lewat ``core.unggahan``, satu-satunya tempat aturan itu; formulir ini hanya memastikan
masukannya lengkap dan masuk akal.
"""

from django import forms

from kaltim_yanlik.core.formulir_berkas import TERIMA_PDF_GAMBAR
from kaltim_yanlik.core.kiriman import KirimanSekaliMixin

from ..jendela import hari_ini
from ..models import SlotBukti

# Petunjuk bagi pemilih berkas peramban; pemeriksaan sebenarnya tetap dari isi berkas di service.
TERIMA_PER_JENIS = {
    SlotBukti.JenisBerkas.PDF: ".pdf,application/pdf",
    SlotBukti.JenisBerkas.GAMBAR: ".jpg,.jpeg,.png,image/jpeg,image/png",
}
TERIMA_BAKU = TERIMA_PDF_GAMBAR


class SlotField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.nama


class BuktiForm(KirimanSekaliMixin, forms.Form):
    """Satu berkas untuk satu slot; halaman F-01 memuat satu formulir per slot (slot tersembunyi)."""

    slot = SlotField(
        queryset=SlotBukti.objects.none(),
        to_field_name="code",
        widget=forms.HiddenInput,
        error_messages={
            "required": "Pilih slot bukti.",
            "invalid_choice": "Slot bukti tidak dikenal untuk indikator ini.",
        },
    )
    berkas = forms.FileField(
        label="Berkas",
        help_text="PDF, JPG, atau PNG; paling besar 10 MB.",
        widget=forms.FileInput(attrs={"class": "form-control form-control-sm"}),
        error_messages={
            "required": "Pilih berkas yang akan diunggah.",
            "empty": "Berkas kosong. Pilih berkas yang akan diunggah.",
            "invalid": "Berkas tidak terbaca; unggah ulang.",
        },
    )
    berlaku_tanggal = forms.DateField(
        label="Berlaku per tanggal",
        help_text="Tanggal dokumen ditetapkan, ditandatangani, atau foto diambil.",
        widget=forms.DateInput(
            attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"
        ),
        error_messages={
            "required": "Isi tanggal berlakunya dokumen.",
            "invalid": "Tanggal tidak dikenali; gunakan pemilih tanggal.",
        },
    )

    def __init__(self, *args, indikator, slot=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = indikator.slot_bukti.all()
        hari = hari_ini().isoformat()
        self.fields["berlaku_tanggal"].widget.attrs["max"] = hari
        if slot is not None:
            self.initial["slot"] = slot.code
            terima = TERIMA_PER_JENIS.get(slot.jenis_berkas, TERIMA_BAKU)
            self.fields["berkas"].widget.attrs["accept"] = terima

    def clean_berlaku_tanggal(self):
        tanggal = self.cleaned_data["berlaku_tanggal"]
        if tanggal > hari_ini():
            raise forms.ValidationError("Tanggal berlaku tidak boleh di masa depan.")
        return tanggal

    def ringkasan_galat(self) -> str:
        return " ".join(pesan for galat in self.errors.values() for pesan in galat)
