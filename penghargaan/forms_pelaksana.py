"""Formulir penghargaan Pelaksana. Formulir memeriksa bentuk masukan; aturan Pergub (susunan tim, jumlah
bobot, kelengkapan lembar nilai, sanksi dalam periode) diperiksa service dan tampil sebagai galat formulir."""

import re
from datetime import date

from django import forms

from .ketentuan import NILAI_MAKSIMUM, NILAI_MINIMUM, BentukPelaksana, JenisPeriode, MetodePenilaian

_TEKS = {"class": "form-control"}
_PILIH = {"class": "form-select"}
_WAJIB = "Bagian ini wajib diisi."
_TANGGAL = forms.DateInput(attrs={**_TEKS, "type": "date"}, format="%Y-%m-%d")
_BULAN = re.compile(r"^(\d{4})-(\d{2})$")


def _tanggal(label, **kwargs):
    return forms.DateField(
        label=label, widget=_TANGGAL, error_messages={"required": _WAJIB, "invalid": "Tanggal tidak valid."},
        **kwargs,
    )  # fmt: skip


def _bobot(label, **kwargs):
    return forms.DecimalField(
        label=label, min_value=0.01, max_value=100, decimal_places=2, max_digits=5,
        widget=forms.NumberInput(attrs={**_TEKS, "step": "0.01", "inputmode": "decimal"}),
        error_messages={
            "required": _WAJIB, "invalid": "Bobot harus berupa angka.",
            "min_value": "Bobot harus lebih dari 0.", "max_value": "Bobot paling besar 100.",
            "max_decimal_places": "Bobot paling banyak 2 angka di belakang koma.",
            "max_digits": "Bobot paling besar 100.",
        },
        **kwargs,
    )  # fmt: skip


class PeriodeForm(forms.Form):
    nama_penghargaan = forms.CharField(
        label="Nama penghargaan", max_length=150, initial="Pelaksana Pelayanan Publik Teladan",
        widget=forms.TextInput(attrs=_TEKS), error_messages={"required": _WAJIB},
    )  # fmt: skip
    jenis = forms.ChoiceField(
        label="Periode", choices=JenisPeriode.choices, initial=JenisPeriode.BULANAN,
        widget=forms.Select(attrs=_PILIH),
        error_messages={"invalid_choice": "Pilih jenis periode dari daftar."},
    )  # fmt: skip
    bulan_mulai = forms.CharField(
        label="Bulan pertama", required=False, max_length=7,
        widget=forms.TextInput(attrs={**_TEKS, "type": "month", "placeholder": "2026-10"}),
        help_text="Untuk periode berkala: bulan pertama periode (mis. Oktober 2026).",
    )  # fmt: skip
    mulai = _tanggal("Tanggal mulai", required=False, help_text="Untuk periode insidentil.")
    selesai = _tanggal("Tanggal selesai", required=False, help_text="Untuk periode insidentil.")
    metode = forms.ChoiceField(
        label="Metode penilaian (BAB 5)", choices=MetodePenilaian.choices, initial=MetodePenilaian.TIM,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        help_text="Tim penilai: ketua Kepala, sekretaris, tiga kepala bagian/bidang. Berjenjang: setiap "
        "nominasi dinilai atasan langsungnya lalu ditinjau atasan berikutnya sampai Kepala.",
        error_messages={"required": "Pilih metode penilaian.", "invalid_choice": "Pilih metode dari daftar."},
    )  # fmt: skip

    def clean_bulan_mulai(self):
        nilai = (self.cleaned_data.get("bulan_mulai") or "").strip()
        if not nilai:
            return None
        cocok = _BULAN.match(nilai)
        if not cocok or not 1 <= int(cocok.group(2)) <= 12 or not 2000 <= int(cocok.group(1)) <= 2100:
            raise forms.ValidationError("Bulan tidak valid; gunakan format tahun-bulan, mis. 2026-10.")
        return date(int(cocok.group(1)), int(cocok.group(2)), 1)

    def clean_metode(self):
        # Tanpa pilihan: tim penilai, alur yang sudah ada sebelum metode berjenjang.
        return self.cleaned_data.get("metode") or MetodePenilaian.TIM

    def clean(self):
        data = super().clean()
        jenis = data.get("jenis")
        if jenis == JenisPeriode.INSIDENTIL:
            for nama in ("mulai", "selesai"):
                if not data.get(nama) and nama not in self.errors:
                    self.add_error(nama, "Periode insidentil memerlukan tanggal mulai dan selesai.")
        elif jenis:
            if data.get("bulan_mulai"):
                data["mulai"], data["selesai"] = data["bulan_mulai"], None
            elif "bulan_mulai" not in self.errors:
                self.add_error("bulan_mulai", "Pilih bulan pertama periode.")
        return data


class BobotForm(forms.Form):
    """Satu isian bobot per kriteria periode (nama field ``bobot_<id>``)."""

    def __init__(self, *args, kriteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriteria = list(kriteria)
        for k in self.kriteria:
            self.fields[f"bobot_{k.pk}"] = _bobot(k.nama, initial=k.bobot)

    def bobot(self) -> dict[int, object]:
        return {k.pk: self.cleaned_data[f"bobot_{k.pk}"] for k in self.kriteria}


class KriteriaTambahForm(forms.Form):
    nama = forms.CharField(
        label="Nama kriteria", max_length=150, widget=forms.TextInput(attrs=_TEKS),
        error_messages={"required": _WAJIB},
    )  # fmt: skip
    bobot = _bobot("Bobot (%)")


class TimForm(forms.Form):
    sekretaris = forms.ModelChoiceField(
        label="Sekretaris tim", queryset=None, widget=forms.Select(attrs=_PILIH),
        help_text="Sekretaris Perangkat Daerah / Kepala Sub Bagian Umum UOBK/Biro/UPTD.",
        error_messages={"required": _WAJIB, "invalid_choice": "Pilih sekretaris dari daftar Pelaksana unit."},
    )  # fmt: skip
    anggota = forms.ModelMultipleChoiceField(
        label="Anggota tim (3 orang Kepala Bagian/Bidang)", queryset=None,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        error_messages={"required": "Pilih 3 anggota tim.", "invalid_choice": "Pilih anggota dari daftar.",
                        "invalid_pk_value": "Pilihan anggota tidak valid."},
    )  # fmt: skip

    def __init__(self, *args, calon, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sekretaris"].queryset = calon
        self.fields["anggota"].queryset = calon
        self.fields["sekretaris"].label_from_instance = _label_pelaksana
        self.fields["anggota"].label_from_instance = _label_pelaksana

    def clean_anggota(self):
        anggota = list(self.cleaned_data["anggota"])
        if len(anggota) != 3:
            raise forms.ValidationError(f"Pilih tepat 3 anggota tim; terpilih {len(anggota)}.")
        return anggota


def _label_pelaksana(p) -> str:
    return f"{p.nama} — {p.jabatan}" if p.jabatan else p.nama


class NominasiForm(forms.Form):
    pelaksana = forms.ModelChoiceField(
        label="Pelaksana", queryset=None, widget=forms.Select(attrs=_PILIH),
        error_messages={"required": _WAJIB, "invalid_choice": "Pilih Pelaksana dari daftar unit."},
    )  # fmt: skip
    alasan = forms.CharField(
        label="Alasan pengusulan", required=False, max_length=2000,
        widget=forms.Textarea(attrs={**_TEKS, "rows": 2}),
    )  # fmt: skip

    def __init__(self, *args, calon, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pelaksana"].queryset = calon
        self.fields["pelaksana"].label_from_instance = _label_pelaksana


class LembarNilaiForm(forms.Form):
    """Lembar nilai satu anggota tim: ``n_<nominasi>_<kriteria>`` bernilai 0–100."""

    def __init__(self, *args, nominasi, kriteria, awal: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominasi, self.kriteria = list(nominasi), list(kriteria)
        pesan = f"Nilai harus bilangan bulat {NILAI_MINIMUM}–{NILAI_MAKSIMUM}."
        for n in self.nominasi:
            for k in self.kriteria:
                self.fields[f"n_{n.pk}_{k.pk}"] = forms.IntegerField(
                    label=f"{k.nama} — {n.pelaksana.nama}", min_value=NILAI_MINIMUM, max_value=NILAI_MAKSIMUM,
                    initial=awal.get((n.pk, k.pk)),
                    widget=forms.NumberInput(attrs={"class": "form-control form-control-sm text-end",
                                                    "inputmode": "numeric", "min": 0, "max": 100}),
                    error_messages={"required": "Isi nilai.", "invalid": pesan, "min_value": pesan,
                                    "max_value": pesan},
                )  # fmt: skip

    def baris(self):
        """(nominasi, [bound field per kriteria]) untuk tabel nominasi × kriteria."""
        return [(n, [self[f"n_{n.pk}_{k.pk}"] for k in self.kriteria]) for n in self.nominasi]

    def nilai(self) -> dict[tuple[int, int], int]:
        return {
            (n.pk, k.pk): self.cleaned_data[f"n_{n.pk}_{k.pk}"] for n in self.nominasi for k in self.kriteria
        }


class TahapBerjenjangForm(forms.Form):
    """Nilai satu tingkat penilaian berjenjang: ``k_<kriteria>`` bernilai 0–100, dan catatan peninjau."""

    catatan = forms.CharField(
        label="Catatan penilai", required=False, max_length=2000,
        widget=forms.Textarea(attrs={**_TEKS, "rows": 3}),
    )  # fmt: skip

    def __init__(self, *args, kriteria, awal: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriteria = list(kriteria)
        pesan = f"Nilai harus bilangan bulat {NILAI_MINIMUM}–{NILAI_MAKSIMUM}."
        for k in self.kriteria:
            self.fields[f"k_{k.pk}"] = forms.IntegerField(
                label=k.nama, min_value=NILAI_MINIMUM, max_value=NILAI_MAKSIMUM, initial=awal.get(k.pk),
                widget=forms.NumberInput(attrs={"class": "form-control text-end", "inputmode": "numeric",
                                                "min": 0, "max": 100}),
                error_messages={"required": "Isi nilai.", "invalid": pesan, "min_value": pesan,
                                "max_value": pesan},
            )  # fmt: skip

    def bidang_kriteria(self):
        return [(k, self[f"k_{k.pk}"]) for k in self.kriteria]

    def nilai(self) -> dict[int, int]:
        return {k.pk: self.cleaned_data[f"k_{k.pk}"] for k in self.kriteria}


class PenetapanForm(forms.Form):
    nomor_keputusan = forms.CharField(
        label="Nomor Keputusan Kepala Penyelenggara", max_length=100, widget=forms.TextInput(attrs=_TEKS),
        error_messages={"required": _WAJIB},
    )  # fmt: skip
    tanggal_keputusan = _tanggal("Tanggal keputusan")

    def __init__(self, *args, nominasi, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominasi = list(nominasi)
        for n in self.nominasi:
            self.fields[f"pilih_{n.pk}"] = forms.BooleanField(
                label=f"Tetapkan {n.pelaksana.nama} sebagai penerima", required=False,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )  # fmt: skip
            self.fields[f"bentuk_{n.pk}"] = forms.MultipleChoiceField(
                label="Bentuk penghargaan", required=False, choices=BentukPelaksana.choices,
                initial=[BentukPelaksana.PIAGAM],
                widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
                error_messages={"invalid_choice": "Bentuk penghargaan tidak dikenal."},
            )  # fmt: skip
            self.fields[f"ket_{n.pk}"] = forms.CharField(
                label="Keterangan bentuk", required=False, max_length=255,
                widget=forms.TextInput(attrs={**_TEKS, "placeholder": "mis. uang pembinaan Rp1.000.000"}),
            )  # fmt: skip
            self.fields[f"publik_{n.pk}"] = forms.BooleanField(
                label="Setuju namanya ditampilkan di halaman publik", required=False,
                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
            )  # fmt: skip

    def bidang_nominasi(self, nominasi):
        return {k: self[f"{k}_{nominasi.pk}"] for k in ("pilih", "bentuk", "ket", "publik")}

    def clean(self):
        data = super().clean()
        for n in self.nominasi:
            if data.get(f"pilih_{n.pk}") and not data.get(f"bentuk_{n.pk}"):
                self.add_error(f"bentuk_{n.pk}", f"Pilih bentuk penghargaan untuk {n.pelaksana.nama}.")
        return data

    def penerima(self) -> list[dict]:
        d = self.cleaned_data
        return [
            {"nominasi": n, "bentuk": d[f"bentuk_{n.pk}"], "keterangan_bentuk": d[f"ket_{n.pk}"],
             "tampil_publik": d[f"publik_{n.pk}"]}
            for n in self.nominasi
            if d.get(f"pilih_{n.pk}")
        ]  # fmt: skip
