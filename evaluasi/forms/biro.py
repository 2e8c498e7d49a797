"""Formulir Biro Organisasi: membuka siklus monev, nilai F-02 per indikator, dan pengembalian.

Formulir hanya memeriksa dan merapikan masukan; aturan alur (status, jendela fase, peran) ada di
``evaluasi.services`` dan kesalahannya sampai ke pengguna sebagai pesan.
"""

from itertools import pairwise

from django import forms
from django.db.models import Q

from ..jendela import FASE
from ..models import Evaluasi, InstrumenVersi, SiklusMonev

FIELD_TANGGAL = [f"{fase}_{batas}" for fase in FASE for batas in ("mulai", "selesai")]
LEVEL = range(6)
_TEKS = {"class": "form-control"}
_PILIH = forms.Select(attrs={"class": "form-select"})
PESAN_TAHUN_GANDA = (
    "Siklus monev untuk tahun ini sudah dibuka. Satu tahun hanya memiliki satu siklus; "
    "ubah jendela siklus yang ada bila perlu."
)


def _tanggal() -> forms.DateInput:
    # type=date memberi pemilih tanggal bawaan peramban; format ISO wajib agar nilainya terisi ulang.
    return forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


def _label_tanggal(fase: str, batas: str) -> str:
    return f"{FASE[fase].capitalize()} {'mulai' if batas == 'mulai' else 'selesai'}"


class _TandaiGalat:
    """Beri kelas Bootstrap ``is-invalid`` pada widget field yang bergalat, agar terlihat di mana salahnya."""

    def full_clean(self):
        super().full_clean()
        for nama in self.errors:
            if nama in self.fields:
                widget = self.fields[nama].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class LokusField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.nama


class SiklusForm(_TandaiGalat, forms.ModelForm):
    """Siklus baru: identitas, delapan tanggal jendela fase, dan lokusnya (bawaan: semua unit aktif)."""

    lokus = LokusField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": "Pilih sedikitnya satu lokus."},
        help_text="Setiap lokus mendapat satu evaluasi draf; UPTD dan UOBK adalah lokusnya sendiri.",
    )

    class Meta:
        model = SiklusMonev
        fields = ["tahun", "nama", "instrumen", *FIELD_TANGGAL]
        labels = {
            "tahun": "Tahun monev",
            "nama": "Nama siklus",
            "instrumen": "Instrumen PEKPPP",
            **{f"{f}_{b}": _label_tanggal(f, b) for f in FASE for b in ("mulai", "selesai")},
        }
        help_texts = {
            "nama": "Boleh dikosongkan: diisi otomatis “Monev PEKPPP Tahun <tahun>”.",
            "instrumen": "Hanya instrumen aktif (bobotnya sudah diperiksa) yang dapat dipilih.",
        }
        widgets = {
            "tahun": forms.NumberInput(attrs={**_TEKS, "min": 2000, "max": 2100}),
            "nama": forms.TextInput(attrs=_TEKS),
            "instrumen": _PILIH,
            **dict.fromkeys(FIELD_TANGGAL, _tanggal()),
        }
        error_messages = {"tahun": {"unique": PESAN_TAHUN_GANDA}}

    def __init__(self, *args, lokus_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nama"].required = False
        instrumen = InstrumenVersi.objects.filter(aktif=True)
        self.fields["instrumen"].queryset = instrumen
        self.fields["instrumen"].empty_label = "Pilih instrumen"
        self.fields["lokus"].queryset = lokus_pilihan
        if not self.is_bound:
            # Bawaan: instrumen aktif terbaru dan semua unit aktif (sama dengan siklus_buka tanpa lokus).
            self.initial.setdefault("instrumen", instrumen.values_list("pk", flat=True).first())
            self.initial["lokus"] = [p.pk for p in lokus_pilihan]

    def clean_tahun(self):
        tahun = self.cleaned_data["tahun"]
        if not 2000 <= tahun <= 2100:
            raise forms.ValidationError("Tahun harus antara 2000 dan 2100.")
        return tahun

    def clean(self):
        data = super().clean()
        if not data.get("nama") and data.get("tahun"):
            data["nama"] = f"Monev PEKPPP Tahun {data['tahun']}"
        self._periksa_rentang(data)
        self._periksa_urutan(data)
        return data

    def _periksa_rentang(self, data) -> None:
        for fase, nama in FASE.items():
            mulai, selesai = data.get(f"{fase}_mulai"), data.get(f"{fase}_selesai")
            if mulai and selesai and mulai > selesai:
                self.add_error(
                    f"{fase}_selesai", f"Tanggal selesai {nama} tidak boleh sebelum tanggal mulainya."
                )

    def _periksa_urutan(self, data) -> None:
        # Sama dengan CheckConstraint "siklus_fase_berurutan": jendela boleh tumpang tindih, tetapi setiap
        # fase tidak boleh dimulai sebelum fase sebelumnya dimulai.
        for sebelum, sesudah in pairwise(FASE):
            awal, akhir = data.get(f"{sebelum}_mulai"), data.get(f"{sesudah}_mulai")
            if awal and akhir and akhir < awal and f"{sesudah}_mulai" not in self.errors:
                self.add_error(
                    f"{sesudah}_mulai",
                    f"{FASE[sesudah].capitalize()} tidak boleh dimulai sebelum {FASE[sebelum]} dimulai.",
                )

    def jendela_fase(self) -> list[tuple[str, object, object]]:
        """(nama fase, field mulai, field selesai) berurutan, untuk baris jendela di templat."""
        return [
            (nama.capitalize(), self[f"{fase}_mulai"], self[f"{fase}_selesai"]) for fase, nama in FASE.items()
        ]

    def lokus_per_jenis(self) -> list[tuple[str, list]]:
        """Kotak centang lokus dikelompokkan per jenis (Perangkat Daerah, UOBK, UPTD) untuk templat."""
        kelompok: dict[str, list] = {}
        for kotak in self["lokus"]:
            unit = kotak.data["value"].instance
            kelompok.setdefault(unit.get_jenis_display(), []).append((kotak, unit))
        return list(kelompok.items())


class PenilaianForm(_TandaiGalat, forms.Form):
    """Nilai F-02 satu indikator; ``prefix`` per nomor agar banyak formulir muat di satu halaman."""

    level = forms.TypedChoiceField(
        label="Level",
        choices=[(n, str(n)) for n in LEVEL],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "form-check-input flex-shrink-0"}),
        error_messages={"required": "Pilih level 0–5.", "invalid_choice": "Level harus 0 sampai 5."},
    )
    catatan = forms.CharField(
        label="Catatan evaluator",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
    )
    rekomendasi = forms.CharField(
        label="Rekomendasi perbaikan",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
    )
    alasan = forms.CharField(
        label="Alasan perubahan level",
        required=False,
        max_length=2000,
        help_text="Wajib bila mengubah level yang sudah ada; disimpan di riwayat level.",
        widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
    )


class KembalikanForm(forms.Form):
    """Satu kotak alasan perbaikan per indikator; hanya yang diisi yang dikirim ke service."""

    def __init__(self, *args, indikator, **kwargs):
        super().__init__(*args, **kwargs)
        self._indikator = list(indikator)
        for i in self._indikator:
            self.fields[self.nama_field(i.nomor)] = forms.CharField(
                label=f"{i.nomor}. {i.kode}",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
            )

    @staticmethod
    def nama_field(nomor: int) -> str:
        return f"alasan_{nomor}"

    def per_indikator(self) -> list[tuple]:
        return [(i, self[self.nama_field(i.nomor)]) for i in self._indikator]

    def alasan_per_indikator(self) -> dict[int, str]:
        alasan = {i.nomor: self.cleaned_data.get(self.nama_field(i.nomor), "") for i in self._indikator}
        return {nomor: teks for nomor, teks in alasan.items() if teks}


class LokusSaringForm(forms.Form):
    """Saringan tabel lokus pada halaman siklus, diterapkan pada queryset hasil selector akses."""

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Semua status"), *Evaluasi.Status.choices],
        widget=_PILIH,
    )
    cari = forms.CharField(
        label="Cari unit",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={**_TEKS, "type": "search", "placeholder": "Cari nama atau singkatan"}),
    )

    def saring(self, qs):
        if not self.is_valid():
            return qs
        status, cari = self.cleaned_data["status"], self.cleaned_data["cari"]
        if status:
            qs = qs.filter(status=status)
        if cari:
            qs = qs.filter(
                Q(penyelenggara__nama__icontains=cari) | Q(penyelenggara__singkatan__icontains=cari)
            )
        return qs
