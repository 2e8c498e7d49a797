"""Bacaan penghargaan dalam lingkup pengguna (``akun.akses``): di luar lingkup = 404, seperti tidak ada.

``penilaian_periode`` menyusun seluruh keadaan penilaian satu periode dengan jumlah kueri tetap (6), berapa
pun jumlah nominasi dan anggota tim.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from akun import akses
from kode_etik import selectors as kode_etik_selectors
from kode_etik.models import Pelaksana

from .ketentuan import MetodePenilaian, PeranTim
from .models import (
    AnggotaTimPenilai,
    KriteriaPenghargaan,
    NilaiPenghargaan,
    Nominasi,
    PenerimaPenghargaan,
    PenerimaPenyelenggara,
    PenghargaanPenyelenggara,
    PeriodePenghargaan,
    TahapBerjenjang,
)
from .rekam import RekamJejak, rekam_jejak
from .skor import HasilNominasi, Kriteria, gabungkan, peringkatkan

# --- Penghargaan Pelaksana ----------------------------------------------------------------------------------


def periode_qs_for_user(*, user) -> QuerySet[PeriodePenghargaan]:
    qs = PeriodePenghargaan.objects.select_related("penyelenggara", "penyelenggara__kepala")
    return akses.batasi(qs, user)


def periode_daftar(*, user, penyelenggara=None, status: str = "") -> QuerySet[PeriodePenghargaan]:
    qs = periode_qs_for_user(user=user).annotate(
        jumlah_nominasi=Count("nominasi", distinct=True), jumlah_penerima=Count("penerima", distinct=True)
    )
    if penyelenggara is not None:
        qs = qs.filter(penyelenggara=penyelenggara)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-mulai", "penyelenggara__nama", "nama_penghargaan")


def periode_get_for_user(*, user, code) -> PeriodePenghargaan:
    return akses.ambil_atau_404(periode_qs_for_user(user=user), user, code=code)


def _anak_periode_atau_404(qs: QuerySet, *, periode: PeriodePenghargaan, code):
    return get_object_or_404(qs, periode=periode, code=code)


def kriteria_get(*, periode, code) -> KriteriaPenghargaan:
    return _anak_periode_atau_404(KriteriaPenghargaan.objects.all(), periode=periode, code=code)


def anggota_get(*, periode, code) -> AnggotaTimPenilai:
    return _anak_periode_atau_404(
        AnggotaTimPenilai.objects.select_related("pelaksana"), periode=periode, code=code
    )


def tahap_get(*, periode, code) -> TahapBerjenjang:
    qs = TahapBerjenjang.objects.select_related("nominasi__pelaksana", "penilai")
    return get_object_or_404(qs, nominasi__periode=periode, code=code)


def nominasi_get(*, periode, code) -> Nominasi:
    return _anak_periode_atau_404(Nominasi.objects.select_related("pelaksana"), periode=periode, code=code)


def penerima_get_for_user(*, user, code) -> PenerimaPenghargaan:
    qs = PenerimaPenghargaan.objects.select_related(
        "periode__penyelenggara__kepala", "nominasi__pelaksana", "periode__penyelenggara__induk"
    ).filter(periode__status=PeriodePenghargaan.Status.DITETAPKAN)
    return akses.ambil_atau_404(qs, user, jalur="periode__penyelenggara", code=code)


@dataclass
class KelengkapanLembar:
    anggota: AnggotaTimPenilai
    terisi: int
    wajib: int

    @property
    def lengkap(self) -> bool:
        return self.wajib > 0 and self.terisi >= self.wajib


@dataclass
class Penilaian:
    kriteria: list[KriteriaPenghargaan]
    tim: list[AnggotaTimPenilai]
    nominasi: dict[int, Nominasi]
    rekam: dict[int, RekamJejak]
    hasil: list[HasilNominasi]
    lembar: list[KelengkapanLembar]
    # Penilaian berjenjang: tahap setiap nominasi (id nominasi → tingkat 1, 2, …); kosong untuk tim penilai.
    tahap: dict[int, list[TahapBerjenjang]] = field(default_factory=dict)

    @property
    def total_bobot(self):
        return sum(k.bobot for k in self.kriteria)

    @property
    def lembar_kurang(self) -> list[str]:
        """Lembar tim atau tingkat berjenjang yang belum terisi; penetapan menunggu semuanya."""
        kurang = [lembar.anggota.pelaksana.nama for lembar in self.lembar if not lembar.lengkap]
        for nominasi_id, daftar in self.tahap.items():
            belum = next((t for t in daftar if not t.terisi), None)
            if belum is not None:
                nama = self.nominasi[nominasi_id].pelaksana.nama
                kurang.append(f"{nama} (tingkat {belum.tingkat}: {belum.penilai.nama})")
        return kurang

    @property
    def kriteria_dinilai(self) -> list[KriteriaPenghargaan]:
        return [k for k in self.kriteria if not k.dari_data]

    def baris(self):
        """(hasil, nominasi, rekam, nilai per kriteria berurutan) menurut peringkat, untuk tabel dan PDF."""
        for h in self.hasil:
            nominasi = self.nominasi[h.nominasi_id]
            nilai = [h.nilai_kriteria[k.pk] for k in self.kriteria]
            yield h, nominasi, self.rekam[nominasi.pelaksana_id], nilai


def _urutan_tim(anggota: AnggotaTimPenilai) -> tuple:
    return (
        [PeranTim.KETUA, PeranTim.SEKRETARIS, PeranTim.ANGGOTA].index(anggota.peran),
        anggota.pelaksana.nama,
    )


def _nilai_berjenjang(periode: PeriodePenghargaan, nilai: dict) -> dict[int, list[TahapBerjenjang]]:
    """Tahap berjenjang periode (satu kueri); nilai nominasi = nilai tingkat terakhir yang sudah terisi."""
    tahap: dict[int, list[TahapBerjenjang]] = defaultdict(list)
    for t in TahapBerjenjang.objects.filter(nominasi__periode=periode).select_related(
        "penilai", "dicatat_oleh"
    ):
        tahap[t.nominasi_id].append(t)
    for nominasi_id, daftar in tahap.items():
        daftar.sort(key=lambda t: t.tingkat)
        terisi = [t for t in daftar if t.terisi]
        for kriteria_id, angka in (terisi[-1].nilai if terisi else {}).items():
            nilai[(nominasi_id, int(kriteria_id))] = [angka]
    return dict(tahap)


def penilaian_periode(periode: PeriodePenghargaan) -> Penilaian:
    kriteria = list(periode.kriteria.order_by("urutan", "id"))
    tim = sorted(periode.tim.select_related("pelaksana"), key=_urutan_tim)
    nominasi = {
        n.pk: n
        for n in periode.nominasi.select_related("pelaksana__atasan_langsung").order_by("pelaksana__nama")
    }
    nilai: dict[tuple[int, int], list[int]] = defaultdict(list)
    terisi: dict[int, int] = defaultdict(int)
    tahap = {}
    if periode.metode == MetodePenilaian.BERJENJANG:
        tahap = _nilai_berjenjang(periode, nilai)
    for n in NilaiPenghargaan.objects.filter(nominasi__periode=periode, kriteria__dari_data=False).values(
        "nominasi_id", "kriteria_id", "anggota_id", "nilai"
    ):
        nilai[(n["nominasi_id"], n["kriteria_id"])].append(n["nilai"])
        terisi[n["anggota_id"]] += 1
    rekam = rekam_jejak(
        pelaksana_ids=[n.pelaksana_id for n in nominasi.values()],
        mulai=periode.mulai,
        selesai=periode.selesai,
    )
    kriteria_skor = [Kriteria(k.pk, k.nama, k.bobot, k.dari_data, k.urutan) for k in kriteria]
    hasil = gabungkan(
        kriteria=kriteria_skor,
        nominasi={pk: n.pelaksana.nama for pk, n in nominasi.items()},
        nilai=nilai,
        bersih={pk: rekam[n.pelaksana_id].bersih for pk, n in nominasi.items()},
    )
    wajib = len(nominasi) * sum(1 for k in kriteria if not k.dari_data)
    return Penilaian(
        kriteria=kriteria,
        tim=tim,
        nominasi=nominasi,
        rekam=rekam,
        hasil=peringkatkan(hasil, kriteria_skor),
        lembar=[KelengkapanLembar(a, terisi.get(a.pk, 0), wajib) for a in tim],
        tahap=tahap,
    )


def nilai_lembar(*, anggota: AnggotaTimPenilai) -> dict[tuple[int, int], int]:
    return {
        (n["nominasi_id"], n["kriteria_id"]): n["nilai"]
        for n in NilaiPenghargaan.objects.filter(anggota=anggota).values(
            "nominasi_id", "kriteria_id", "nilai"
        )
    }


def pelaksana_calon(*, periode: PeriodePenghargaan):
    """Pelaksana aktif unit periode yang dapat dinominasikan atau masuk tim."""
    return Pelaksana.objects.filter(penyelenggara=periode.penyelenggara, aktif=True).order_by("nama")


def penerima_periode(periode: PeriodePenghargaan) -> QuerySet[PenerimaPenghargaan]:
    return periode.penerima.select_related("nominasi__pelaksana").order_by(
        "peringkat", "nominasi__pelaksana__nama"
    )


def unit_tanpa_periode(*, user, tahun: int) -> QuerySet:
    """Unit aktif tanpa satu pun periode penghargaan Pelaksana yang menyentuh ``tahun``.

    Pengawasan Biro (BAB 5: Pelaksana berprestasi *wajib* diberi penghargaan); peran berlingkup provinsi.
    """
    if not akses.menjangkau_semua_unit(user):
        raise Http404("Halaman tidak ditemukan.")
    menyentuh = PeriodePenghargaan.objects.filter(
        mulai__lte=date(tahun, 12, 31), selesai__gte=date(tahun, 1, 1)
    )
    return (
        kode_etik_selectors.penyelenggara_qs_for_user(user=user)
        .filter(aktif=True)
        .exclude(pk__in=menyentuh.values("penyelenggara_id"))
        .order_by("jenis", "induk__nama", "nama")
    )


# --- Penghargaan Penyelenggara ------------------------------------------------------------------------------


def penghargaan_penyelenggara_qs() -> QuerySet[PenghargaanPenyelenggara]:
    return PenghargaanPenyelenggara.objects.select_related("siklus").annotate(
        jumlah_penerima=Count("penerima", filter=Q(penerima__dikeluarkan=False))
    )


def penghargaan_penyelenggara_get_for_user(*, user, code) -> PenghargaanPenyelenggara:
    """Penghargaan Gubernur memuat semua unit penerima: hanya peran berlingkup provinsi; lainnya 404."""
    if not akses.menjangkau_semua_unit(user):
        raise Http404("Halaman tidak ditemukan.")
    return get_object_or_404(penghargaan_penyelenggara_qs(), code=code)


def penerima_penyelenggara(penghargaan: PenghargaanPenyelenggara) -> QuerySet[PenerimaPenyelenggara]:
    return penghargaan.penerima.select_related("penyelenggara", "penyelenggara__induk").order_by(
        "dikeluarkan", "peringkat", "penyelenggara__nama"
    )


def penerima_penyelenggara_get_for_user(*, user, code) -> PenerimaPenyelenggara:
    qs = PenerimaPenyelenggara.objects.select_related("penghargaan__siklus", "penyelenggara").filter(
        dikeluarkan=False, penghargaan__status=PenghargaanPenyelenggara.Status.DITETAPKAN
    )
    return akses.ambil_atau_404(qs, user, code=code)


def penghargaan_unit(*, penyelenggara) -> list[PenerimaPenyelenggara]:
    """Penghargaan Gubernur yang diterima satu unit dari tahun ke tahun (yang sudah ditetapkan)."""
    return list(
        PenerimaPenyelenggara.objects.filter(
            penyelenggara=penyelenggara,
            dikeluarkan=False,
            penghargaan__status=PenghargaanPenyelenggara.Status.DITETAPKAN,
        )
        .select_related("penghargaan__siklus")
        .order_by("-penghargaan__siklus__tahun", "penghargaan__nama")
    )


def penghargaan_pelaksana_unit(*, penyelenggara) -> list[PenerimaPenghargaan]:
    return list(
        PenerimaPenghargaan.objects.filter(
            periode__penyelenggara=penyelenggara, periode__status=PeriodePenghargaan.Status.DITETAPKAN
        )
        .select_related("periode", "nominasi__pelaksana")
        .order_by("-periode__mulai", "peringkat")
    )


def penghargaan_pelaksana(*, pelaksana) -> list[PenerimaPenghargaan]:
    return list(
        PenerimaPenghargaan.objects.filter(
            nominasi__pelaksana=pelaksana, periode__status=PeriodePenghargaan.Status.DITETAPKAN
        )
        .select_related("periode")
        .order_by("-periode__mulai")
    )
