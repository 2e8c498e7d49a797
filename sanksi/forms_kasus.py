"""Formulir kasus pelanggaran: saringan daftar, pembukaan kasus, dan satu formulir per langkah.

Formulir hanya memeriksa bentuk masukan. Urutan langkah, peran, tanggal yang tidak boleh mendahului langkah
sebelumnya, dan batas keberatan diperiksa service ``sanksi.services.pelanggaran``; kesalahannya ditampilkan
sebagai galat formulir.
"""

from django import forms

from kaltim_yanlik.core.kiriman import KirimanSekaliMixin, tambah_kunci
from kode_etik.models import JenisLayanan, Larangan

from . import alur
from .models import Pelanggaran, Rujukan, Sanksi

_TEKS = {"class": "form-control"}
_PILIH = {"class": "form-select"}
_TANGGAL = forms.DateInput(attrs={**_TEKS, "type": "date"}, format="%Y-%m-%d")
_WAJIB = "Bagian ini wajib diisi."


def _teks(label, rows=3, **kwargs):
    return forms.CharField(
        label=label,
        max_length=4000,
        widget=forms.Textarea(attrs={**_TEKS, "rows": rows}),
        error_messages={"required": _WAJIB},
        **kwargs,
    )


def _baris(label, max_length=200, **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=forms.TextInput(attrs=_TEKS),
        error_messages={"required": _WAJIB},
        **kwargs,
    )


def _tanggal(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=_TANGGAL,
        error_messages={"required": _WAJIB, "invalid": "Tanggal tidak valid."},
        **kwargs,
    )


def label_larangan(larangan: Larangan) -> str:
    jalur = (
        "administratif"
        if larangan.jalur_sanksi == Larangan.JalurSanksi.ADMINISTRATIF
        else "perundang-undangan"
    )
    return f"Huruf {larangan.huruf} — {larangan.teks} [{jalur}]"


class KasusFilterForm(forms.Form):
    cari = forms.CharField(
        label="Cari",
        required=False,
        widget=forms.TextInput(attrs={**_TEKS, "placeholder": "Nama/NIP Pelaksana, unit, uraian"}),
    )
    tahap = forms.ChoiceField(
        label="Tahap",
        required=False,
        choices=[("", "Semua tahap"), *Pelanggaran.Tahap.choices],
        widget=forms.Select(attrs=_PILIH),
    )
    jalur = forms.ChoiceField(
        label="Jalur",
        required=False,
        choices=[("", "Semua jalur"), *Pelanggaran.Jalur.choices],
        widget=forms.Select(attrs=_PILIH),
    )
    larangan = forms.ModelChoiceField(
        label="Larangan",
        required=False,
        queryset=Larangan.objects.all(),
        empty_label="Semua larangan",
        widget=forms.Select(attrs=_PILIH),
    )
    penyelenggara = forms.ModelChoiceField(
        label="Unit",
        required=False,
        queryset=None,
        to_field_name="code",
        empty_label="Semua unit",
        widget=forms.Select(attrs=_PILIH),
    )
    lewat_batas = forms.BooleanField(
        label="Keputusan keberatan/banding lewat batas",
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, penyelenggara_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penyelenggara"].queryset = penyelenggara_pilihan
        self.fields["larangan"].label_from_instance = lambda x: f"Huruf {x.huruf}"

    def opsi_unit(self) -> list[tuple]:
        """(kode, nama) unit untuk {% opsi_pilihan %}: ratusan unit lewat widget Select terlalu mahal."""
        return list(self.fields["penyelenggara"].queryset.values_list("code", "nama"))


class BukaKasusForm(KirimanSekaliMixin, forms.Form):
    pelaksana = forms.ModelChoiceField(
        label="Pelaksana",
        queryset=None,
        to_field_name="code",
        widget=forms.Select(attrs=_PILIH),
        error_messages={"required": "Pilih Pelaksana."},
    )
    larangan = forms.ModelChoiceField(
        label="Larangan yang diduga dilanggar (Pasal 10)",
        queryset=Larangan.objects.all(),
        widget=forms.RadioSelect(attrs={"class": "form-check-input flex-shrink-0"}),
        error_messages={"required": "Pilih larangan yang diduga dilanggar."},
    )
    sumber = forms.ChoiceField(
        label="Sumber",
        choices=Pelanggaran.Sumber.choices,
        widget=forms.Select(attrs=_PILIH),
        initial=Pelanggaran.Sumber.TEMUAN_ATASAN,
    )
    pengaduan = forms.ModelChoiceField(
        label="Pengaduan",
        required=False,
        queryset=None,
        to_field_name="code",
        empty_label="— tanpa pengaduan —",
        help_text="Wajib bila sumbernya pengaduan; hanya pengaduan atas unit Pelaksana yang sama.",
        widget=forms.Select(attrs=_PILIH),
    )
    uraian = _teks(
        "Uraian dugaan pelanggaran", rows=4, help_text="Apa, kapan, di mana; siapa yang melihat atau mengadu."
    )

    def __init__(self, *args, pelaksana_pilihan, pengaduan_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pelaksana"].queryset = pelaksana_pilihan
        self.fields["pelaksana"].label_from_instance = lambda p: f"{p.nama} — {p.penyelenggara.nama_pendek}"
        self.fields["pengaduan"].queryset = pengaduan_pilihan
        self.fields["pengaduan"].label_from_instance = lambda p: (
            f"{p.kode_lacak} — {p.penyelenggara.nama_pendek} ({p.get_status_display().lower()})"
        )
        self.fields["larangan"].label_from_instance = label_larangan


class PemanggilanForm(forms.Form):
    nomor_surat = _baris("Nomor surat panggilan", 80)
    tanggal_surat = _tanggal("Tanggal surat")
    jadwal = forms.DateTimeField(
        label="Hari dan jam pemeriksaan",
        widget=forms.DateTimeInput(attrs={**_TEKS, "type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": _WAJIB, "invalid": "Tanggal dan jam tidak valid."},
    )
    tempat = _baris("Tempat pemeriksaan")


class PemeriksaanForm(forms.Form):
    tanggal = _tanggal("Tanggal pemeriksaan")
    pemeriksa = _teks("Pemeriksa", rows=2, help_text="Nama (dan NIP) pemeriksa, satu per baris.")
    ringkasan = _teks("Ringkasan pemeriksaan", rows=4)


class BapForm(forms.Form):
    nomor = _baris("Nomor BAP", 80)
    tanggal = _tanggal("Tanggal BAP")
    keterangan_terperiksa = _teks("Keterangan Pelaksana yang diperiksa")
    temuan = _teks("Temuan pemeriksa")
    terbukti = forms.TypedChoiceField(
        label="Kesimpulan pemeriksaan",
        choices=[("ya", "Pelanggaran terbukti"), ("tidak", "Pelanggaran tidak terbukti")],
        coerce=lambda v: v == "ya",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": "Pilih kesimpulan pemeriksaan."},
    )


class SanksiForm(forms.Form):
    jenis = forms.ChoiceField(
        label="Jenis sanksi administratif",
        choices=Sanksi.Jenis.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": "Pilih jenis sanksi."},
    )
    nomor_keputusan = _baris("Nomor keputusan", 80)
    tanggal_keputusan = _tanggal("Tanggal keputusan")
    pertimbangan = _teks("Pertimbangan", rows=4)
    # Hanya untuk pemindahan dari tempat layanan publik: penempatan baru wajib (diperiksa service).
    jenis_layanan_baru = forms.ModelChoiceField(
        label="Pemindahan: jenis layanan tujuan",
        required=False,
        queryset=JenisLayanan.objects.none(),
        to_field_name="code",
        empty_label="— pilih atau tulis tempat di bawah —",
        widget=forms.Select(attrs=_PILIH),
    )
    tempat_baru = forms.CharField(
        label="Pemindahan: tempat tujuan",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs=_TEKS),
        help_text="Mis. Bagian Arsip; boleh bersama jenis layanan.",
    )
    berlaku_mulai = forms.DateField(
        label="Pemindahan berlaku mulai",
        required=False,
        widget=_TANGGAL,
        error_messages={"invalid": "Tanggal tidak valid."},
        help_text="Kosong: sejak tanggal keputusan. Penempatan sekarang berakhir pada tanggal ini.",
    )

    def __init__(self, *args, pelanggaran, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis_layanan_baru"].queryset = JenisLayanan.objects.filter(
            penyelenggara=pelanggaran.penyelenggara_id, aktif=True
        )


class TidakTerbuktiForm(forms.Form):
    alasan = _teks("Alasan kasus ditutup tidak terbukti", rows=4)


class RujukanForm(forms.Form):
    instansi = forms.ChoiceField(
        label="Jenis instansi", choices=Rujukan.Instansi.choices, widget=forms.Select(attrs=_PILIH)
    )
    nama_instansi = _baris("Nama instansi tujuan")
    nomor_surat = _baris("Nomor surat rujukan", 80)
    tanggal = _tanggal("Tanggal surat rujukan")


class RujukanHasilForm(forms.Form):
    rujukan = forms.ModelChoiceField(
        label="Rujukan",
        queryset=None,
        empty_label="— pilih rujukan —",
        to_field_name="code",
        widget=forms.Select(attrs=_PILIH),
        error_messages={"required": "Pilih rujukan."},
    )
    hasil = _teks("Hasil dari instansi", rows=3)
    hasil_tanggal = _tanggal("Tanggal hasil")

    def __init__(self, *args, pelanggaran, **kwargs):
        super().__init__(*args, **kwargs)
        # Hanya rujukan kasus ini yang belum berhasil: rujukan kasus lain tidak dapat dipilih lewat kodenya.
        menunggu = pelanggaran.rujukan.filter(hasil="")
        self.fields["rujukan"].queryset = menunggu
        if len(menunggu) == 1:
            self.fields["rujukan"].initial = menunggu[0].code
        self.fields["rujukan"].label_from_instance = lambda r: f"{r.nama_instansi} · {r.nomor_surat}"


class SelesaiForm(forms.Form):
    """Penyelesaian kasus rujukan tidak butuh isian; formulir kosong agar alurnya seragam."""


class KeberatanForm(forms.Form):
    tanggal_diterima = _tanggal("Tanggal keberatan diterima")
    alasan = _teks("Alasan dan pembelaan Pelaksana", rows=4)


class KeberatanPutusForm(forms.Form):
    keputusan = forms.ChoiceField(
        label="Keputusan",
        choices=[("dikabulkan", "Dikabulkan: sanksi dibatalkan"), ("ditolak", "Ditolak: sanksi tetap")],
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={"required": "Pilih dikabulkan atau ditolak."},
    )
    pertimbangan = _teks("Pertimbangan keputusan", rows=4)
    tanggal_putusan = _tanggal("Tanggal keputusan", required=False, help_text="Kosong: hari ini.")


class BandingForm(forms.Form):
    tanggal_diterima = _tanggal("Tanggal banding diterima")
    alasan = _teks("Alasan banding", rows=4)


class BandingPutusForm(KeberatanPutusForm):
    """Keputusan banding oleh atasan pejabat penerbit; isiannya sama dengan keputusan keberatan."""


FORM_LANGKAH = {
    alur.PEMANGGILAN: PemanggilanForm,
    alur.PEMERIKSAAN: PemeriksaanForm,
    alur.BAP: BapForm,
    alur.SANKSI: SanksiForm,
    alur.TIDAK_TERBUKTI: TidakTerbuktiForm,
    alur.RUJUKAN: RujukanForm,
    alur.RUJUKAN_HASIL: RujukanHasilForm,
    alur.SELESAI: SelesaiForm,
    alur.KEBERATAN: KeberatanForm,
    alur.KEBERATAN_PUTUS: KeberatanPutusForm,
    alur.BANDING: BandingForm,
    alur.BANDING_PUTUS: BandingPutusForm,
}


def form_langkah(langkah: str, pelanggaran, data=None, **kwargs) -> forms.Form:
    kelas = FORM_LANGKAH[langkah]
    if kelas in (RujukanHasilForm, SanksiForm):
        kwargs["pelanggaran"] = pelanggaran
    # Setiap langkah mencatat rekaman baru (panggilan, BAP, sanksi, keberatan, banding, ...): kirim sekali.
    return tambah_kunci(kelas(data, prefix=langkah, **kwargs))
