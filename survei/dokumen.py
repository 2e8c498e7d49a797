"""Laporan SKM satu periode sebagai PDF (alur ``core.dokumen``): bukti dukung indikator 6–9 F-01.

Memuat IKM, mutu, kinerja, NRR per unsur dengan unsur lemah, responden terhadap target sampel, dan status
rencana tindak lanjut (persentase selesai dan tepat waktu). Subjek: PeriodeSKM, diambil lewat kebijakan
akses (periode unit lain → 404).
"""

from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.dokumen import JenisDokumen, daftarkan
from kaltim_yanlik.core.grafik import tampilkan

from .grafik import spek_nrr_laporan
from .models import PeriodeSKM
from .selectors import hasil_periode, periode_skm_get_for_user, ringkasan_rtl

LAPORAN_SKM = "laporan-skm"


def _grafik_unsur(hasil) -> str | None:
    if not hasil.unsur:
        return None
    return tampilkan(spek_nrr_laporan(hasil.unsur)).lebar


def konteks_laporan_skm(periode: PeriodeSKM) -> dict:
    periode = PeriodeSKM.objects.select_related("penyelenggara__induk").get(pk=periode.pk)
    hasil = hasil_periode(periode)
    return {
        "periode": periode,
        "unit": periode.penyelenggara,
        "hasil": hasil,
        "rtl": ringkasan_rtl(periode),
        "grafik_unsur": _grafik_unsur(hasil),
        # Laporan SKM adalah laporan unit: kop unit, bukan kop Biro.
        "ttd": {"kop_nama": periode.penyelenggara.nama.upper(), "kop_alamat": periode.penyelenggara.alamat},
        "dicetak_pada": timezone.localtime(),
    }


def daftarkan_dokumen_survei() -> None:
    daftarkan(
        JenisDokumen(
            kode=LAPORAN_SKM,
            judul="Laporan SKM",
            template="dokumen/laporan_skm.html",
            ambil_subjek=lambda user, code: periode_skm_get_for_user(user=user, code=code),
            konteks=konteks_laporan_skm,
            nama_berkas=lambda p: f"Laporan-SKM-{p.penyelenggara.nama_pendek}-{p.mulai:%Y%m}.pdf".replace(
                "/", "-"
            ),
            unit_subjek=lambda p: p.penyelenggara_id,
            # Laporan SKM adalah laporan unit: diterbitkan pengelola SKM unit itu (dan Biro).
            boleh_terbitkan=lambda user, p: akses.boleh_ubah_di_unit(
                user, Kemampuan.KELOLA_SKM, p.penyelenggara
            ),
        )
    )
