"""Halaman kasus pelanggaran: daftar dengan saringan, pembukaan kasus, dan satu halaman per kasus dengan
linimasa langkah serta formulir langkah berikut yang sah bagi pengguna.

Kasus di luar lingkup pengguna dijawab 404 oleh selector (halaman dan kiriman). Pengguna yang tidak berwenang
atas suatu langkah menurut tabel kewenangan mendapat 403 dengan halaman kasus yang menyebut siapa yang
berwenang; aturan urutan diputuskan service, dan ``DomainError`` menjadi galat formulir, tidak pernah 500.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.exceptions import DomainError
from kode_etik import selectors as kode_etik_selectors

from .. import alur, selectors, services
from ..forms_kasus import BukaKasusForm, KasusFilterForm, form_langkah

PER_HALAMAN = 25


# --- Daftar ----------------------------------------------------------------------------------------


@login_required
@require_GET
def kasus_daftar(request):
    user = request.user
    akses.wajib(user, Kemampuan.LIHAT_PENEGAKAN)
    pilihan_unit = kode_etik_selectors.penyelenggara_qs_for_user(user=user).order_by("nama")
    saring = KasusFilterForm(request.GET or None, penyelenggara_pilihan=pilihan_unit)
    kriteria = saring.cleaned_data if saring.is_valid() else {}
    qs = selectors.pelanggaran_daftar(user=user, **kriteria)
    return render(
        request,
        "sanksi/kasus/daftar.html",
        {
            "saring": saring,
            "halaman": Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman")),
            "boleh_buka": akses.boleh(user, Kemampuan.SIAPKAN_KASUS),
            "semua_unit": akses.menjangkau_semua_unit(user),
            "hari_ini": timezone.localdate(),
            "lewat_batas": selectors.upaya_lewat_batas(user=user).count(),
        },
    )


# --- Membuka kasus ---------------------------------------------------------------------------------


def _form_buka(request):
    user = request.user
    pelaksana = kode_etik_selectors.pelaksana_daftar(user=user, aktif="ya").order_by(
        "penyelenggara__nama", "nama"
    )
    awal = {k: request.GET[k] for k in ("pelaksana", "pengaduan") if request.GET.get(k)}
    if awal.get("pengaduan"):
        awal["sumber"] = "pengaduan"
    return BukaKasusForm(
        request.POST or None,
        initial=awal,
        pelaksana_pilihan=pelaksana,
        pengaduan_pilihan=selectors.pengaduan_untuk_kasus(user=user),
    )


@login_required
@require_http_methods(["GET", "POST"])
def kasus_buka(request):
    akses.wajib(request.user, Kemampuan.SIAPKAN_KASUS)
    form = _form_buka(request)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            kasus = services.pelanggaran_buka(oleh=request.user, **form.cleaned_data)
        except DomainError as e:
            form.add_error(None, e.pesan)
        except PermissionDenied as e:
            # Tidak berwenang atas subjek ini (mis. kasus Kepala Penyelenggara dibuka Biro): 403 beralasan.
            form.add_error(None, str(e))
            status = 403
        else:
            pesan = f"Kasus terhadap {kasus.pelaksana} dibuka ({kasus.get_jalur_display().lower()})."
            if kasus.ditangani_biro:
                pesan += (
                    " Yang diperiksa Kepala Penyelenggara: berkas disiapkan Biro Organisasi, keputusannya "
                    "oleh Sekretaris Daerah atau Gubernur."
                )
            messages.success(request, pesan)
            return redirect("sanksi:kasus_detail", code=kasus.code)
    if request.method == "POST" and status == 200:
        status = 400
    return render(request, "sanksi/kasus/buka.html", {"form": form}, status=status)


# --- Satu kasus ------------------------------------------------------------------------------------


def _formulir_dan_tunggu(user, kasus, terikat=None):
    """(formulir langkah yang boleh diambil pengguna, langkah yang menunggu pihak lain beserta siapa)."""
    formulir, menunggu = [], []
    for langkah in alur.langkah_berikut(kasus):
        # Keberatan tetap dapat dicatat setelah batasnya lewat bila diterima tepat waktu: tanggal terimanya
        # yang diperiksa service, bukan tanggal pencatatan.
        aturan = alur.aturan_langkah(user, kasus, langkah)
        if aturan is None:
            menunggu.append((alur.JUDUL_LANGKAH[langkah], alur.siapa_langkah(kasus, langkah)))
            continue
        form = terikat if terikat is not None and terikat.prefix == langkah else form_langkah(langkah, kasus)
        formulir.append(
            (langkah, alur.JUDUL_LANGKAH[langkah], form, aturan, alur.siapa_langkah(kasus, langkah))
        )
    return formulir, menunggu


def _render_detail(request, kasus, terikat=None, status=200, galat=()):
    user = request.user
    formulir, menunggu = _formulir_dan_tunggu(user, kasus, terikat)
    return render(
        request,
        "sanksi/kasus/detail.html",
        {
            "kasus": kasus,
            "rujukan": selectors.rujukan_kasus(pelanggaran=kasus),
            **selectors.tenggat_kasus(pelanggaran=kasus),
            "formulir": formulir,
            "menunggu": menunggu,
            # Galat langkah yang ditolak tampil di atas: langkah itu mungkin bukan lagi langkah berikut.
            "galat_langkah": [*galat, *(terikat.non_field_errors() if terikat is not None else [])],
            "semua_unit": akses.menjangkau_semua_unit(user),
        },
        status=status,
    )


@login_required
@require_GET
def kasus_detail(request, code):
    kasus = selectors.pelanggaran_get_for_user(user=request.user, code=code)
    return _render_detail(request, kasus)


def _putusan(data: dict) -> dict:
    return {
        "dikabulkan": data["keputusan"] == "dikabulkan",
        "pertimbangan": data["pertimbangan"],
        "tanggal_putusan": data["tanggal_putusan"],
    }


def _jalankan(langkah: str, kasus, data: dict, oleh) -> None:
    """Panggil service langkah dengan isian formulir yang sudah bersih."""
    if langkah == alur.RUJUKAN_HASIL:
        services.rujukan_hasil_catat(oleh=oleh, **data)
    elif langkah == alur.KEBERATAN:
        services.keberatan_catat(sanksi=kasus.sanksi, oleh=oleh, **data)
    elif langkah == alur.KEBERATAN_PUTUS:
        services.keberatan_putus(keberatan=kasus.sanksi.keberatan, oleh=oleh, **_putusan(data))
    elif langkah == alur.BANDING:
        services.banding_catat(keberatan=kasus.sanksi.keberatan, oleh=oleh, **data)
    elif langkah == alur.BANDING_PUTUS:
        services.banding_putus(banding=kasus.sanksi.keberatan.banding, oleh=oleh, **_putusan(data))
    else:
        _SERVICE_KASUS[langkah](pelanggaran=kasus, oleh=oleh, **data)


_SERVICE_KASUS = {
    alur.PEMANGGILAN: services.pemanggilan_catat,
    alur.PEMERIKSAAN: services.pemeriksaan_catat,
    alur.BAP: services.bap_catat,
    alur.SANKSI: services.sanksi_jatuhkan,
    alur.TIDAK_TERBUKTI: services.pelanggaran_tidak_terbukti,
    alur.RUJUKAN: services.rujukan_catat,
    alur.SELESAI: services.pelanggaran_selesaikan,
}


@login_required
@require_POST
def kasus_langkah(request, code, langkah):
    user = request.user
    kasus = selectors.pelanggaran_get_for_user(user=user, code=code)
    # Langkah di luar urutan (kiriman rakitan) ditolak sebelum menyentuh data langkah yang belum ada
    # (mis. keberatan pada kasus yang belum bersanksi); langkah sah tanpa kewenangan: 403 beralasan.
    alasan = alur.alasan_langkah_tidak_sah(kasus, langkah)
    if not alasan and alur.aturan_langkah(user, kasus, langkah) is None:
        return _render_detail(request, kasus, status=403, galat=[alur.pesan_tolak(kasus, langkah)])
    form = form_langkah(langkah, kasus, request.POST)
    status = 400
    if form.is_valid() and alasan:
        form.add_error(None, alasan)
    elif form.is_valid():
        try:
            _jalankan(langkah, kasus, form.cleaned_data, user)
        except DomainError as e:
            form.add_error(None, e.pesan)
        except PermissionDenied as e:
            form.add_error(None, str(e))
            status = 403
        else:
            messages.success(request, f"{alur.JUDUL_LANGKAH[langkah]} tercatat.")
            return redirect("sanksi:kasus_detail", code=kasus.code)
    kasus = selectors.pelanggaran_get_for_user(user=user, code=code)
    return _render_detail(request, kasus, terikat=form, status=status)
