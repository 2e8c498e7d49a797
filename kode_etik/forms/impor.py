"""Formulir impor admin: berkas unggahan diperiksa sebelum django-import-export membacanya.

``FormImporBerkas`` menolak, dengan pesan yang jelas dan tanpa satu baris pun diimpor: berkas melebihi
``settings.IMPOR_UKURAN_MAKS``, berkas kosong, ekstensi selain format yang tersedia (CSV/XLSX), ekstensi yang
tidak sesuai dengan format yang dipilih, dan isi yang tidak sesuai ekstensinya (gambar/PDF yang diganti
namanya, ``.xlsx`` yang bukan arsip OOXML, CSV yang bukan teks UTF-8 atau memakai pemisah titik koma).

``FormKonfirmasiImpor`` memeriksa field tersembunyi langkah konfirmasi, yang bawaannya langsung dipakai
sebagai indeks daftar (``int(...)``) sehingga nilai rusak berakhir sebagai galat 500.
"""

import zipfile

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from import_export.forms import ConfirmImportForm, ImportForm

# Tanda tangan (magic bytes) berkas biner yang sering diganti namanya menjadi .csv/.xlsx.
_TANDA_BINER = (
    (b"\x89PNG\r\n\x1a\n", "gambar PNG"),
    (b"\xff\xd8\xff", "gambar JPEG"),
    (b"GIF87a", "gambar GIF"),
    (b"GIF89a", "gambar GIF"),
    (b"%PDF", "dokumen PDF"),
    (b"PK\x03\x04", "arsip ZIP/XLSX/DOCX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "dokumen Office lama (.xls/.doc) atau berkas berkata sandi"),
    (b"Rar!", "arsip RAR"),
    (b"7z\xbc\xaf\x27\x1c", "arsip 7-Zip"),
    (b"\x1f\x8b", "arsip GZIP"),
    (b"\x7fELF", "program (ELF)"),
)

# Isi XLSX yang sudah diurai boleh jauh lebih besar dari berkasnya, tetapi tidak tanpa batas (bom zip).
_RASIO_URAI_XLSX_MAKS = 20


def _ekstensi(nama: str) -> str:
    _, titik, ekstensi = (nama or "").rpartition(".")
    return ekstensi.lower() if titik else ""


def _bita(n: int) -> str:
    return f"{n:,} bita".replace(",", ".")


def _jenis_biner(kepala: bytes) -> str | None:
    for tanda, jenis in _TANDA_BINER:
        if kepala.startswith(tanda):
            return jenis
    return None


class FormImporBerkas(ImportForm):
    """``ImportForm`` import-export dengan pemeriksaan berkas; pesan kesalahan menempel di field berkas."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self._formats = list(formats)
        self._ekstensi_sah = [f().get_extension() for f in self._formats]
        berkas = self.fields["import_file"]
        berkas.error_messages["empty"] = "Berkas kosong (0 bita). Unggah berkas yang berisi data."
        berkas.help_text = (
            f"Berkas {self._daftar_ekstensi()}, paling besar {filesizeformat(self._ukuran_maks())}. "
            "CSV wajib ber-encoding UTF-8 dengan pemisah koma."
        )
        berkas.widget.attrs["accept"] = ",".join(f".{e}" for e in self._ekstensi_sah)

    @staticmethod
    def _ukuran_maks() -> int:
        return settings.IMPOR_UKURAN_MAKS

    def _daftar_ekstensi(self) -> str:
        return " atau ".join(f".{e}" for e in self._ekstensi_sah)

    def clean_import_file(self):
        berkas = self.cleaned_data["import_file"]
        if berkas.size > self._ukuran_maks():
            raise forms.ValidationError(
                f"Ukuran berkas ({_bita(berkas.size)}) melebihi batas {filesizeformat(self._ukuran_maks())} "
                f"({_bita(self._ukuran_maks())}). Pecah data menjadi beberapa berkas.",
                code="terlalu_besar",
            )
        if _ekstensi(berkas.name) not in self._ekstensi_sah:
            raise forms.ValidationError(
                f"Jenis berkas “{berkas.name}” tidak diterima. Unggah berkas {self._daftar_ekstensi()}.",
                code="ekstensi",
            )
        return berkas

    def clean(self):
        data = super().clean()
        berkas = data.get("import_file")
        indeks = data.get("format")
        if berkas is None or indeks in (None, ""):
            return data
        format_ = self._formats[int(indeks)]()
        ekstensi = format_.get_extension()
        if _ekstensi(berkas.name) != ekstensi:
            self.add_error(
                "import_file",
                forms.ValidationError(
                    f"Berkas “{berkas.name}” tidak sesuai dengan format {format_.get_title().upper()} "
                    "yang dipilih. Pilih format yang sesuai dengan berkas.",
                    code="format_tidak_sesuai",
                ),
            )
            return data
        try:
            if format_.is_binary():
                self._periksa_xlsx(berkas)
            else:
                self._periksa_csv(berkas)
        except forms.ValidationError as e:
            self.add_error("import_file", e)
        finally:
            berkas.seek(0)
        return data

    def _periksa_xlsx(self, berkas):
        berkas.seek(0)
        kepala = berkas.read(8)
        berkas.seek(0)
        if not kepala.startswith(b"PK\x03\x04"):
            jenis = _jenis_biner(kepala)
            keterangan = f" (terdeteksi {jenis})" if jenis else ""
            raise forms.ValidationError(
                f"Isi berkas bukan lembar kerja Excel .xlsx{keterangan}. "
                "Simpan ulang dari Excel sebagai “Excel Workbook (*.xlsx)” tanpa kata sandi.",
                code="isi_bukan_xlsx",
            )
        try:
            with zipfile.ZipFile(berkas) as arsip:
                daftar = arsip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            daftar = None
        nama = {i.filename for i in daftar or ()}
        if not daftar or "[Content_Types].xml" not in nama or not any(n.startswith("xl/") for n in nama):
            raise forms.ValidationError(
                "Isi berkas bukan lembar kerja Excel .xlsx yang utuh "
                "(arsip rusak atau bukan buku kerja Excel).",
                code="isi_bukan_xlsx",
            )
        if sum(i.file_size for i in daftar) > _RASIO_URAI_XLSX_MAKS * self._ukuran_maks():
            raise forms.ValidationError(
                "Isi berkas .xlsx terlalu besar setelah diurai. Pecah data menjadi beberapa berkas.",
                code="terlalu_besar",
            )

    def _periksa_csv(self, berkas):
        berkas.seek(0)
        isi = berkas.read()
        jenis = _jenis_biner(isi[:8])
        if jenis or b"\x00" in isi:
            keterangan = f" (terdeteksi {jenis})" if jenis else " (berisi data biner)"
            raise forms.ValidationError(
                f"Isi berkas bukan teks CSV{keterangan}. Unggah berkas CSV yang sebenarnya.",
                code="isi_bukan_csv",
            )
        try:
            teks = isi.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            baris = isi[: e.start].count(b"\n") + 1
            raise forms.ValidationError(
                f"Berkas CSV tidak ber-encoding UTF-8 (karakter tidak dikenal di baris ke-{baris} berkas, "
                "dihitung dari baris judul). "
                "Dari Excel, simpan ulang dengan “CSV UTF-8 (Comma delimited) (*.csv)”.",
                code="bukan_utf8",
            ) from None
        if not teks.strip():
            raise forms.ValidationError("Berkas CSV tidak berisi data.", code="kosong")
        judul = teks.lstrip().splitlines()[0]
        if ";" in judul and "," not in judul:
            raise forms.ValidationError(
                "Kolom CSV dipisahkan titik koma (;). Gunakan pemisah koma (,): dari Excel, simpan ulang "
                "dengan “CSV UTF-8 (Comma delimited) (*.csv)”, atau unggah berkas .xlsx.",
                code="pemisah",
            )


class FormKonfirmasiImpor(ConfirmImportForm):
    """Langkah konfirmasi: indeks format dan resource harus menunjuk pilihan yang ada."""

    def __init__(self, *args, jumlah_format: int, jumlah_resource: int, **kwargs):
        super().__init__(*args, **kwargs)
        self._jumlah_format = jumlah_format
        self._jumlah_resource = jumlah_resource

    @staticmethod
    def _indeks(nilai, jumlah):
        # isascii: isdigit() juga menerima "²", yang membuat int() galat; panjang dibatasi agar int() murah.
        nilai = nilai or ""
        if not (nilai.isascii() and nilai.isdigit() and len(nilai) <= 4) or int(nilai) >= jumlah:
            raise forms.ValidationError(
                "Data konfirmasi impor tidak sah. Unggah ulang berkasnya.", code="indeks"
            )
        return nilai

    def clean_format(self):
        return self._indeks(self.cleaned_data["format"], self._jumlah_format)

    def clean_resource(self):
        nilai = self.cleaned_data.get("resource") or ""
        return self._indeks(nilai, self._jumlah_resource) if nilai else nilai
