"""Naskah dinas penegakan kode etik sebagai PDF: surat panggilan, berita acara pemeriksaan (BAP), dan
keputusan sanksi, didaftarkan ke ``core.dokumen``.

Subjek setiap naskah adalah langkah kasusnya (Pemanggilan, BeritaAcaraPemeriksaan, Sanksi) dan diambil lewat
kebijakan akses dengan lingkup unit kasus: naskah kasus OPD lain dijawab 404 seperti kasusnya.
"""

from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.dokumen import JenisDokumen, daftarkan
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


def _penanda_tangan(pelanggaran) -> dict:
    """Kepala Penyelenggara unit kasus; kasus terhadap Kepala Penyelenggara ditandatangani atas nama Biro."""
    unit = pelanggaran.penyelenggara
    if pelanggaran.ditangani_biro:
        return {
            "jabatan": "Kepala Biro Organisasi Sekretariat Daerah Provinsi Kalimantan Timur",
            "nama": "",
            "nip": "",
            "kop_nama": "SEKRETARIAT DAERAH · BIRO ORGANISASI",
            "kop_alamat": "Jalan Gajah Mada Nomor 2, Samarinda, Kalimantan Timur 75121",
        }
    kepala = unit.kepala
    return {
        "jabatan": f"Kepala {unit.nama}",
        "nama": kepala.nama if kepala else "",
        "nip": kepala.nip if kepala else "",
        "kop_nama": unit.nama.upper(),
        "kop_alamat": unit.alamat,
    }


def _konteks_kasus(langkah) -> dict:
    pelanggaran = langkah.pelanggaran
    return {
        "langkah": langkah,
        "kasus": pelanggaran,
        "pelaksana": pelanggaran.pelaksana,
        "unit": pelanggaran.penyelenggara,
        "larangan": pelanggaran.larangan,
        # Teks larangan dikutip di tengah kalimat: tanda titik penutupnya dibuang.
        "larangan_teks": pelanggaran.larangan.teks.strip().rstrip(".;"),
        "ttd": _penanda_tangan(pelanggaran),
        "dicetak_pada": timezone.localtime(),
    }


def konteks_surat_panggilan(pemanggilan: Pemanggilan) -> dict:
    pemanggilan = Pemanggilan.objects.select_related(*_RELASI).get(pk=pemanggilan.pk)
    return {**_konteks_kasus(pemanggilan), "jadwal": timezone.localtime(pemanggilan.jadwal)}


def konteks_bap(bap: BeritaAcaraPemeriksaan) -> dict:
    bap = BeritaAcaraPemeriksaan.objects.select_related(*_RELASI).get(pk=bap.pk)
    pemeriksaan = getattr(bap.pelanggaran, "pemeriksaan", None)
    pemeriksa = [
        baris.strip()
        for baris in (pemeriksaan.pemeriksa if pemeriksaan else "").splitlines()
        if baris.strip()
    ]
    return {**_konteks_kasus(bap), "tanggal_kalimat": tanggal_terbilang(bap.tanggal), "pemeriksa": pemeriksa}


def konteks_keputusan(sanksi: Sanksi) -> dict:
    sanksi = Sanksi.objects.select_related(*_RELASI).get(pk=sanksi.pk)
    return {**_konteks_kasus(sanksi), "bap": getattr(sanksi.pelanggaran, "beritaacarapemeriksaan", None)}


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
