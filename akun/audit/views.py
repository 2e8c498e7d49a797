"""Halaman audit Biro/Admin: siapa mengubah apa dan kapan di seluruh portal; saringan dan ekspor CSV."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from kaltim_yanlik.core.audit_label import label_aksi, ringkas_perubahan

from .. import akses
from ..akses import Kemampuan
from . import selectors
from .forms import AuditFilterForm

PER_HALAMAN = 50


@login_required
@require_GET
def audit_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_AUDIT)
    filter_form = AuditFilterForm(request.GET or None)
    qs = selectors.jejak_audit_daftar(**filter_form.kriteria())
    # Ekspor hanya dari saringan yang seluruhnya sah: berkas CSV tidak menampilkan peringatan formulir.
    if request.GET.get("unduh") == "csv" and not filter_form.errors:
        return _unduh_csv(qs)
    # "halaman" dipakai partial paginasi portal; "page" diterima juga untuk tautan dari luar.
    nomor = request.GET.get("halaman") or request.GET.get("page")
    halaman = Paginator(qs, PER_HALAMAN).get_page(nomor)
    tautan = selectors.tautan_objek(halaman)
    for jejak in halaman:
        jejak.label, jejak.perubahan = label_aksi(jejak.aksi), ringkas_perubahan(jejak.data)
        jejak.tautan = tautan.get(jejak.pk)
    return render(request, "akun/audit.html", {"filter_form": filter_form, "halaman": halaman})


class _Gema:
    """Berkas semu untuk csv.writer: baris langsung dikirim ke klien tanpa ditampung di memori."""

    def write(self, nilai):
        return nilai


def _sel_aman(nilai) -> str:
    # Sel yang diawali = + - @ dijalankan sebagai rumus oleh spreadsheet; diawali apostrof agar tetap teks.
    teks = str(nilai)
    return "'" + teks if teks[:1] in ("=", "+", "-", "@", "\t", "\r") else teks


def _baris_csv(jejak) -> list:
    pengguna = jejak.pengguna
    return [
        timezone.localtime(jejak.waktu).strftime("%Y-%m-%d %H:%M:%S"),
        pengguna.nama if pengguna else "Sistem/publik",
        pengguna.get_peran_display() if pengguna else "",
        jejak.aksi,
        label_aksi(jejak.aksi),
        jejak.content_type.model,
        jejak.object_id,
        jejak.objek_repr,
        jejak.unit_nama or "",
        "; ".join(f"{nama}: {teks}" for nama, teks in ringkas_perubahan(jejak.data)),
    ]


_KEPALA_CSV = [
    "waktu (WITA)",
    "pengguna",
    "peran",
    "kode aksi",
    "aksi",
    "jenis objek",
    "id objek",
    "objek",
    "unit",
    "perubahan",
]


def _unduh_csv(qs) -> StreamingHttpResponse:
    penulis = csv.writer(_Gema())

    def baris():
        yield "\ufeff"  # BOM agar Excel membaca UTF-8 (nama dan uraian berhuruf non-ASCII).
        yield penulis.writerow(_KEPALA_CSV)
        for jejak in qs.iterator(chunk_size=2000):
            yield penulis.writerow([_sel_aman(n) for n in _baris_csv(jejak)])

    respons = StreamingHttpResponse(baris(), content_type="text/csv; charset=utf-8")
    nama = f"jejak-audit-{timezone.localdate():%Y%m%d}.csv"
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    return respons
