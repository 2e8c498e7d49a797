"""Naskah dinas penegakan kode etik sebagai PDF: surat panggilan, berita acara pemeriksaan (BAP), dan
keputusan sanksi, didaftarkan ke ``core.dokumen``.

Subjek setiap naskah adalah langkah kasusnya (Pemanggilan, BeritaAcaraPemeriksaan, Sanksi) dan diambil lewat
kebijakan akses dengan lingkup unit kasus: naskah kasus OPD lain dijawab 404 seperti kasusnya.

Penanda tangan dan kop mengikuti tabel kewenangan (``akun.kewenangan``) dan pejabat yang menjabat pada tanggal
naskah; dasar hukum ("Mengingat" dan sebutan Pergub pada kalimat) dari data ``core.DasarHukum``.
"""

from django.utils import timezone

from akun import akses, kewenangan
from akun.akses import Kemampuan
from akun.kewenangan import Tindakan
from kaltim_yanlik.core.dasar_hukum import PERGUB_KODE_ETIK, acuan, dasar_hukum_naskah
from kaltim_yanlik.core.dokumen import JenisDokumen, daftarkan
from kaltim_yanlik.core.hari_kerja import tanggal_lengkap
from kaltim_yanlik.core.terbilang import tanggal_terbilang

from .models import BeritaAcaraPemeriksaan, Pemanggilan, Sanksi

SURAT_PANGGILAN, BAP, KEPUTUSAN_SANKSI = "surat-panggilan", "berita-acara-pemeriksaan", "keputusan-sanksi"
_RELASI = (
    "pelanggaran__pelaksana",
    "pelanggaran__penyelenggara__kepala",
    "pelanggaran__penyelenggara__induk",
    "pelanggaran__larangan",
)


def _pengambil(model):
    def ambil(user, code):
        akses.wajib(user, Kemampuan.LIHAT_PENEGAKAN)
        qs = model.objects.select_related(*_RELASI)
        return akses.ambil_atau_404(qs, user, jalur="pelanggaran__penyelenggara", code=code)

    return ambil


def _ttd_langkah(pelanggaran, tindakan: str, tanggal, kode: str = ""):
    """Penanda tangan naskah langkah: ``kode`` yang tercatat saat diputus, atau menurut tabel kewenangan."""
    unit = pelanggaran.penyelenggara
    if not kode:
        aturan = kewenangan.aturan_berlaku(tindakan, subjek=pelanggaran.subjek_kewenangan, unit=unit)
        kode = next((a.penanda_tangan for a in aturan if a.penanda_tangan), "")
    return kewenangan.penanda_tangan(kode or kewenangan.PenandaTangan.KEPALA_UNIT, unit=unit, tanggal=tanggal)


def _konteks_kasus(langkah, ttd) -> dict:
    pelanggaran = langkah.pelanggaran
    return {
        "langkah": langkah,
        "kasus": pelanggaran,
        "pelaksana": pelanggaran.pelaksana,
        "unit": pelanggaran.penyelenggara,
        "larangan": pelanggaran.larangan,
        # Teks larangan dikutip di tengah kalimat: tanda titik penutupnya dibuang.
        "larangan_teks": pelanggaran.larangan.teks.strip().rstrip(".;"),
        "pergub": acuan(PERGUB_KODE_ETIK),
        "ttd": ttd,
        "dicetak_pada": timezone.localtime(),
    }


def konteks_surat_panggilan(pemanggilan: Pemanggilan) -> dict:
    pemanggilan = Pemanggilan.objects.select_related(*_RELASI).get(pk=pemanggilan.pk)
    ttd = _ttd_langkah(pemanggilan.pelanggaran, Tindakan.PEMANGGILAN, pemanggilan.tanggal_surat)
    return {**_konteks_kasus(pemanggilan, ttd), "jadwal": timezone.localtime(pemanggilan.jadwal)}


def konteks_bap(bap: BeritaAcaraPemeriksaan) -> dict:
    bap = BeritaAcaraPemeriksaan.objects.select_related(*_RELASI).get(pk=bap.pk)
    pemeriksaan = getattr(bap.pelanggaran, "pemeriksaan", None)
    pemeriksa = [
        baris.strip()
        for baris in (pemeriksaan.pemeriksa if pemeriksaan else "").splitlines()
        if baris.strip()
    ]
    # Kop BAP: kantor yang memeriksa (unit, atau Biro Organisasi untuk kasus Kepala Penyelenggara).
    ttd = _ttd_langkah(bap.pelanggaran, Tindakan.PEMANGGILAN, bap.tanggal)
    return {
        **_konteks_kasus(bap, ttd),
        "tanggal_kalimat": tanggal_terbilang(bap.tanggal),
        "pemeriksa": pemeriksa,
    }


def konteks_keputusan(sanksi: Sanksi) -> dict:
    sanksi = Sanksi.objects.select_related(*_RELASI, "penempatan_baru__jenis_layanan").get(pk=sanksi.pk)
    pelanggaran = sanksi.pelanggaran
    ttd = _ttd_langkah(pelanggaran, Tindakan.JATUHKAN_SANKSI, sanksi.tanggal_keputusan, sanksi.penanda_tangan)
    return {
        **_konteks_kasus(sanksi, ttd),
        "bap": getattr(pelanggaran, "beritaacarapemeriksaan", None),
        "dasar_hukum": dasar_hukum_naskah(KEPUTUSAN_SANKSI),
        "batas_keberatan": tanggal_lengkap(sanksi.batas_keberatan),
        "pemutus_keberatan": _pemutus_keberatan(pelanggaran, sanksi.penanda_tangan),
    }


def _pemutus_keberatan(pelanggaran, penerbit: str) -> str:
    """Kepada siapa keberatan diajukan: pejabat yang memutusnya menurut tabel kewenangan (putus_keberatan)."""
    unit = pelanggaran.penyelenggara
    aturan = kewenangan.aturan_berlaku(
        Tindakan.PUTUS_KEBERATAN, subjek=pelanggaran.subjek_kewenangan, unit=unit, penerbit=penerbit
    )
    sebutan = [kewenangan.sebutan_penanda_tangan(a.penanda_tangan, unit) for a in aturan if a.penanda_tangan]
    return " atau ".join(dict.fromkeys(sebutan))


def _berkas(awalan: str):
    def nama(langkah) -> str:
        nip = langkah.pelanggaran.pelaksana.nip or langkah.pelanggaran.pelaksana.code.hex[:8]
        return f"{awalan}-{nip}-{langkah.created_at:%Y%m%d}.pdf"

    return nama


def _unit(langkah) -> int:
    return langkah.pelanggaran.penyelenggara_id


def daftarkan_dokumen_sanksi() -> None:
    for kode, judul, template, model, konteks, awalan in (
        (SURAT_PANGGILAN, "Surat Panggilan", "dokumen/surat_panggilan.html", Pemanggilan,
         konteks_surat_panggilan, "Surat-Panggilan"),
        (BAP, "Berita Acara Pemeriksaan", "dokumen/bap.html", BeritaAcaraPemeriksaan, konteks_bap, "BAP"),
        (KEPUTUSAN_SANKSI, "Keputusan Sanksi", "dokumen/keputusan_sanksi.html", Sanksi, konteks_keputusan,
         "Keputusan-Sanksi"),
    ):  # fmt: skip
        daftarkan(
            JenisDokumen(
                kode=kode,
                judul=judul,
                template=template,
                ambil_subjek=_pengambil(model),
                konteks=konteks,
                nama_berkas=_berkas(awalan),
                unit_subjek=_unit,
            )
        )
