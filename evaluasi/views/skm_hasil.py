"""Halaman hasil SKM: IKM satu periode dengan RTL-nya, halaman SKM per unit (tren dan sandingan IPP | IKM |
Ombudsman), bukti RTL, dan pencatatan hasil Ombudsman oleh Biro.

Objek di luar lingkup pengguna dijawab 404 oleh selector; peran tanpa hak menulis mendapat 403 saat mengirim.
Aturan diputuskan service; ``DomainError`` menjadi galat formulir.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.unggahan import sajikan_unggahan
from survei.models import ZonaOmbudsman

from .. import selectors_skm, services
from ..forms_skm_hasil import KepatuhanOmbudsmanForm, RTLForm, RTLSelesaiForm
from ..grafik_skm import grafik_nrr, grafik_tren_ikm
from ..jendela import hari_ini
from ..sandingan import sandingan_provinsi as susun_sandingan

# --- Hasil satu periode dan RTL --------------------------------------------------------------------


def _form_selesai(butir, gagal):
    """Formulir penyelesaian per butir yang belum selesai (id unik per baris); yang gagal dikirim ulang."""
    if gagal and gagal[0] == butir.pk:
        return gagal[1]
    if butir.selesai_pada:
        return None
    return RTLSelesaiForm(auto_id=f"id_rtl{butir.pk}_%s", initial={"selesai_pada": hari_ini()})


def _render_hasil(request, periode, *, form_rtl=None, gagal=None, status=200):
    """Halaman hasil; ``gagal`` = (pk butir, formulir) bila penyelesaian satu butir ditolak."""
    hasil = selectors_skm.hasil_periode(periode)
    tren = selectors_skm.tren_unit(periode.penyelenggara)
    rtl = selectors_skm.ringkasan_rtl(periode)
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
        "hari_ini": hari_ini(),
    }
    if boleh_ubah:
        # Formulir baru menawarkan unsur lemah pertama: RTL ditulis dari unsur bermutu C/D.
        lemah = hasil.unsur_lemah
        konteks["form_rtl"] = form_rtl or RTLForm(initial={"unsur": lemah[0].kode} if lemah else {})
    return render(request, "evaluasi/skm/hasil.html", konteks, status=status)


@login_required
@require_GET
def skm_hasil(request, code):
    periode = selectors_skm.periode_skm_get_for_user(user=request.user, code=code)
    return _render_hasil(request, periode)


@login_required
@require_POST
def rtl_tambah(request, code):
    periode = selectors_skm.periode_skm_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, periode.penyelenggara)
    form = RTLForm(request.POST)
    if form.is_valid():
        try:
            services.rtl_tambah(periode=periode, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Butir rencana tindak lanjut ditambahkan.")
            return redirect("evaluasi:skm_hasil", code=periode.code)
    return _render_hasil(request, periode, form_rtl=form, status=400)


@login_required
@require_POST
def rtl_selesaikan(request, code):
    rtl = selectors_skm.rtl_get_for_user(user=request.user, code=code)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, rtl.periode.penyelenggara)
    form = RTLSelesaiForm(request.POST, request.FILES, auto_id=f"id_rtl{rtl.pk}_%s")
    if form.is_valid():
        try:
            services.rtl_selesaikan(rtl=rtl, oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(request, "Butir rencana tindak lanjut ditandai selesai.")
            return redirect("evaluasi:skm_hasil", code=rtl.periode.code)
    return _render_hasil(request, rtl.periode, gagal=(rtl.pk, form), status=400)


@login_required
@require_GET
def rtl_bukti(request, code):
    """Sajikan bukti penyelesaian RTL tanpa memberinya kuasa atas origin portal."""
    rtl = selectors_skm.rtl_get_for_user(user=request.user, code=code)
    if not rtl.bukti:
        raise Http404("Butir ini belum memiliki bukti.")
    return sajikan_unggahan(rtl.bukti, nama=rtl.nama_bukti)


# --- SKM per unit ----------------------------------------------------------------------------------


@login_required
@require_GET
def skm_unit(request, code):
    unit = selectors_skm.penyelenggara_get_for_user(user=request.user, code=code)
    tren = selectors_skm.tren_unit(unit)
    return render(
        request,
        "evaluasi/skm/unit.html",
        {
            "unit": unit,
            "tren": tren,
            "grafik_tren": grafik_tren_ikm(tren) if any(h.cukup_data for h in tren) else "",
            "sandingan": selectors_skm.sandingan_unit(unit, tren),
        },
    )


# --- Biro: hasil kepatuhan Ombudsman ---------------------------------------------------------------


def _tahun_dari(request) -> int | None:
    tahun = request.GET.get("tahun", "")
    # Hanya angka ASCII: isdigit() juga menerima "²" atau "①", yang membuat int() galat (500).
    return int(tahun) if tahun.isascii() and tahun.isdigit() and len(tahun) <= 4 else None


@login_required
@require_GET
def ombudsman_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    tahun = _tahun_dari(request)
    return render(
        request,
        "evaluasi/skm/ombudsman_daftar.html",
        {
            "tahun": tahun,
            "pilihan_tahun": selectors_skm.tahun_ombudsman(user=request.user),
            "daftar": selectors_skm.kepatuhan_ombudsman_qs_for_user(user=request.user, tahun=tahun),
            "ambang": ZonaOmbudsman.objects.all(),
            "boleh_catat": akses.boleh(request.user, Kemampuan.KELOLA_OMBUDSMAN),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ombudsman_catat(request):
    akses.wajib(request.user, Kemampuan.KELOLA_OMBUDSMAN)
    if request.method == "GET":
        form = KepatuhanOmbudsmanForm(initial={"tahun": hari_ini().year - 1})
        return render(request, "evaluasi/skm/ombudsman_form.html", {"form": form})
    form = KepatuhanOmbudsmanForm(request.POST)
    if form.is_valid():
        try:
            catatan = services.kepatuhan_ombudsman_catat(oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        else:
            messages.success(
                request,
                f"Hasil Ombudsman {catatan.tahun} {catatan.penyelenggara} dicatat: "
                f"zona {catatan.get_zona_display().lower()}.",
            )
            return redirect(f"{reverse('evaluasi:ombudsman_daftar')}?tahun={catatan.tahun}")
    return render(request, "evaluasi/skm/ombudsman_form.html", {"form": form}, status=400)


@login_required
def sandingan_provinsi(request):
    """IPP, IKM, dan zona Ombudsman setiap unit berdampingan untuk tiga tahun terakhir (Biro, pimpinan)."""
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    tahun = _tahun_dari(request)
    # Tahun di luar rentang wajar (URL yang diketik tangan) kembali ke tahun ini, bukan galat basis data.
    if tahun is None or not 2000 <= tahun <= 2100:
        tahun = hari_ini().year
    daftar_tahun, baris = susun_sandingan(tahun=tahun)
    return render(
        request,
        "evaluasi/skm/sandingan.html",
        {"tahun": tahun, "daftar_tahun": daftar_tahun, "baris": [(b, b.tahun(daftar_tahun)) for b in baris]},
    )
