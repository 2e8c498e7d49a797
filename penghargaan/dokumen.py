"""Keputusan dan piagam penghargaan sebagai PDF, didaftarkan ke ``core.dokumen``.

- Keputusan Kepala Penyelenggara (subjek: periode) dan piagam Pelaksana (subjek: penerima): lingkup unit
  periode; unit lain 404.
- Keputusan Gubernur (subjek: penghargaan Penyelenggara): memuat semua unit penerima, jadi hanya peran
  berlingkup provinsi; piagam Penyelenggara (subjek: unit penerima): Biro dan unit penerima itu sendiri.

Dokumen hanya ada setelah penetapan; sebelum itu subjeknya dijawab 404. Penanda tangan dari tabel kewenangan
dan pejabat yang menjabat pada tanggal keputusan; dasar hukum dari data ``core.DasarHukum``.
"""

from django.http import Http404
from django.utils import timezone

from akun import akses, kewenangan
from akun.akses import Kemampuan
from akun.kewenangan import Subjek, Tindakan
from kaltim_yanlik.core.dasar_hukum import PERGUB_KODE_ETIK, acuan, dasar_hukum_naskah
from kaltim_yanlik.core.dokumen import JenisDokumen, daftarkan
from kaltim_yanlik.core.terbilang import terbilang

from . import selectors
from .models import PenerimaPenghargaan, PenerimaPenyelenggara, PenghargaanPenyelenggara, PeriodePenghargaan

KEPUTUSAN_PELAKSANA, PIAGAM_PELAKSANA = "keputusan-penghargaan-pelaksana", "piagam-pelaksana"
KEPUTUSAN_GUBERNUR, PIAGAM_PENYELENGGARA = "keputusan-penghargaan-penyelenggara", "piagam-penyelenggara"


def _ambil_periode(user, code) -> PeriodePenghargaan:
    akses.wajib(user, Kemampuan.LIHAT_PENGHARGAAN)
    periode = selectors.periode_get_for_user(user=user, code=code)
    if periode.status != PeriodePenghargaan.Status.DITETAPKAN:
        raise Http404("Keputusan belum ditetapkan.")
    return periode


def _ambil_penerima(user, code) -> PenerimaPenghargaan:
    akses.wajib(user, Kemampuan.LIHAT_PENGHARGAAN)
    return selectors.penerima_get_for_user(user=user, code=code)


def _ambil_penghargaan(user, code) -> PenghargaanPenyelenggara:
    penghargaan = selectors.penghargaan_penyelenggara_get_for_user(user=user, code=code)
    if penghargaan.status != PenghargaanPenyelenggara.Status.DITETAPKAN:
        raise Http404("Keputusan Gubernur belum dicatat.")
    return penghargaan


def _ambil_penerima_unit(user, code) -> PenerimaPenyelenggara:
    akses.wajib(user, Kemampuan.LIHAT_PENGHARGAAN)
    return selectors.penerima_penyelenggara_get_for_user(user=user, code=code)


def _ttd(tindakan: str, subjek: str, unit, tanggal):
    """Penanda tangan keputusan menurut tabel kewenangan, pejabat yang menjabat pada ``tanggal``."""
    aturan = kewenangan.aturan_berlaku(tindakan, subjek=subjek, unit=unit)
    kode = next((a.penanda_tangan for a in aturan if a.penanda_tangan), "")
    return kewenangan.penanda_tangan(kode, unit=unit, tanggal=tanggal)


def _ttd_kepala(periode: PeriodePenghargaan):
    return _ttd(
        Tindakan.PENGHARGAAN_PELAKSANA, Subjek.PELAKSANA, periode.penyelenggara, periode.tanggal_keputusan
    )


def konteks_keputusan_pelaksana(periode: PeriodePenghargaan) -> dict:
    periode = PeriodePenghargaan.objects.select_related("penyelenggara").get(pk=periode.pk)
    penerima = list(selectors.penerima_periode(periode))
    return {
        "periode": periode,
        "unit": periode.penyelenggara,
        "kriteria": list(periode.kriteria.order_by("urutan", "id")),
        "tim": selectors.penilaian_periode(periode).tim,
        "penerima": penerima,
        "jumlah_terbilang": terbilang(len(penerima)),
        "ttd": _ttd_kepala(periode),
        "dasar_hukum": dasar_hukum_naskah(KEPUTUSAN_PELAKSANA),
        "pergub": acuan(PERGUB_KODE_ETIK),
        "dicetak_pada": timezone.localtime(),
    }


def konteks_piagam_pelaksana(penerima: PenerimaPenghargaan) -> dict:
    penerima = PenerimaPenghargaan.objects.select_related(
        "periode__penyelenggara", "nominasi__pelaksana"
    ).get(pk=penerima.pk)
    return {
        "penerima": penerima,
        "periode": penerima.periode,
        "pelaksana": penerima.pelaksana,
        "unit": penerima.periode.penyelenggara,
        "ttd": _ttd_kepala(penerima.periode),
        "pergub": acuan(PERGUB_KODE_ETIK),
        "dicetak_pada": timezone.localtime(),
    }


def _ttd_gubernur(penghargaan: PenghargaanPenyelenggara):
    return _ttd(Tindakan.PENGHARGAAN_PENYELENGGARA, Subjek.PENYELENGGARA, None, penghargaan.tanggal_keputusan)


def konteks_keputusan_gubernur(penghargaan: PenghargaanPenyelenggara) -> dict:
    penghargaan = PenghargaanPenyelenggara.objects.select_related("siklus").get(pk=penghargaan.pk)
    penerima = list(selectors.penerima_penyelenggara(penghargaan).filter(dikeluarkan=False))
    return {
        "penghargaan": penghargaan,
        "siklus": penghargaan.siklus,
        "penerima": penerima,
        "jumlah_terbilang": terbilang(len(penerima)),
        "ttd": _ttd_gubernur(penghargaan),
        "dasar_hukum": dasar_hukum_naskah(KEPUTUSAN_GUBERNUR),
        "pergub": acuan(PERGUB_KODE_ETIK),
        "dicetak_pada": timezone.localtime(),
    }


def konteks_piagam_penyelenggara(penerima: PenerimaPenyelenggara) -> dict:
    penerima = PenerimaPenyelenggara.objects.select_related("penghargaan__siklus", "penyelenggara").get(
        pk=penerima.pk
    )
    return {
        "penerima": penerima,
        "penghargaan": penerima.penghargaan,
        "unit": penerima.penyelenggara,
        "ttd": _ttd_gubernur(penerima.penghargaan),
        "pergub": acuan(PERGUB_KODE_ETIK),
        "dicetak_pada": timezone.localtime(),
    }


def _nama_keputusan_pelaksana(periode) -> str:
    return f"Keputusan-Penghargaan-{periode.penyelenggara.kode}-{periode.mulai:%Y%m}.pdf"


def _nama_piagam_pelaksana(penerima) -> str:
    pelaksana = penerima.nominasi.pelaksana
    return f"Piagam-{pelaksana.nip or pelaksana.code.hex[:8]}-{penerima.periode.mulai:%Y%m}.pdf"


def _nama_keputusan_gubernur(penghargaan) -> str:
    return f"Keputusan-Gubernur-Penghargaan-{penghargaan.siklus.tahun}-{penghargaan.code.hex[:6]}.pdf"


def _nama_piagam_penyelenggara(penerima) -> str:
    return f"Piagam-{penerima.penyelenggara.kode}-{penerima.penghargaan.siklus.tahun}.pdf"


def _unit_subjek(subjek) -> int:
    return subjek.penyelenggara_id


def _unit_penerima(penerima) -> int:
    return penerima.periode.penyelenggara_id


def _tanpa_unit(_subjek) -> None:
    return None


def daftarkan_dokumen_penghargaan() -> None:
    for kode, judul, template, ambil, konteks, nama, unit in (
        (KEPUTUSAN_PELAKSANA, "Keputusan Penghargaan Pelaksana",
         "dokumen/keputusan_penghargaan_pelaksana.html", _ambil_periode, konteks_keputusan_pelaksana,
         _nama_keputusan_pelaksana, _unit_subjek),
        (PIAGAM_PELAKSANA, "Piagam Penghargaan", "dokumen/piagam_pelaksana.html", _ambil_penerima,
         konteks_piagam_pelaksana, _nama_piagam_pelaksana, _unit_penerima),
        (KEPUTUSAN_GUBERNUR, "Keputusan Gubernur tentang Penghargaan",
         "dokumen/keputusan_penghargaan_penyelenggara.html", _ambil_penghargaan, konteks_keputusan_gubernur,
         _nama_keputusan_gubernur, _tanpa_unit),
        (PIAGAM_PENYELENGGARA, "Piagam Penghargaan Penyelenggara", "dokumen/piagam_penyelenggara.html",
         _ambil_penerima_unit, konteks_piagam_penyelenggara, _nama_piagam_penyelenggara,
         _unit_subjek),
    ):  # fmt: skip
        daftarkan(
            JenisDokumen(
                kode=kode, judul=judul, template=template, ambil_subjek=ambil, konteks=konteks,
                nama_berkas=nama, unit_subjek=unit,
            )
        )  # fmt: skip
