"""Formulir unit lokus: isian F-01 satu indikator (dibangun dari ``opsi_f01``) dan saringan daftar evaluasi.

Formulir hanya memeriksa dan merapikan masukan menjadi bentuk jawaban yang dibaca tangga usulan level
(``evaluasi/usulan_level.py``: ``{kode masukan: nilai}``). Aturan alur (status, jendela, peran, versi) ada di
``evaluasi.services``.
"""

from decimal import Decimal

from django import forms
from django.db.models import Q

from ..models import Evaluasi

YA, TIDAK = "ya", "tidak"
AWALAN_MASUKAN = "isian_"
_TEKS = {"class": "form-control"}
_PILIH = {"class": "form-select"}


def nama_field(kode: str) -> str:
    # Berawalan agar kode masukan (mis. "versi") tidak pernah bertabrakan dengan field tetap formulir.
    return f"{AWALAN_MASUKAN}{kode}"


class PersenField(forms.DecimalField):
    """Persentase 0–100 dengan dua desimal; koma desimal ("80,5") diterima seperti titik."""

    def to_python(self, value):
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".")
        return super().to_python(value)


def _opsi(masukan: dict) -> list[tuple[str, str]]:
    return [(o["kode"], o["label"]) for o in masukan.get("opsi", [])]


def _field_ya_tidak(masukan: dict) -> forms.Field:
    bantuan = "Syarat dasar: bila Tidak, usulan level 0." if masukan.get("syarat") else ""
    return forms.TypedChoiceField(
        choices=[(YA, "Ya"), (TIDAK, "Tidak")],
        coerce=lambda nilai: nilai == YA,
        empty_value=None,
        required=False,
        help_text=bantuan,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )


def _field_ceklis(masukan: dict) -> forms.Field:
    return forms.MultipleChoiceField(
        choices=_opsi(masukan),
        required=False,
        help_text="Centang semua yang tersedia dan dapat dibuktikan.",
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Opsi %(value)s tidak dikenal."},
    )


def _field_pilihan(masukan: dict) -> forms.Field:
    return forms.ChoiceField(
        choices=_opsi(masukan),
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"invalid_choice": "Pilihan %(value)s tidak dikenal."},
    )


def _field_jumlah(masukan: dict) -> forms.Field:
    return forms.IntegerField(
        min_value=0,
        max_value=10**9,
        required=False,
        widget=forms.NumberInput(attrs={**_TEKS, "min": 0, "step": 1, "inputmode": "numeric"}),
        error_messages={
            "invalid": "Isi dengan bilangan bulat, mis. 12.",
            "min_value": "Tidak boleh negatif.",
        },
    )


def _field_persen(masukan: dict) -> forms.Field:
    return PersenField(
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        required=False,
        widget=forms.NumberInput(
            attrs={**_TEKS, "min": 0, "max": 100, "step": "0.01", "inputmode": "decimal"}
        ),
        error_messages={
            "invalid": "Isi dengan angka 0–100, mis. 75 atau 82,5.",
            "min_value": "Persentase paling kecil 0.",
            "max_value": "Persentase paling besar 100.",
            "max_decimal_places": "Paling banyak dua angka di belakang koma.",
        },
    )


PEMBUAT_FIELD = {
    "ya_tidak": _field_ya_tidak,
    "ceklis": _field_ceklis,
    "pilihan": _field_pilihan,
    "jumlah": _field_jumlah,
    "persen": _field_persen,
}


def _ke_jawaban(jenis: str, nilai):
    """Nilai field yang sudah dibersihkan → nilai jawaban; None berarti tidak dijawab (kunci dihilangkan)."""
    if jenis == "ceklis":
        return list(nilai or [])
    if nilai in (None, ""):
        return None
    if jenis == "persen":
        # JSONField tidak menyimpan Decimal; bilangan bulat tetap int, pecahan menjadi float dua desimal.
        return int(nilai) if nilai == nilai.to_integral_value() else float(nilai)
    return nilai


def _ke_awal(jenis: str, nilai):
    if jenis == "ya_tidak" and isinstance(nilai, bool):
        return YA if nilai else TIDAK
    if jenis == "persen" and nilai is not None:
        return Decimal(str(nilai))
    return nilai


class IsianF01Form(forms.Form):
    """Isian F-01 satu indikator: satu field per masukan ``opsi_f01``, catatan, dan versi yang sedang dibuka.

    ``versi`` dikirim kembali apa adanya agar service dapat menolak simpan yang menimpa isian orang lain.
    ``hanya_baca`` menonaktifkan semua field (pimpinan, Biro, atau evaluasi yang tidak dapat diubah lagi).
    """

    versi = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    catatan = forms.CharField(
        label="Catatan untuk evaluator",
        required=False,
        max_length=4000,
        help_text="Mis. tautan akun SIPP Nasional, atau penjelasan singkat atas bukti yang diunggah.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 3}),
    )

    def __init__(self, *args, indikator, dengan_versi: bool = True, hanya_baca: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.masukan = list(indikator.opsi_f01.get("masukan", []))
        for masukan in self.masukan:
            field = PEMBUAT_FIELD[masukan["jenis"]](masukan)
            field.label = masukan.get("label", masukan["kode"])
            field.jenis = masukan["jenis"]  # dibaca templat untuk memilih tata letak
            self.fields[nama_field(masukan["kode"])] = field
        self.order_fields([nama_field(m["kode"]) for m in self.masukan] + ["catatan", "versi"])
        if not dengan_versi:
            del self.fields["versi"]
        for field in self.fields.values():
            field.disabled = hanya_baca

    @classmethod
    def awal_dari(cls, jawaban, indikator) -> dict:
        """Nilai awal formulir dari JawabanIndikator tersimpan (atau kosong, versi 0, bila belum ada)."""
        if jawaban is None:
            return {"versi": 0}
        jenis = {m["kode"]: m["jenis"] for m in indikator.opsi_f01.get("masukan", [])}
        awal = {nama_field(k): _ke_awal(jenis[k], v) for k, v in jawaban.isian.items() if k in jenis}
        return {**awal, "catatan": jawaban.catatan, "versi": jawaban.versi}

    def field_masukan(self) -> list[forms.BoundField]:
        return [self[nama_field(m["kode"])] for m in self.masukan]

    def isian(self) -> dict:
        """Jawaban ``{kode: nilai}`` untuk tangga usulan level; hanya setelah ``is_valid()``."""
        hasil = {}
        for masukan in self.masukan:
            nilai = _ke_jawaban(masukan["jenis"], self.cleaned_data.get(nama_field(masukan["kode"])))
            if nilai is not None:
                hasil[masukan["kode"]] = nilai
        return hasil

    def ringkasan_galat(self) -> str:
        """Galat sebagai satu kalimat, untuk pesan JSON pratinjau."""
        bagian = []
        for nama, galat in self.errors.items():
            label = self.fields[nama].label if nama in self.fields else ""
            bagian.append(f"{label}: {' '.join(galat)}" if label else " ".join(galat))
        return "Isian tidak sah: " + "; ".join(bagian)


class EvaluasiSaringForm(forms.Form):
    """Saringan daftar evaluasi, diterapkan pada queryset hasil selector akses (bukan Model.objects)."""

    siklus = forms.ModelChoiceField(
        label="Siklus",
        queryset=None,
        required=False,
        to_field_name="code",
        empty_label="Semua siklus",
        widget=forms.Select(attrs=_PILIH),
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Semua status"), *Evaluasi.Status.choices],
        widget=forms.Select(attrs=_PILIH),
    )
    cari = forms.CharField(
        label="Cari unit",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={**_TEKS, "type": "search", "placeholder": "Cari nama atau singkatan"}),
    )

    def __init__(self, *args, siklus_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["siklus"].queryset = siklus_pilihan

    def saring(self, qs):
        if not self.is_valid():
            return qs
        data = self.cleaned_data
        if data["siklus"]:
            qs = qs.filter(siklus=data["siklus"])
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["cari"]:
            cari = data["cari"]
            qs = qs.filter(
                Q(penyelenggara__nama__icontains=cari) | Q(penyelenggara__singkatan__icontains=cari)
            )
        return qs
