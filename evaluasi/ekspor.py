"""Peringkat Rekap Provinsi sebagai XLSX: baris yang sama dengan PDF Rekap Provinsi, untuk diolah lanjut.

Dibuat saat diminta (openpyxl mode tulis-saja: 1.000 lokus ±0,2 detik, memori tetap), lewat pemeriksaan akses
yang sama dengan PDF-nya (``evaluasi.dokumen``: hanya peran yang menjangkau semua unit). Teks dari data
selalu ditulis sebagai teks, tidak pernah sebagai rumus (nama unit yang diawali "=" tidak dijalankan Excel).
"""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from .rekap import RekapSiklus, aspek_berbobot

FORMAT_IPP = "0.00"
_TEBAL = Font(bold=True)


def _teks(lembar, nilai, tebal: bool = False) -> WriteOnlyCell:
    sel = WriteOnlyCell(lembar, value="" if nilai is None else str(nilai))
    sel.data_type = "s"  # openpyxl menganggap teks berawalan "=" sebagai rumus; di sini selalu teks
    if tebal:
        sel.font = _TEBAL
    return sel


def _angka(lembar, nilai, format_angka: str = FORMAT_IPP) -> WriteOnlyCell:
    sel = WriteOnlyCell(lembar, value=nilai)
    if nilai is not None:
        sel.number_format = format_angka
    return sel


def peringkat_xlsx(rekap: RekapSiklus) -> bytes:
    """Satu lembar "Peringkat": judul, lalu satu baris per lokus berhasil (urut peringkat)."""
    siklus = rekap.siklus
    aspek = aspek_berbobot(siklus)
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet("Peringkat")
    lalu = rekap.lalu.siklus.tahun if rekap.lalu else None
    lembar.append([_teks(lembar, f"Peringkat lokus {siklus.nama}", tebal=True)])
    lembar.append(
        [_teks(lembar, f"Keadaan per {timezone.localtime():%d-%m-%Y %H.%M} WITA; IPP dibulatkan 2 desimal")]
    )
    kepala = ["Peringkat", "Penyelenggara", "Jenis", "Induk", "Status", "IPP", "Kategori", "Predikat"]
    kepala += [f"Aspek {kode}. {nama}" for kode, nama in aspek]
    if lalu:
        kepala += [f"IPP {lalu}", "Selisih"]
    lembar.append([_teks(lembar, k, tebal=True) for k in kepala])
    for b in rekap.baris:
        baris = [
            _angka(lembar, b.peringkat, "0"),
            _teks(lembar, b.penyelenggara),
            _teks(lembar, b.jenis_unit),
            _teks(lembar, b.induk),
            _teks(lembar, "final" if b.final else "dinilai (sementara)"),
            _angka(lembar, b.ipp),
            _teks(lembar, b.kategori),
            _teks(lembar, b.predikat),
            *(_angka(lembar, b.nilai_aspek.get(kode), "0.0000") for kode, _ in aspek),
        ]
        if lalu:
            baris += [_angka(lembar, b.ipp_lalu), _angka(lembar, b.selisih)]
        lembar.append(baris)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
