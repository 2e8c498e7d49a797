"""Halaman pengaduan publik (tanpa login): formulir, halaman terkirim dengan kode lacak, dan halaman lacak.

Kiriman dan pencarian kode dibatasi per alamat klien (``core.pembatas``; HTTP 429 bila terlampaui), formulir
membawa umpan dan cap waktu. Halaman lacak hanya menerima ``LacakPublik`` dari selector: status dan
keterangan publik, tidak ada catatan internal, nama yang diadukan, lampiran, atau data pelapor.
"""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from kaltim_yanlik.core import kiriman, pembatas
from kaltim_yanlik.core.exceptions import DomainError

from .. import selectors_pengaduan as selectors
from .. import services
from ..forms_pengaduan import PengaduanPublikForm
from ..models import Pengaduan

_KUNCI_SESI = "sanksi_pengaduan_terkirim"


def _form(data=None, files=None) -> PengaduanPublikForm:
    unit = selectors.unit_pilihan_publik()
    return PengaduanPublikForm(
        data, files, unit_qs=unit, layanan_qs=selectors.jenis_layanan_pilihan(unit_qs=unit)
    )


def _render_form(request, form, status=200):
    return render(
        request,
        "sanksi/publik/pengaduan_form.html",
        {"form": form, "saluran_lapor": Pengaduan.Saluran.SP4N_LAPOR.label},
        status=status,
    )


def _terlalu_banyak(request, pesan: str, templat: str, konteks: dict | None = None):
    return render(request, templat, {**(konteks or {}), "galat_batas": pesan}, status=429)


def _kirim(request):
    try:
        pembatas.wajib_dalam_batas(
            lingkup="pengaduan.kirim",
            alamat=pembatas.alamat_klien(request),
            batas=settings.BATAS_KIRIM_PUBLIK,
        )
    except pembatas.BatasTerlampaui as e:
        return _terlalu_banyak(request, e.pesan, "sanksi/publik/pengaduan_form.html", {"form": _form()})
    form = _form(request.POST, request.FILES)
    if form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in ("situs_web", "waktu_isi", kiriman.BIDANG)
        }

        def kirim():
            pengaduan = services.pengaduan_kirim_publik(alamat_ip=pembatas.alamat_klien(request), **data)
            return reverse("sanksi:pengaduan_terkirim"), {"kode_lacak": pengaduan.kode_lacak}

        try:
            hasil = kiriman.jalankan_sekali(
                kunci=form.cleaned_data[kiriman.BIDANG],
                lingkup="sanksi.pengaduan.publik",
                pengguna=None,
                aksi=kirim,
            )
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            # Kode dibawa lewat sesi: halaman terkirim hanya menampilkan kode milik peramban pengirimnya (yang
            # memegang kunci formulir itu; kiriman ulangnya mendapat kode yang sama, bukan pengaduan kedua).
            request.session[_KUNCI_SESI] = hasil.data["kode_lacak"]
            if hasil.ulang:
                return kiriman.jawab_ulang(request, hasil)
            return redirect(hasil.url)
    return _render_form(request, form, status=400)


@require_http_methods(["GET", "POST"])
def pengaduan_publik(request):
    if request.method == "POST":
        return _kirim(request)
    return _render_form(request, _form())


@require_GET
def pengaduan_terkirim(request):
    kode = request.session.get(_KUNCI_SESI)
    if not kode:
        return redirect("sanksi:pengaduan_publik")
    return render(request, "sanksi/publik/pengaduan_terkirim.html", {"kode": kode})


@require_GET
def pengaduan_lacak(request):
    kode = (request.GET.get("kode") or "").strip()[:40]
    konteks = {"kode": kode}
    if not kode:
        return render(request, "sanksi/publik/pengaduan_lacak.html", konteks)
    try:
        # Setiap pencarian dihitung: menebak kode pelapor lain butuh jutaan percobaan.
        pembatas.wajib_dalam_batas(
            lingkup="pengaduan.lacak",
            alamat=pembatas.alamat_klien(request),
            batas=settings.BATAS_LACAK_PUBLIK,
        )
    except pembatas.BatasTerlampaui as e:
        return _terlalu_banyak(request, e.pesan, "sanksi/publik/pengaduan_lacak.html", konteks)
    hasil = selectors.lacak_publik(kode=kode)
    konteks.update(hasil=hasil, dicari=True)
    return render(request, "sanksi/publik/pengaduan_lacak.html", konteks, status=200 if hasil else 404)
