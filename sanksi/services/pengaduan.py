"""Pengaduan masyarakat: kiriman formulir publik, pencatatan petugas dari saluran lain, dan alur status.

Pengaduan ialah "penyampaian keluhan yang disampaikan pengadu kepada pengelola pengaduan atas pelayanan
pelaksana yang tidak sesuai dengan standar pelayanan atau pengabaian kewajiban atau pelanggaran larangan
oleh penyelenggara" (Pergub Kaltim 8/2025, Ketentuan Umum); Penyelenggara wajib menindaklanjuti setiap
pengaduan sesuai prosedur (kewajiban Penyelenggara).

Alur status: diterima → diverifikasi | ditolak; diverifikasi → ditindaklanjuti | ditolak;
ditindaklanjuti → selesai; selesai dan ditolak adalah akhir. Setiap perubahan menambah satu baris riwayat
(keterangannya dibaca pelapor di halaman lacak) dan satu jejak audit ``sanksi.pengaduan.*``.
"""

import re
import secrets
from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from akun import akses
from akun.akses import Kemampuan
from akun.models import PERAN_UNIT, Pengguna
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.notifikasi import notifikasi_kirim
from kaltim_yanlik.core.unggahan import buang_berkas, simpan_lampiran
from kaltim_yanlik.core.unggahan import periksa_lampiran as periksa_lampiran_inti

from ..models import LampiranPengaduan, Pengaduan, RiwayatStatusPengaduan
from ..models.pengaduan import HURUF_KODE_LACAK, PANJANG_KODE_LACAK

Status = Pengaduan.Status
Saluran = Pengaduan.Saluran

MAKS_LAMPIRAN = 3
PANJANG_URAIAN_MAKS = 5000
TRANSISI: dict[str, tuple[str, ...]] = {
    Status.DITERIMA: (Status.DIVERIFIKASI, Status.DITOLAK),
    Status.DIVERIFIKASI: (Status.DITINDAKLANJUTI, Status.DITOLAK),
    Status.DITINDAKLANJUTI: (Status.SELESAI,),
    Status.SELESAI: (),
    Status.DITOLAK: (),
}
# Nomor tiket SP4N-LAPOR! berupa angka/huruf (boleh dipisah tanda hubung); "#" dan spasi dibuang.
_POLA_NOMOR_LAPOR = re.compile(r"^[A-Z0-9]+(?:-[A-Z0-9]+)*$")
_PERCOBAAN_KODE = 10


# --- Kode lacak ----------------------------------------------------------------------------------


def kode_lacak_baru() -> str:
    """Kode acak dari huruf tanpa pasangan mirip; ``secrets`` agar kode pelapor lain tidak dapat ditebak."""
    for _ in range(_PERCOBAAN_KODE):
        kode = "".join(secrets.choice(HURUF_KODE_LACAK) for _ in range(PANJANG_KODE_LACAK))
        if not Pengaduan.objects.filter(kode_lacak=kode).exists():
            return kode
    raise DomainError("Kode lacak tidak dapat dibuat saat ini. Coba kirim lagi.")


def normalisasi_kode_lacak(teks: str) -> str:
    """Kode yang diketik pelapor: huruf besar, tanpa spasi atau tanda hubung."""
    return re.sub(r"[\s\-]", "", teks or "").upper()


def normalisasi_nomor_lapor(teks: str) -> str:
    return re.sub(r"[\s#]", "", teks or "").upper()


# --- Pemeriksaan -----------------------------------------------------------------------------------


def _wajib_teks(teks: str, pesan: str, maks: int = PANJANG_URAIAN_MAKS) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise DomainError(pesan)
    if len(teks) > maks:
        raise DomainError(f"Teks terlalu panjang ({len(teks)} karakter); paling banyak {maks} karakter.")
    return teks


def _wajib_unit_aktif(penyelenggara) -> None:
    if penyelenggara is None or not penyelenggara.aktif:
        raise DomainError("Pilih Penyelenggara (unit pelayanan) yang masih aktif.")


def _wajib_tanggal_lampau(tanggal, label: str) -> None:
    if tanggal and tanggal > timezone.localdate():
        raise DomainError(f"{label} tidak boleh di masa depan.")


def _wajib_milik_unit(objek, penyelenggara, label: str) -> None:
    if objek is not None and objek.penyelenggara_id != penyelenggara.pk:
        raise DomainError(f"{label} yang dipilih bukan milik {penyelenggara.nama}.")


def _wajib_nomor_lapor(saluran: str, nomor: str) -> str:
    nomor = normalisasi_nomor_lapor(nomor)
    if saluran == Saluran.SP4N_LAPOR and not nomor:
        raise DomainError("Isi nomor pengaduan SP4N-LAPOR! untuk pengaduan dari saluran SP4N-LAPOR!.")
    if nomor and not (4 <= len(nomor) <= 40 and _POLA_NOMOR_LAPOR.match(nomor)):
        raise DomainError(
            "Nomor SP4N-LAPOR! hanya berisi angka dan huruf (boleh dipisah tanda hubung), 4 sampai 40 "
            "karakter, misalnya 1234567 atau LPR-1234567."
        )
    return nomor


def periksa_lampiran(lampiran) -> list[tuple]:
    return periksa_lampiran_inti(lampiran, maks=MAKS_LAMPIRAN)


# --- Penulisan bersama -----------------------------------------------------------------------------


def _audit(pengaduan: Pengaduan, aksi: str, oleh, data: dict | None = None) -> None:
    audit_catat(objek=pengaduan, aksi=aksi, oleh=oleh, penyelenggara_id=pengaduan.penyelenggara_id, data=data)


def _riwayat(pengaduan: Pengaduan, keterangan: str, oleh, pada=None) -> RiwayatStatusPengaduan:
    return RiwayatStatusPengaduan.objects.create(
        pengaduan=pengaduan,
        status=pengaduan.status,
        keterangan_publik=keterangan,
        pada=pada or timezone.now(),
        oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
    )


def _wajib_nomor_belum_tercatat(saluran: str, nomor: str) -> None:
    """Tolak nomor tiket yang sudah dipakai pengaduan lain pada saluran yang sama, dengan kode lacaknya."""
    if not nomor:
        return
    lama = Pengaduan.objects.filter(saluran=saluran, nomor_lapor=nomor).values_list("kode_lacak", flat=True)
    kode = lama.first()
    if kode:
        raise DomainError(
            f"Nomor {nomor} dari saluran {Saluran(saluran).label} sudah tercatat pada pengaduan dengan kode "
            f"lacak {kode}. Buka pengaduan itu; satu nomor tiket hanya dicatat sekali."
        )


def _buat(data: dict, diperiksa: list[tuple], *, keterangan: str, oleh) -> Pengaduan:
    """Simpan pengaduan baru berstatus diterima, riwayat pertamanya, dan lampirannya (semua atau tidak)."""
    tertulis: list = []
    try:
        with transaction.atomic():
            pengaduan = Pengaduan.objects.create(kode_lacak=kode_lacak_baru(), status=Status.DITERIMA, **data)
            _riwayat(pengaduan, keterangan, oleh, pada=pengaduan.diterima_pada)
            simpan_lampiran(LampiranPengaduan, diperiksa, tertulis, pengaduan=pengaduan)
    except IntegrityError as e:
        buang_berkas(tertulis)
        # Pencatatan bersamaan nomor yang sama: indeks unik menunggu yang pertama, yang kedua ditolak di sini.
        _wajib_nomor_belum_tercatat(data.get("saluran", ""), data.get("nomor_lapor", ""))
        raise DomainError("Pengaduan tidak dapat disimpan saat ini. Coba kirim lagi.") from e
    except Exception:
        # Transaksi dibatalkan: berkas yang sudah tertulis dibuang agar tidak ada lampiran tanpa baris.
        buang_berkas(tertulis)
        raise
    return pengaduan


def _beri_tahu_unit(pengaduan: Pengaduan) -> None:
    """Kepala dan operator unit yang diadukan, juga unit induknya (UPTD sering tanpa akun sendiri)."""
    unit = pengaduan.penyelenggara
    penerima = Pengguna.objects.filter(
        peran__in=PERAN_UNIT, penyelenggara__in=[unit.pk, unit.induk_id], is_active=True
    )
    notifikasi_kirim(
        penerima=penerima,
        judul=f"Pengaduan baru {pengaduan.kode_lacak}: {unit.nama_pendek}",
        isi=f"Pengaduan masyarakat lewat formulir portal atas pelayanan {unit.nama}. Mohon diverifikasi.",
        tautan=reverse("sanksi:pengaduan_detail", args=[pengaduan.code]),
    )


# --- Service -------------------------------------------------------------------------------------


@transaction.atomic
def pengaduan_kirim_publik(
    *,
    penyelenggara,
    uraian: str,
    tanggal_kejadian=None,
    jenis_layanan=None,
    nama_pelaksana_disebut: str = "",
    nama_pelapor: str = "",
    kontak_pelapor: str = "",
    lampiran=(),
    alamat_ip: str = "",
) -> Pengaduan:
    """Pengaduan dari formulir publik (tanpa login). Pelapor menerima ``kode_lacak`` untuk halaman lacak.

    Semua isian dan semua lampiran (paling banyak 3) diperiksa lebih dulu: satu ditolak, tidak ada yang
    tersimpan.
    """
    _wajib_unit_aktif(penyelenggara)
    _wajib_milik_unit(jenis_layanan, penyelenggara, "Jenis layanan")
    _wajib_tanggal_lampau(tanggal_kejadian, "Tanggal kejadian")
    data = {
        "penyelenggara": penyelenggara,
        "uraian": _wajib_teks(uraian, "Tuliskan uraian pengaduan Anda."),
        "tanggal_kejadian": tanggal_kejadian,
        "jenis_layanan": jenis_layanan,
        "nama_pelaksana_disebut": (nama_pelaksana_disebut or "").strip()[:150],
        "nama_pelapor": (nama_pelapor or "").strip()[:150],
        "kontak_pelapor": (kontak_pelapor or "").strip()[:150],
        "saluran": Saluran.FORMULIR,
        "diterima_pada": timezone.now(),
    }
    diperiksa = periksa_lampiran(lampiran)
    pengaduan = _buat(data, diperiksa, keterangan="Pengaduan diterima melalui formulir portal.", oleh=None)
    _audit(
        pengaduan,
        "sanksi.pengaduan.dikirim_publik",
        None,
        {"saluran": pengaduan.saluran, "lampiran": len(diperiksa), "alamat_ip": alamat_ip},
    )
    _beri_tahu_unit(pengaduan)
    return pengaduan


@transaction.atomic
def pengaduan_catat(
    *,
    penyelenggara,
    saluran: str,
    uraian: str,
    nomor_lapor: str = "",
    pelaksana=None,
    nama_pelaksana_disebut: str = "",
    jenis_layanan=None,
    nama_pelapor: str = "",
    kontak_pelapor: str = "",
    tanggal_kejadian=None,
    diterima_tanggal=None,
    catatan_internal: str = "",
    lampiran=(),
    oleh,
) -> Pengaduan:
    """Petugas mencatat pengaduan yang masuk lewat saluran lain (SP4N-LAPOR!, surat, datang langsung, ...)."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PENGADUAN, penyelenggara)
    _wajib_unit_aktif(penyelenggara)
    if saluran not in Saluran.values or saluran == Saluran.FORMULIR:
        raise DomainError("Pilih saluran asal pengaduan (formulir portal terisi sendiri oleh pelapor).")
    _wajib_milik_unit(pelaksana, penyelenggara, "Pelaksana")
    _wajib_milik_unit(jenis_layanan, penyelenggara, "Jenis layanan")
    _wajib_tanggal_lampau(tanggal_kejadian, "Tanggal kejadian")
    _wajib_tanggal_lampau(diterima_tanggal, "Tanggal pengaduan diterima")
    data = {
        "penyelenggara": penyelenggara,
        "saluran": saluran,
        "nomor_lapor": _wajib_nomor_lapor(saluran, nomor_lapor),
        "uraian": _wajib_teks(uraian, "Tuliskan uraian pengaduan."),
        "pelaksana": pelaksana,
        "nama_pelaksana_disebut": (nama_pelaksana_disebut or "").strip()[:150],
        "jenis_layanan": jenis_layanan,
        "nama_pelapor": (nama_pelapor or "").strip()[:150],
        "kontak_pelapor": (kontak_pelapor or "").strip()[:150],
        "tanggal_kejadian": tanggal_kejadian,
        "catatan_internal": (catatan_internal or "").strip(),
        "diterima_pada": _awal_hari_atau_sekarang(diterima_tanggal),
        "dicatat_oleh": oleh,
    }
    _wajib_nomor_belum_tercatat(saluran, data["nomor_lapor"])
    diperiksa = periksa_lampiran(lampiran)
    keterangan = f"Pengaduan diterima melalui {Saluran(saluran).label}."
    pengaduan = _buat(data, diperiksa, keterangan=keterangan, oleh=oleh)
    _audit(
        pengaduan,
        "sanksi.pengaduan.dicatat",
        oleh,
        {"saluran": saluran, "nomor_lapor": pengaduan.nomor_lapor, "lampiran": len(diperiksa)},
    )
    return pengaduan


def _awal_hari_atau_sekarang(tanggal):
    """Pengaduan yang diterima pada hari lampau dicatat pada tanggal itu; hari ini pada saat ini."""
    if tanggal is None or tanggal == timezone.localdate():
        return timezone.now()
    return timezone.make_aware(datetime.combine(tanggal, time.min))


def status_berikutnya(pengaduan: Pengaduan) -> tuple[str, ...]:
    return TRANSISI.get(pengaduan.status, ())


def _tambah_catatan(lama: str, baru: str, oleh) -> str:
    """Catatan internal bertambah, tidak ditimpa: setiap tambahan diberi tanggal dan penulisnya."""
    baru = (baru or "").strip()
    if not baru:
        return lama
    kapan = date_format(timezone.localtime(), "j M Y H.i")
    tambahan = f"[{kapan}, {oleh}] {baru}"
    return f"{lama}\n\n{tambahan}" if lama else tambahan


def _wajib_transisi_sah(pengaduan: Pengaduan, status: str) -> None:
    if status not in Status.values:
        raise DomainError("Status tujuan tidak dikenal.")
    if status not in status_berikutnya(pengaduan):
        sekarang = pengaduan.get_status_display().lower()
        boleh = ", ".join(Status(s).label.lower() for s in status_berikutnya(pengaduan))
        lanjut = f"dapat menjadi: {boleh}" if boleh else "tidak dapat diubah lagi"
        raise DomainError(
            f"Pengaduan berstatus {sekarang} tidak dapat menjadi {Status(status).label.lower()}; "
            f"status ini {lanjut}."
        )


@transaction.atomic
def pengaduan_ubah_status(
    *,
    pengaduan: Pengaduan,
    status: str,
    keterangan_publik: str = "",
    catatan_internal: str = "",
    alasan_ditolak: str = "",
    oleh,
) -> Pengaduan:
    """Ubah status menurut ``TRANSISI``. Penolakan wajib beralasan; alasannya dibaca pelapor.

    ``keterangan_publik`` tampil di halaman lacak; ``catatan_internal`` ditambahkan ke catatan petugas dan
    tidak pernah tampil kepada publik.
    """
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PENGADUAN, pengaduan.penyelenggara)
    pengaduan = Pengaduan.objects.select_for_update().select_related("penyelenggara").get(pk=pengaduan.pk)
    _wajib_transisi_sah(pengaduan, status)
    keterangan = (keterangan_publik or "").strip()
    if status == Status.DITOLAK:
        pengaduan.alasan_ditolak = _wajib_teks(alasan_ditolak, "Tuliskan alasan pengaduan ditolak.")
        # Pelapor berhak tahu mengapa pengaduannya ditolak.
        keterangan = keterangan or pengaduan.alasan_ditolak
    status_lama = pengaduan.status
    pengaduan.status = status
    pengaduan.catatan_internal = _tambah_catatan(pengaduan.catatan_internal, catatan_internal, oleh)
    pengaduan.save(update_fields=["status", "alasan_ditolak", "catatan_internal", "updated_at"])
    riwayat = _riwayat(pengaduan, keterangan, oleh)
    _audit(
        pengaduan,
        f"sanksi.pengaduan.{status}",
        oleh,
        {
            "dari": status_lama,
            "ke": status,
            "riwayat": riwayat.pk,
            "alasan_ditolak": pengaduan.alasan_ditolak,
        },
    )
    return pengaduan
