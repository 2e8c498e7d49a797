"""Halaman hasil SKM: IKM satu periode dengan tren unitnya, rencana tindak lanjut (RTL), dan bukti RTL.

Objek di luar lingkup pengguna dijawab 404 oleh selector; peran tanpa hak menulis mendapat 403 saat mengirim.
Aturan diputuskan service; ``DomainError`` menjadi galat formulir.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.unggahan import sajikan_unggahan

from .. import selectors, services
from ..forms import RTLForm, RTLSelesaiForm
from ..grafik import grafik_nrr, grafik_tren_ikm


def _form_selesai(butir, gagal):
    """Formulir penyelesaian per butir yang belum selesai (id unik per baris); yang gagal dikirim ulang."""
    if gagal and gagal[0] == butir.pk:
        return gagal[1]
    if butir.selesai_pada:
        return None
    return RTLSelesaiForm(auto_id=f"id_rtl{butir.pk}_%s", initial={"selesai_pada": timezone.localdate()})


def _render_hasil(request, periode, *, form_rtl=None, gagal=None, status=200):
    """Halaman hasil; ``gagal`` = (pk butir, formulir) bila penyelesaian satu butir ditolak."""
    hasil = selectors.hasil_periode(periode)
    tren = selectors.tren_unit(periode.penyelenggara)
    rtl = selectors.ringkasan_rtl(periode)
    boleh_ubah = akses.boleh_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, periode.penyelenggara)
    konteks = {
        "periode": periode,
        "hasil": hasil,
        "grafik_nrr": grafik_nrr(hasil.unsur) if hasil.cukup_data else "",
        "tren": tren,
        "grafik_tren": grafik_tren_ikm(tren) if any(h.cukup_data for h in tren) else "",
        "rtl": rtl,
        "baris_rtl": [(b, _form_selesai(b, gagal) if boleh_ubah else None) for b in rtl.butir],
        "boleh_ubah": boleh_ubah,
        "hari_ini": timezone.localdate(),
    }
    if boleh_ubah:
        # Formulir baru menawarkan unsur lemah pertama: RTL ditulis dari unsur bermutu C/D.
        lemah = hasil.unsur_lemah
        konteks["form_rtl"] = form_rtl or RTLForm(initial={"unsur": lemah[0].kode} if lemah else {})
    return render(request, "survei/hasil.html", konteks, status=status)


@login_required
@require_GET
def skm_hasil(request, code):
    periode = selectors.periode_skm_get_for_user(user=request.user, code=code)
    return _render_hasil(request, periode)


@login_required
@require_POST
def rtl_tambah(request, code):
    periode = selectors.periode_skm_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, periode.penyelenggara)
    form = RTLForm(request.POST)
    if form.is_valid():
        try:
            services.rtl_tambah(periode=periode, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Butir rencana tindak lanjut ditambahkan.")
            return redirect("survei:skm_hasil", code=periode.code)
    return _render_hasil(request, periode, form_rtl=form, status=400)


@login_required
@require_POST
def rtl_selesaikan(request, code):
    rtl = selectors.rtl_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, rtl.periode.penyelenggara)
    form = RTLSelesaiForm(request.POST, request.FILES, auto_id=f"id_rtl{rtl.pk}_%s")
    if form.is_valid():
        try:
            services.rtl_selesaikan(rtl=rtl, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Butir rencana tindak lanjut ditandai selesai.")
            return redirect("survei:skm_hasil", code=rtl.periode.code)
    return _render_hasil(request, rtl.periode, gagal=(rtl.pk, form), status=400)


@login_required
@require_GET
def rtl_bukti(request, code):
    """Sajikan bukti penyelesaian RTL tanpa memberinya kuasa atas origin portal."""
    rtl = selectors.rtl_get_for_user(user=request.user, code=code)
    if not rtl.bukti:
        raise Http404("Butir ini belum memiliki bukti.")
    return sajikan_unggahan(rtl.bukti, nama=rtl.nama_bukti)
