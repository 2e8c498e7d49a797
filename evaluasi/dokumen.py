"""Dokumen PDF monev (Laporan Hasil Evaluasi, Rekap Provinsi, Berita Acara), didaftarkan ke ``core.dokumen``.

Setiap jenis menyatakan siapa boleh melihat subjeknya (lewat selectors berkebijakan akses; di luar lingkup
→ 404) dan menyusun konteks template dengan jumlah kueri tetap. Grafik sama dengan yang tampil di halaman.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F
from django.http import Http404
from django.utils import timezone

from akun import akses, kewenangan
from akun.akses import Kemampuan
from akun.kewenangan import Subjek, Tindakan
from kaltim_yanlik.core.dasar_hukum import dasar_hukum_naskah
from kaltim_yanlik.core.dokumen import JenisDokumen, daftarkan
from kaltim_yanlik.core.terbilang import tanggal_terbilang

from . import selectors
from .grafik import TARGET_IPP, grafik_aspek_hasil, grafik_siklus
from .models import BuktiDukung, Evaluasi, HasilEvaluasi, PenilaianIndikator, SiklusMonev
from .rekap import rekap_siklus
from .skor import DUA_DESIMAL, SERATUS, bulatkan, peningkatan_terbesar
from .struktur_tersimpan import potret_tersimpan, struktur_tersimpan

LAPORAN, REKAP, BERITA_ACARA = "laporan-hasil-evaluasi", "rekap-provinsi", "berita-acara-evaluasi"
JUMLAH_PENINGKATAN = 5


# --- Siapa boleh: subjek diambil lewat kebijakan akses ------------------------------------------------


def _evaluasi_berhasil(user, code) -> Evaluasi:
    evaluasi = selectors.evaluasi_get_for_user(user=user, code=code)
    if not hasattr(evaluasi, "hasil"):
        raise Http404("Evaluasi ini belum memiliki hasil penilaian.")
    return evaluasi


def _evaluasi_final(user, code) -> Evaluasi:
    evaluasi = _evaluasi_berhasil(user, code)
    if evaluasi.status != Evaluasi.Status.FINAL:
        raise Http404("Berita acara hanya untuk evaluasi yang sudah final.")
    return evaluasi


def _siklus_provinsi(user, code) -> SiklusMonev:
    # Rekap memuat semua unit: hanya peran yang menjangkau semua unit; akun OPD mendapat 404.
    if not akses.menjangkau_semua_unit(user):
        raise Http404("Rekap provinsi tidak tersedia untuk akun ini.")
    return selectors.siklus_get_for_user(user=user, code=code)


# --- Laporan Hasil Evaluasi -----------------------------------------------------------------------


@dataclass(frozen=True)
class BarisAspek:
    kode: str
    nama: str
    bobot: Decimal
    nilai: Decimal
    kontribusi: Decimal
    indikator: list


def _evaluasi_lengkap(evaluasi: Evaluasi) -> Evaluasi:
    return Evaluasi.objects.select_related(
        "siklus__instrumen", "penyelenggara__induk", "penyelenggara__kepala", "hasil"
    ).get(pk=evaluasi.pk)


def _jumlah_berperingkat(siklus) -> int:
    return HasilEvaluasi.objects.filter(evaluasi__siklus=siklus, peringkat__isnull=False).count()


def _aspek_laporan(evaluasi: Evaluasi, hasil: HasilEvaluasi) -> list[BarisAspek]:
    penilaian = {p.indikator_id: p for p in PenilaianIndikator.objects.filter(evaluasi=evaluasi)}
    bukti = defaultdict(list)
    for b in BuktiDukung.objects.filter(evaluasi=evaluasi).annotate(indikator_id=F("slot__indikator_id")):
        bukti[b.indikator_id].append(b)
    baris = []
    # Struktur instrumen tersimpan per proses worker (disahkan dengan cap data instrumen): indikator dengan
    # teks levelnya tidak dimuat ulang untuk setiap laporan.
    for aspek in struktur_tersimpan(evaluasi.siklus.instrumen):
        nilai = Decimal(hasil.nilai_aspek.get(aspek.kode, 0))
        indikator = [(i, penilaian.get(i.pk), bukti.get(i.pk, [])) for i in aspek.indikator.all()]
        baris.append(
            BarisAspek(
                kode=aspek.kode,
                nama=aspek.nama,
                bobot=aspek.bobot,
                nilai=bulatkan(nilai, DUA_DESIMAL),
                kontribusi=bulatkan(aspek.bobot * nilai / SERATUS, Decimal("0.0001")),
                indikator=indikator,
            )
        )
    return baris


def _peningkatan(evaluasi: Evaluasi, aspek: list[BarisAspek]) -> list[tuple]:
    potret = potret_tersimpan(evaluasi.siklus.instrumen)
    level = {i.nomor: p.level for a in aspek for i, p, _ in a.indikator if p and p.level is not None}
    teks = {i.nomor: i.teks for a in aspek for i, _, _ in a.indikator}
    return [(p, teks[p.nomor]) for p in peningkatan_terbesar(potret, level, n=JUMLAH_PENINGKATAN)]


def _dasar_hukum(jenis: str, evaluasi: Evaluasi) -> list:
    """Dasar hukum jenis naskah lalu dasar hukum instrumen evaluasinya (data, bukan teks templat)."""
    urut = evaluasi.siklus.instrumen.dasar_hukum_urut.select_related("dasar_hukum")
    return dasar_hukum_naskah(jenis, tambahan=[d.dasar_hukum for d in urut])


def konteks_laporan(evaluasi: Evaluasi) -> dict:
    evaluasi = _evaluasi_lengkap(evaluasi)
    hasil = evaluasi.hasil
    aspek = _aspek_laporan(evaluasi, hasil)
    berbobot = [a for a in aspek if a.bobot > 0]
    return {
        "evaluasi": evaluasi,
        "siklus": evaluasi.siklus,
        "unit": evaluasi.penyelenggara,
        "hasil": hasil,
        "jumlah_berperingkat": _jumlah_berperingkat(evaluasi.siklus),
        "selisih_target": TARGET_IPP - hasil.ipp_bulat,
        "sementara": evaluasi.status != Evaluasi.Status.FINAL,
        "aspek": aspek,
        "grafik_aspek": grafik_aspek_hasil([(a.kode, a.nama) for a in berbobot], hasil.nilai_aspek).lebar,
        "peningkatan": _peningkatan(evaluasi, aspek),
        "jumlah_bukti": sum(len(b) for a in aspek for _, _, b in a.indikator),
        "dasar_hukum": _dasar_hukum(LAPORAN, evaluasi),
        "dicetak_pada": timezone.localtime(),
    }


# --- Rekap Provinsi --------------------------------------------------------------------------------


def _selisih(nilai: Decimal, lalu: Decimal | None) -> Decimal | None:
    return None if lalu is None else nilai - lalu


def konteks_rekap(siklus: SiklusMonev) -> dict:
    siklus = SiklusMonev.objects.select_related("instrumen").get(pk=siklus.pk)
    rekap = rekap_siklus(siklus)
    ringkas = rekap.ringkasan
    lalu = rekap.lalu
    aspek_lalu = {kode: nilai for kode, _, nilai in lalu.rata_aspek} if lalu else {}
    distribusi_lalu = {kode: n for kode, _, n in lalu.distribusi} if lalu else {}
    return {
        "siklus": siklus,
        "rekap": rekap,
        "lalu": lalu,
        "rata_aspek": [
            (kode, nama, nilai, aspek_lalu.get(kode), _selisih(nilai, aspek_lalu.get(kode)))
            for kode, nama, nilai in ringkas.rata_aspek
        ],
        "distribusi": [
            (kode, predikat, n, distribusi_lalu.get(kode)) for kode, predikat, n in ringkas.distribusi
        ],
        **{f"grafik_{nama}": g.lebar if g else "" for nama, g in grafik_siklus(rekap).items()},
        "dicetak_pada": timezone.localtime(),
    }


# --- Berita Acara ----------------------------------------------------------------------------------


def _evaluator(evaluasi: Evaluasi) -> list:
    """Pengguna yang menetapkan level F-02 evaluasi ini, urut nama (penanda tangan berita acara)."""
    from akun.models import Pengguna

    ids = PenilaianIndikator.objects.filter(evaluasi=evaluasi, dinilai_oleh__isnull=False).values(
        "dinilai_oleh_id"
    )
    return list(Pengguna.objects.filter(pk__in=ids).order_by("nama", "username"))


def konteks_berita_acara(evaluasi: Evaluasi) -> dict:
    evaluasi = _evaluasi_lengkap(evaluasi)
    hasil = evaluasi.hasil
    tanggal = timezone.localtime(evaluasi.final_pada or timezone.now()).date()
    aspek = [a for a in _aspek_laporan(evaluasi, hasil) if a.bobot > 0]
    return {
        "evaluasi": evaluasi,
        "siklus": evaluasi.siklus,
        "unit": evaluasi.penyelenggara,
        "hasil": hasil,
        "jumlah_berperingkat": _jumlah_berperingkat(evaluasi.siklus),
        "aspek": aspek,
        "tanggal": tanggal,
        "tanggal_kalimat": tanggal_terbilang(tanggal),
        "evaluator": _evaluator(evaluasi),
        "dasar_hukum": _dasar_hukum(BERITA_ACARA, evaluasi),
        "mengetahui": _mengetahui(evaluasi, tanggal),
        "dicetak_pada": timezone.localtime(),
    }


def _mengetahui(evaluasi: Evaluasi, tanggal) -> dict:
    """Penanda tangan "Mengetahui" menurut tabel kewenangan (bawaan Kepala Biro) pada tanggal final.

    Bila pejabatnya belum tercatat, nama dan NIP pada siklus (isian lama) dipakai.
    """
    ttd = kewenangan.penanda_tangan_naskah(
        Tindakan.TTD_BERITA_ACARA_EVALUASI,
        subjek=Subjek.PENYELENGGARA,
        unit=evaluasi.penyelenggara,
        tanggal=tanggal,
    )
    siklus = evaluasi.siklus
    if ttd is not None and ttd.tercatat:
        return {"jabatan": ttd.jabatan, "nama": ttd.nama, "nip": ttd.nip}
    return {"jabatan": siklus.penandatangan_jabatan, "nama": siklus.penandatangan_nama,
            "nip": siklus.penandatangan_nip}  # fmt: skip


def _nama_unit(evaluasi: Evaluasi) -> str:
    return (evaluasi.penyelenggara.singkatan or evaluasi.penyelenggara.nama).replace("/", "-")


def _diterbitkan_biro(user, _subjek) -> bool:
    """Laporan, Rekap, dan Berita Acara siklus diterbitkan Biro Organisasi (pengelola siklus); unit lokus,
    pimpinan, dan Sekda mengunduhnya."""
    return akses.boleh(user, Kemampuan.KELOLA_SIKLUS)


def daftarkan_dokumen_evaluasi() -> None:
    daftarkan(
        JenisDokumen(
            kode=LAPORAN,
            judul="Laporan Hasil Evaluasi",
            template="dokumen/laporan_hasil.html",
            ambil_subjek=_evaluasi_berhasil,
            konteks=konteks_laporan,
            nama_berkas=lambda e: f"Laporan-Hasil-Evaluasi-{e.siklus.tahun}-{_nama_unit(e)}.pdf",
            unit_subjek=lambda e: e.penyelenggara_id,
            boleh_terbitkan=_diterbitkan_biro,
        )
    )
    daftarkan(
        JenisDokumen(
            kode=REKAP,
            judul="Rekap Provinsi",
            template="dokumen/rekap_provinsi.html",
            ambil_subjek=_siklus_provinsi,
            konteks=konteks_rekap,
            nama_berkas=lambda s: f"Rekap-Provinsi-PEKPPP-{s.tahun}.pdf",
            boleh_terbitkan=_diterbitkan_biro,
        )
    )
    daftarkan(
        JenisDokumen(
            kode=BERITA_ACARA,
            judul="Berita Acara Evaluasi",
            template="dokumen/berita_acara.html",
            ambil_subjek=_evaluasi_final,
            konteks=konteks_berita_acara,
            nama_berkas=lambda e: f"Berita-Acara-Evaluasi-{e.siklus.tahun}-{_nama_unit(e)}.pdf",
            unit_subjek=lambda e: e.penyelenggara_id,
            boleh_terbitkan=_diterbitkan_biro,
        )
    )
