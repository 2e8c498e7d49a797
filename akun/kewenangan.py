"""Kewenangan: siapa boleh mengambil setiap tindakan resmi dan siapa menandatangani naskahnya.

Satu tabel data (``AturanKewenangan``, diubah di admin dan diaudit) yang dapat dibaca berdampingan dengan
Pergub 8/2025: BAB 5 (penghargaan), BAB 6 angka 2–3 (pembinaan berjenjang; Kepala Penyelenggara dibina
Sekretaris Daerah dan/atau Gubernur), BAB 7 ("sanksi administratif diberikan oleh Kepala Penyelenggara"), dan
UU 30/2014 Pasal 77–78 untuk keberatan dan banding. Baris awalnya dipasang migrasi ``akun/0004``.

Pembagian dengan ``akun.akses``: kebijakan akses memutuskan objek mana yang terlihat (lingkup baris, 404 untuk
unit lain); modul ini memutuskan siapa boleh *bertindak* atas objek yang terlihat (403 dengan pesan yang
menyebut siapa yang berwenang). Subjek dinyatakan sebagai jenis plus unit, tanpa mengimpor model app di
kanan ``akun``.

Penanda tangan naskah adalah pejabat yang menjabat pada tanggal keputusan: Kepala Penyelenggara dari
riwayat Kepala unit (``kode_etik.RiwayatKepala``), Sekda/Gubernur/Kepala Biro dari ``Pejabat``.
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from kode_etik.models import Pelaksana, Penyelenggara, RiwayatKepala

from .models import AturanKewenangan, Pejabat, Pengguna, Peran

Tindakan = AturanKewenangan.Tindakan
Subjek = AturanKewenangan.Subjek
Pelaku = AturanKewenangan.Pelaku
PenandaTangan = AturanKewenangan.PenandaTangan

ALAMAT_SETDA = "Jalan Gajah Mada Nomor 2, Samarinda, Kalimantan Timur 75121"
_PROVINSI = {
    # kode → (jabatan bila belum tercatat, kop naskah, tanpa NIP)
    PenandaTangan.GUBERNUR: ("Gubernur Kalimantan Timur", "GUBERNUR KALIMANTAN TIMUR", True),
    PenandaTangan.SEKDA: (
        "Sekretaris Daerah Provinsi Kalimantan Timur",
        "SEKRETARIAT DAERAH",
        False,
    ),
    PenandaTangan.KEPALA_BIRO: (
        "Kepala Biro Organisasi Sekretariat Daerah Provinsi Kalimantan Timur",
        "SEKRETARIAT DAERAH · BIRO ORGANISASI",
        False,
    ),
}
_SEBUTAN_PROVINSI = {
    PenandaTangan.GUBERNUR: "Gubernur",
    PenandaTangan.SEKDA: "Sekretaris Daerah",
    PenandaTangan.KEPALA_BIRO: "Kepala Biro Organisasi",
}


# --- Siapa boleh bertindak ---------------------------------------------------------------------------------


def aturan_aktif() -> list[AturanKewenangan]:
    """Seluruh baris aktif, untuk halaman yang memeriksa banyak kasus sekaligus (satu kueri)."""
    return list(AturanKewenangan.objects.filter(aktif=True))


def aturan_berlaku(
    tindakan: str, *, subjek: str, unit: Penyelenggara | None, penerbit: str = "", dari=None
) -> list[AturanKewenangan]:
    """Baris aktif untuk tindakan atas subjek pada unit ini (jenis unit dan penerbit yang cocok), satu kueri.

    ``unit`` kosong untuk tindakan berlingkup provinsi (penghargaan Gubernur): hanya baris semua jenis unit.
    ``dari``: baris yang sudah dimuat (``aturan_aktif``) agar tidak satu kueri per kasus.
    """
    jenis_unit = {"", unit.jenis if unit else ""}
    if dari is not None:
        return [
            a
            for a in dari
            if a.tindakan == tindakan and a.subjek == subjek and a.jenis_unit in jenis_unit
            and a.penerbit in ("", penerbit)
        ]  # fmt: skip
    return list(
        AturanKewenangan.objects.filter(
            aktif=True,
            tindakan=tindakan,
            subjek=subjek,
            jenis_unit__in=jenis_unit,
            penerbit__in=["", penerbit],
        )
    )


def _unit_pelaku(pelaku: str, unit: Penyelenggara | None) -> int | None:
    if unit is None:
        return None
    return unit.pk if pelaku in (Pelaku.STAF_UNIT, Pelaku.KEPALA_UNIT) else unit.induk_id


def cocok(user, pelaku: str, unit: Penyelenggara | None) -> bool:
    """Apakah ``user`` termasuk ``pelaku`` untuk ``unit`` (peran dan hubungannya dengan unit)."""
    if not (user and user.is_authenticated and user.is_active) or not pelaku:
        return False
    if pelaku in (Pelaku.BIRO, Pelaku.SEKDA):
        return user.peran == pelaku
    unit_id = _unit_pelaku(pelaku, unit)
    if unit_id is None or user.penyelenggara_id != unit_id:
        return False
    if pelaku in (Pelaku.KEPALA_UNIT, Pelaku.KEPALA_INDUK):
        return user.peran == Peran.KEPALA
    return user.peran in (Peran.KEPALA, Peran.OPERATOR)


def aturan_untuk(user, tindakan: str, *, subjek: str, unit: Penyelenggara, penerbit: str = "", dari=None):
    """Baris pertama yang memberi ``user`` tindakan ini, atau None."""
    for aturan in aturan_berlaku(tindakan, subjek=subjek, unit=unit, penerbit=penerbit, dari=dari):
        if cocok(user, aturan.pelaku, unit):
            return aturan
    return None


def boleh(user, tindakan: str, *, subjek: str, unit: Penyelenggara, penerbit: str = "") -> bool:
    return aturan_untuk(user, tindakan, subjek=subjek, unit=unit, penerbit=penerbit) is not None


def wajib(user, tindakan: str, *, subjek: str, unit: Penyelenggara, penerbit: str = "") -> AturanKewenangan:
    """Baris yang berlaku bagi ``user``; bila tidak ada, 403 dengan pesan yang menyebut siapa berwenang."""
    aturan = aturan_untuk(user, tindakan, subjek=subjek, unit=unit, penerbit=penerbit)
    if aturan is None:
        raise PermissionDenied(pesan_tolak(tindakan, subjek=subjek, unit=unit, penerbit=penerbit))
    return aturan


def _sebutan_pelaku(pelaku: str, unit: Penyelenggara | None) -> str:
    nama = unit.nama if unit else "unit"
    induk = unit.induk.nama if unit and unit.induk_id else "Perangkat Daerah induk"
    return {
        Pelaku.STAF_UNIT: f"Kepala atau operator {nama}",
        Pelaku.STAF_INDUK: f"Kepala atau operator {induk}",
        Pelaku.KEPALA_UNIT: f"Kepala {nama}",
        Pelaku.KEPALA_INDUK: f"Kepala {induk}",
        Pelaku.BIRO: "Biro Organisasi",
        Pelaku.SEKDA: "Sekretaris Daerah",
    }[pelaku]


def sebutan_penanda_tangan(kode: str, unit: Penyelenggara | None) -> str:
    if kode == PenandaTangan.KEPALA_UNIT:
        return f"Kepala {unit.nama}" if unit else "Kepala Penyelenggara"
    if kode == PenandaTangan.KEPALA_INDUK:
        return f"Kepala {unit.induk.nama}" if unit and unit.induk_id else "Kepala Perangkat Daerah induk"
    return _SEBUTAN_PROVINSI.get(kode, "")


def _sebutan_aturan(aturan: AturanKewenangan, unit: Penyelenggara) -> str:
    sebutan = _sebutan_pelaku(aturan.pelaku, unit)
    ttd = aturan.penanda_tangan
    if not ttd or ttd == aturan.pelaku:
        return sebutan
    if aturan.pelaku == Pelaku.BIRO:
        return f"{sebutan} (mencatat keputusan {sebutan_penanda_tangan(ttd, unit)})"
    return f"{sebutan} (ditandatangani {sebutan_penanda_tangan(ttd, unit)})"


def siapa(tindakan: str, *, subjek: str, unit: Penyelenggara, penerbit: str = "") -> str:
    """“Kepala UPTD X” atau “Sekretaris Daerah atau Biro Organisasi (mencatat keputusan Gubernur)”."""
    daftar = [
        _sebutan_aturan(a, unit)
        for a in aturan_berlaku(tindakan, subjek=subjek, unit=unit, penerbit=penerbit)
        if a.pelaku
    ]
    return " atau ".join(dict.fromkeys(daftar))


def pesan_tolak(tindakan: str, *, subjek: str, unit: Penyelenggara, penerbit: str = "") -> str:
    nama = Tindakan(tindakan).label
    berwenang = siapa(tindakan, subjek=subjek, unit=unit, penerbit=penerbit)
    if not berwenang:
        return (
            f"{nama}: tidak ada pejabat yang berwenang menurut tabel kewenangan untuk kasus atau subjek ini. "
            "Hubungi admin portal."
        )
    dasar = "; ".join(
        dict.fromkeys(a.dasar for a in aturan_berlaku(tindakan, subjek=subjek, unit=unit, penerbit=penerbit))
    )
    return f"{nama} hanya dapat dilakukan oleh {berwenang} ({dasar})."


# --- Siapa menandatangani ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Penandatangan:
    """Blok tanda tangan dan kop naskah. ``tercatat`` mati bila pejabatnya belum tercatat pada tanggal itu."""

    kode: str
    jabatan: str
    nama: str
    nip: str
    kop_nama: str
    kop_alamat: str
    tercatat: bool
    tanpa_nip: bool = False


def _masih_menjabat(tanggal: date) -> Q:
    return Q(selesai__isnull=True) | Q(selesai__gte=tanggal)


def pejabat_pada(jabatan: str, tanggal: date) -> Pejabat | None:
    """Pejabat provinsi (Gubernur, Sekda, Kepala Biro) yang menjabat pada ``tanggal``."""
    qs = Pejabat.objects.filter(_masih_menjabat(tanggal), jabatan=jabatan, mulai__lte=tanggal)
    return qs.order_by("-mulai").first()


def kepala_pada(unit: Penyelenggara, tanggal: date) -> Pelaksana | None:
    """Kepala Penyelenggara ``unit`` pada ``tanggal`` menurut riwayatnya; unit tanpa riwayat: Kepala kini."""
    riwayat = RiwayatKepala.objects.filter(penyelenggara=unit).select_related("pelaksana")
    if not riwayat.exists():
        return unit.kepala
    pada = riwayat.filter(_masih_menjabat(tanggal)).filter(Q(mulai__isnull=True) | Q(mulai__lte=tanggal))
    baris = pada.order_by("-mulai").first()
    return baris.pelaksana if baris else None


def penanda_tangan(kode: str, *, unit: Penyelenggara | None, tanggal: date) -> Penandatangan | None:
    """Penanda tangan berkode ``kode`` (``PenandaTangan``) bagi naskah ``unit`` bertanggal ``tanggal``."""
    if not kode:
        return None
    if kode in _PROVINSI:
        bawaan, kop, tanpa_nip = _PROVINSI[kode]
        pejabat = pejabat_pada(kode, tanggal)
        return Penandatangan(
            kode=kode,
            jabatan=pejabat.jabatan_teks if pejabat else bawaan,
            nama=pejabat.nama if pejabat else "",
            nip=pejabat.nip if pejabat else "",
            kop_nama=kop,
            kop_alamat=ALAMAT_SETDA,
            tercatat=pejabat is not None,
            tanpa_nip=tanpa_nip,
        )
    unit_ttd = unit.induk if kode == PenandaTangan.KEPALA_INDUK else unit
    kepala = kepala_pada(unit_ttd, tanggal)
    return Penandatangan(
        kode=kode,
        jabatan=f"Kepala {unit_ttd.nama}",
        nama=kepala.nama if kepala else "",
        nip=kepala.nip if kepala else "",
        kop_nama=unit_ttd.nama.upper(),
        kop_alamat=unit_ttd.alamat,
        tercatat=kepala is not None,
    )


def penanda_tangan_naskah(tindakan: str, *, subjek: str, unit: Penyelenggara, tanggal: date):
    """Penanda tangan naskah yang tabelnya hanya menyebut penanda tangan (mis. Berita Acara evaluasi)."""
    for aturan in aturan_berlaku(tindakan, subjek=subjek, unit=unit):
        if aturan.penanda_tangan:
            return penanda_tangan(aturan.penanda_tangan, unit=unit, tanggal=tanggal)
    return None


# --- Siapa diberi tahu -------------------------------------------------------------------------------------


def _q_pelaku(pelaku: str, unit: Penyelenggara | None) -> Q:
    if pelaku in (Pelaku.BIRO, Pelaku.SEKDA):
        return Q(peran=pelaku)
    unit_id = _unit_pelaku(pelaku, unit)
    if not pelaku or unit_id is None:
        return Q(pk__in=[])
    if pelaku in (Pelaku.KEPALA_UNIT, Pelaku.KEPALA_INDUK):
        return Q(peran=Peran.KEPALA, penyelenggara=unit_id)
    return Q(peran__in=[Peran.KEPALA, Peran.OPERATOR], penyelenggara=unit_id)


def pengguna_berwenang(tindakan: str, *, subjek: str, unit: Penyelenggara | None, penerbit: str = ""):
    """Akun aktif yang boleh mengambil tindakan ini (penerima pengingat dan pemberitahuan)."""
    q = Q(pk__in=[])
    for aturan in aturan_berlaku(tindakan, subjek=subjek, unit=unit, penerbit=penerbit):
        q |= _q_pelaku(aturan.pelaku, unit)
    return Pengguna.objects.filter(q, is_active=True)
