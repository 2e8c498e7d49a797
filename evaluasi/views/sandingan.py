"""Halaman yang menyandingkan IPP (PEKPPP) dengan ukuran dari app survei: SKM per unit (tren IKM dan IPP |
IKM | Ombudsman per tahun) dan sandingan provinsi. Angka survei dibaca lewat ``survei.selectors``; ukuran
luar tidak pernah dicampur ke dalam IPP.
"""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.kueri import tahun_dari_kueri
from survei import selectors as survei_selectors
from survei.grafik import grafik_tren_ikm

from ..jendela import hari_ini
from ..selectors.sandingan import penyelenggara_get_for_user, sandingan_unit, unit_sandingan
from ..selectors.sandingan import sandingan_provinsi as susun_sandingan

# Unit per halaman sandingan provinsi: tabel tiga tahun × tiga ukuran tetap terbaca dan ringan.
PER_HALAMAN = 25


@login_required
@require_GET
def skm_unit(request, code):
    unit = penyelenggara_get_for_user(user=request.user, code=code)
    tren = survei_selectors.tren_unit(unit)
    return render(
        request,
        "evaluasi/sandingan/unit.html",
        {
            "unit": unit,
            "tren": tren,
            "grafik_tren": grafik_tren_ikm(tren) if any(h.cukup_data for h in tren) else "",
            "sandingan": sandingan_unit(unit, tren),
        },
    )


@login_required
def sandingan_provinsi(request):
    """IPP, IKM, dan zona Ombudsman setiap unit berdampingan untuk tiga tahun terakhir (Biro, pimpinan)."""
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    tahun = tahun_dari_kueri(request)
    # Tahun di luar rentang wajar (URL yang diketik tangan) kembali ke tahun ini, bukan galat basis data.
    if tahun is None or not 2000 <= tahun <= 2100:
        tahun = hari_ini().year
    halaman = Paginator(unit_sandingan(), PER_HALAMAN).get_page(request.GET.get("halaman"))
    daftar_tahun, baris = susun_sandingan(tahun=tahun, unit=list(halaman))
    return render(
        request,
        "evaluasi/sandingan/provinsi.html",
        {
            "tahun": tahun,
            "daftar_tahun": daftar_tahun,
            "baris": [(b, b.tahun(daftar_tahun)) for b in baris],
            "halaman": halaman,
        },
    )
