"""Kebijakan akses portal: satu-satunya tempat yang memutuskan siapa boleh apa dan melihat data unit mana.

Dua hal diatur di sini:

1. **Kemampuan per peran** (``KEMAMPUAN_PERAN``): matriks peran → kemampuan, diuji sebagai matriks.
2. **Lingkup baris**: Kepala dan Operator hanya menjangkau Penyelenggara-nya sendiri beserta UPTD/UOBK di
   bawahnya; Admin, Biro, Sekda dan Pimpinan menjangkau semua unit (Pimpinan hanya membaca).

Siapa boleh mengambil tindakan resmi atas objek yang terlihat (menjatuhkan sanksi, memutus keberatan dan
banding, menetapkan penghargaan) diputuskan tabel kewenangan di ``akun/kewenangan.py``, bukan matriks ini.

Setiap view, unduhan, PDF dan halaman admin mengambil objek lewat ``batasi`` / ``ambil_atau_404``.
Objek di luar lingkup dijawab 404 — sama persis dengan objek yang tidak ada — agar keberadaannya tidak bocor.
Objek yang terlihat tetapi tidak boleh diubah dijawab 403.

Modul ini sengaja tidak mengimpor model domain: lingkup dinyatakan sebagai jalur field
(``"penyelenggara"``, ``"evaluasi__penyelenggara"``), sehingga app mana pun dapat memakainya.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import PERAN_UNIT, Peran


class Kemampuan(StrEnum):
    LIHAT_SEMUA_UNIT = "lihat_semua_unit"
    LIHAT_PENYELENGGARA = "lihat_penyelenggara"
    KELOLA_PENYELENGGARA = "kelola_penyelenggara"
    LIHAT_PELAKSANA = "lihat_pelaksana"
    KELOLA_PELAKSANA = "kelola_pelaksana"
    KELOLA_JENIS_LAYANAN = "kelola_jenis_layanan"
    KELOLA_NORMA = "kelola_norma"
    KELOLA_PENGGUNA = "kelola_pengguna"
    LIHAT_AUDIT = "lihat_audit"
    ADMIN_SITUS = "admin_situs"
    # Monev PEKPPP
    LIHAT_EVALUASI = "lihat_evaluasi"
    KELOLA_SIKLUS = "kelola_siklus"
    ISI_EVALUASI = "isi_evaluasi"
    AJUKAN_EVALUASI = "ajukan_evaluasi"
    NILAI_EVALUASI = "nilai_evaluasi"
    SANGGAH_EVALUASI = "sanggah_evaluasi"
    PUBLIKASIKAN_HASIL = "publikasikan_hasil"
    # SKM: periode survei, impor jawaban, rekap NRR (unit sendiri; Biro untuk semua unit).
    KELOLA_SKM = "kelola_skm"
    KELOLA_OMBUDSMAN = "kelola_ombudsman"
    # Penegakan kode etik (sanksi)
    LIHAT_PENEGAKAN = "lihat_penegakan"
    KELOLA_PENGADUAN = "kelola_pengaduan"
    # Membuka halaman pembukaan kasus; siapa boleh membuka kasus atas subjek tertentu dan siapa boleh
    # mengambil setiap langkahnya diputuskan tabel kewenangan (akun/kewenangan.py).
    SIAPKAN_KASUS = "siapkan_kasus"
    # Penghargaan (BAB 5): Pelaksana oleh Kepala Penyelenggara unitnya sendiri; Penyelenggara oleh Gubernur,
    # dikoordinasikan Biro Organisasi.
    LIHAT_PENGHARGAAN = "lihat_penghargaan"
    KELOLA_PENGHARGAAN_PELAKSANA = "kelola_penghargaan_pelaksana"
    KELOLA_PENGHARGAAN_PENYELENGGARA = "kelola_penghargaan_penyelenggara"
    # Data acuan yang dicatat Biro: pejabat penanda tangan, hari libur, dasar hukum naskah, aturan upaya
    # administratif, riwayat Kepala Penyelenggara. Tabel kewenangan sendiri hanya diubah Admin: Biro yang
    # menyiapkan kasus tidak memberi dirinya wewenang memutus.
    KELOLA_DATA_ACUAN = "kelola_data_acuan"
    KELOLA_KEWENANGAN = "kelola_kewenangan"


_BACA_UNIT = {
    Kemampuan.LIHAT_PENYELENGGARA,
    Kemampuan.LIHAT_PELAKSANA,
    Kemampuan.LIHAT_EVALUASI,
    Kemampuan.LIHAT_PENEGAKAN,
    Kemampuan.LIHAT_PENGHARGAAN,
}

KEMAMPUAN_PERAN: dict[str, frozenset[Kemampuan]] = {
    # Admin sistem: segalanya kecuali pekerjaan unit lokus (mengisi dan mengajukan F-01 hanya oleh OPD).
    Peran.ADMIN: frozenset(Kemampuan)
    - {
        Kemampuan.ISI_EVALUASI,
        Kemampuan.AJUKAN_EVALUASI,
        Kemampuan.SANGGAH_EVALUASI,
        # Penghargaan Pelaksana ditetapkan Kepala Penyelenggara unit itu sendiri, bukan admin sistem.
        Kemampuan.KELOLA_PENGHARGAAN_PELAKSANA,
    },
    Peran.BIRO: frozenset(
        _BACA_UNIT
        | {
            Kemampuan.LIHAT_SEMUA_UNIT,
            Kemampuan.KELOLA_PENYELENGGARA,
            Kemampuan.KELOLA_PELAKSANA,
            Kemampuan.KELOLA_JENIS_LAYANAN,
            Kemampuan.LIHAT_AUDIT,
            Kemampuan.ADMIN_SITUS,
            Kemampuan.KELOLA_SIKLUS,
            Kemampuan.NILAI_EVALUASI,
            Kemampuan.PUBLIKASIKAN_HASIL,
            Kemampuan.KELOLA_SKM,
            # Hasil kepatuhan Ombudsman RI dicatat Biro sebagai pembanding eksternal IPP.
            Kemampuan.KELOLA_OMBUDSMAN,
            # Berkas kasus terhadap Kepala Penyelenggara disiapkan Biro; keputusannya milik Sekda/Gubernur
            # (BAB 6 angka 3, lihat tabel kewenangan).
            Kemampuan.KELOLA_PENGADUAN,
            Kemampuan.SIAPKAN_KASUS,
            Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA,
            Kemampuan.KELOLA_DATA_ACUAN,
        }
    ),
    # Sekretaris Daerah: membaca seluruh unit seperti pimpinan; keputusannya diberikan tabel kewenangan.
    Peran.SEKDA: frozenset(_BACA_UNIT | {Kemampuan.LIHAT_SEMUA_UNIT}),
    # Pimpinan (staf Gubernur, pimpinan lain): semua unit, hanya membaca.
    Peran.PIMPINAN: frozenset(_BACA_UNIT | {Kemampuan.LIHAT_SEMUA_UNIT}),
    # Kepala: mengisi dan mengajukan penilaian mandiri serta menyanggah level; operator hanya mengisi F-01.
    Peran.KEPALA: frozenset(
        _BACA_UNIT
        | {
            Kemampuan.KELOLA_PELAKSANA,
            Kemampuan.KELOLA_JENIS_LAYANAN,
            Kemampuan.ISI_EVALUASI,
            Kemampuan.AJUKAN_EVALUASI,
            Kemampuan.SANGGAH_EVALUASI,
            Kemampuan.KELOLA_SKM,
            Kemampuan.KELOLA_PENGADUAN,
            Kemampuan.SIAPKAN_KASUS,
            Kemampuan.KELOLA_PENGHARGAAN_PELAKSANA,
        }
    ),
    # Operator mencatat pengaduan dan menyiapkan kasus; sanksi dijatuhkan Kepala (tabel kewenangan).
    Peran.OPERATOR: frozenset(
        _BACA_UNIT
        | {
            Kemampuan.KELOLA_PELAKSANA,
            Kemampuan.KELOLA_JENIS_LAYANAN,
            Kemampuan.ISI_EVALUASI,
            Kemampuan.KELOLA_SKM,
            Kemampuan.KELOLA_PENGADUAN,
            Kemampuan.SIAPKAN_KASUS,
        }
    ),
}


def boleh(user, kemampuan: Kemampuan) -> bool:
    """Apakah ``user`` (aktif dan masuk) memiliki ``kemampuan`` menurut perannya."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.peran in PERAN_UNIT and not user.penyelenggara_id:
        return False
    return kemampuan in KEMAMPUAN_PERAN.get(user.peran, frozenset())


def wajib(user, kemampuan: Kemampuan) -> None:
    """Tolak dengan 403 bila ``user`` tidak memiliki ``kemampuan``."""
    if not boleh(user, kemampuan):
        raise PermissionDenied("Anda tidak memiliki hak untuk tindakan ini.")


def menjangkau_semua_unit(user) -> bool:
    return boleh(user, Kemampuan.LIHAT_SEMUA_UNIT)


def _q_lingkup(jalur: str, unit_id: int) -> Q:
    """Q untuk objek milik ``unit_id`` atau unit yang berinduk padanya; jalur kosong = Penyelenggara."""
    sendiri = jalur or "pk"
    induk = f"{jalur}__induk" if jalur else "induk"
    return Q(**{sendiri: unit_id}) | Q(**{induk: unit_id})


def batasi(qs: QuerySet, user, jalur: str = "penyelenggara") -> QuerySet:
    """Persempit ``qs`` ke objek yang dijangkau ``user``; ``jalur`` menuju Penyelenggara pemilik objek."""
    if menjangkau_semua_unit(user):
        return qs
    if not (user and user.is_authenticated and user.is_active and user.penyelenggara_id):
        return qs.none()
    if user.peran not in PERAN_UNIT:
        return qs.none()
    return qs.filter(_q_lingkup(jalur, user.penyelenggara_id))


def ambil_atau_404(qs: QuerySet, user, jalur: str = "penyelenggara", **lookup):
    """Ambil satu objek dalam lingkup ``user``; di luar lingkup sama dengan tidak ada (404)."""
    return get_object_or_404(batasi(qs, user, jalur), **lookup)


def menjangkau_unit(user, penyelenggara) -> bool:
    """Apakah ``penyelenggara`` berada dalam lingkup ``user``."""
    if menjangkau_semua_unit(user):
        return True
    if not (user and user.is_authenticated and user.peran in PERAN_UNIT and user.penyelenggara_id):
        return False
    return user.penyelenggara_id in (penyelenggara.pk, penyelenggara.induk_id)


def boleh_ubah_di_unit(user, kemampuan: Kemampuan, penyelenggara) -> bool:
    """Boleh menulis: punya kemampuan itu dan unit objek berada dalam lingkupnya."""
    return boleh(user, kemampuan) and menjangkau_unit(user, penyelenggara)


def wajib_ubah_di_unit(user, kemampuan: Kemampuan, penyelenggara) -> None:
    if not boleh_ubah_di_unit(user, kemampuan, penyelenggara):
        raise PermissionDenied("Anda tidak memiliki hak untuk mengubah data ini.")


def peran_staf_admin(peran: str) -> tuple[bool, bool]:
    """(is_staff, is_superuser) menurut peran, agar bendera Django tidak menyimpang dari kebijakan."""
    return (Kemampuan.ADMIN_SITUS in KEMAMPUAN_PERAN.get(peran, frozenset()), peran == Peran.ADMIN)
