"""Penulisan data induk kode etik. Setiap perubahan memeriksa hak akses dan dicatat di jejak audit."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat, nilai_semula
from kaltim_yanlik.core.exceptions import DomainError

from .models import JenisLayanan, Larangan, Norma, Pelaksana, Penempatan, Penyelenggara, RiwayatKepala


def _simpan_teraudit(objek, *, nama: str, oleh, field_diubah, unit=lambda objek: None):
    """full_clean, simpan, dan catat ``kode_etik.<nama>.dibuat|diubah`` dengan field yang berubah.

    ``unit`` memberi id Penyelenggara pemilik objek, dipanggil setelah simpan (unit baru baru punya pk).
    Nilai baru disimpan per field dan nilai lamanya di ``data["semula"]`` agar auditor melihat lama → baru.
    """
    aksi = f"kode_etik.{nama}.{'dibuat' if objek._state.adding else 'diubah'}"
    semula = nilai_semula(objek, field_diubah)
    objek.full_clean()
    objek.save()
    data = {f: str(getattr(objek, f)) for f in field_diubah or ()}
    if semula:
        data["semula"] = semula
    audit_catat(objek=objek, aksi=aksi, oleh=oleh, penyelenggara_id=unit(objek), data=data)
    return objek


@transaction.atomic
def penyelenggara_simpan(*, penyelenggara: Penyelenggara, oleh, field_diubah=None) -> Penyelenggara:
    """Buat atau ubah Penyelenggara (hanya Biro dan Admin: data induk unit provinsi).

    Pergantian Kepala Penyelenggara dicatat di riwayatnya (berlaku hari ini), agar naskah yang sudah terbit
    tetap dicetak atas nama Kepala yang menjabat pada tanggal keputusannya.
    """
    akses.wajib(oleh, Kemampuan.KELOLA_PENYELENGGARA)
    kepala_lama = None
    if penyelenggara.pk:
        kepala_lama = (
            Penyelenggara.objects.filter(pk=penyelenggara.pk).values_list("kepala_id", flat=True).first()
        )
    unit = _simpan_teraudit(
        penyelenggara, nama="penyelenggara", oleh=oleh, field_diubah=field_diubah, unit=lambda o: o.pk
    )
    if unit.kepala_id != kepala_lama or not unit.riwayat_kepala.exists():
        _riwayat_kepala_catat(unit, kepala_lama, timezone.localdate())
    return unit


def _riwayat_kepala_catat(unit: Penyelenggara, kepala_lama: int | None, tanggal: date) -> None:
    """Tutup masa Kepala lama kemarin dan buka masa Kepala baru hari ini (ganti di hari yang sama: timpa).

    Kepala pertama yang dicatat untuk unit tanpa riwayat menjabat "sejak sebelum tercatat" (mulai kosong,
    seperti data awal migrasi): tanggal pelantikannya tidak diketahui portal, dan naskah bertanggal sebelum
    hari ini tetap bernama penanda tangan. Biro dapat mengisi tanggal mulainya di admin.
    """
    if kepala_lama is None and unit.kepala_id and not unit.riwayat_kepala.exists():
        RiwayatKepala.objects.create(penyelenggara=unit, pelaksana_id=unit.kepala_id)
        return
    berjalan = unit.riwayat_kepala.filter(selesai__isnull=True).first()
    if berjalan is None and kepala_lama and not unit.riwayat_kepala.exists():
        # Kepala sebelum riwayat dicatat: masanya "sejak sebelum tercatat" sampai kemarin.
        berjalan = RiwayatKepala.objects.create(penyelenggara=unit, pelaksana_id=kepala_lama)
    if berjalan is not None and berjalan.pelaksana_id == unit.kepala_id:
        return
    if berjalan is not None:
        if berjalan.mulai and berjalan.mulai >= tanggal:
            berjalan.delete()
        else:
            berjalan.selesai = tanggal - timedelta(days=1)
            berjalan.save(update_fields=["selesai"])
    if unit.kepala_id:
        RiwayatKepala.objects.create(penyelenggara=unit, pelaksana_id=unit.kepala_id, mulai=tanggal)


@transaction.atomic
def pelaksana_simpan(*, pelaksana: Pelaksana, oleh, field_diubah=None) -> Pelaksana:
    """Buat atau ubah Pelaksana di unit yang dijangkau ``oleh``."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    if pelaksana.pk:
        # Memindahkan Pelaksana keluar dari unit asal juga harus dalam lingkup: unit lama diperiksa.
        asal = Pelaksana.objects.select_related("penyelenggara").get(pk=pelaksana.pk).penyelenggara
        akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, asal)
    return _simpan_teraudit(
        pelaksana,
        nama="pelaksana",
        oleh=oleh,
        field_diubah=field_diubah,
        unit=lambda o: o.penyelenggara_id,
    )


@transaction.atomic
def jenis_layanan_simpan(*, jenis_layanan: JenisLayanan, oleh, field_diubah=None) -> JenisLayanan:
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_JENIS_LAYANAN, jenis_layanan.penyelenggara)
    return _simpan_teraudit(
        jenis_layanan,
        nama="jenis_layanan",
        oleh=oleh,
        field_diubah=field_diubah,
        unit=lambda o: o.penyelenggara_id,
    )


@transaction.atomic
def norma_simpan(*, norma: Norma | Larangan, oleh, field_diubah=None):
    """Perbaiki teks norma atau larangan (termasuk jalur sanksinya) bila teks resmi Pergub berbeda."""
    akses.wajib(oleh, Kemampuan.KELOLA_NORMA)
    return _simpan_teraudit(norma, nama=type(norma).__name__.lower(), oleh=oleh, field_diubah=field_diubah)


# --- Penempatan Pelaksana ---------------------------------------------------------------------------


def _tgl(tanggal: date) -> str:
    return date_format(tanggal, "j F Y")


def penempatan_ganti(
    *,
    pelaksana: Pelaksana,
    jenis_layanan: JenisLayanan | None,
    tempat: str,
    mulai: date,
    keterangan: str,
    oleh,
) -> Penempatan:
    """Akhiri penempatan yang berjalan pada ``mulai`` dan buka penempatan baru mulai tanggal itu.

    Tanpa pemeriksaan hak: dipanggil ``penempatan_catat`` (hak Kelola Pelaksana) dan oleh penjatuhan sanksi
    pemindahan (hak dari tabel kewenangan), keduanya dalam transaksi pemanggil.
    """
    tempat = (tempat or "").strip()
    if jenis_layanan is None and not tempat:
        raise DomainError("Pilih jenis layanan atau tuliskan tempat layanan baru.")
    if jenis_layanan is not None and jenis_layanan.penyelenggara_id != pelaksana.penyelenggara_id:
        raise DomainError("Jenis layanan itu milik unit lain; pilih tempat layanan pada unit Pelaksana.")
    if mulai is None:
        raise DomainError("Isi tanggal mulai penempatan.")
    berjalan = (
        Penempatan.objects.select_for_update().filter(pelaksana=pelaksana, selesai__isnull=True).first()
    )
    if berjalan is not None:
        if berjalan.mulai > mulai:
            raise DomainError(
                f"Penempatan sekarang ({berjalan.nama_tempat}) baru dimulai {_tgl(berjalan.mulai)}; "
                f"penempatan baru tidak boleh dimulai sebelumnya ({_tgl(mulai)})."
            )
        if berjalan.jenis_layanan_id == getattr(jenis_layanan, "pk", None) and berjalan.tempat == tempat:
            raise DomainError(f"{pelaksana.nama} sudah ditempatkan di {berjalan.nama_tempat}.")
        berjalan.selesai = mulai
        berjalan.save(update_fields=["selesai", "updated_at"])
    baru = Penempatan(
        pelaksana=pelaksana, jenis_layanan=jenis_layanan, tempat=tempat, mulai=mulai,
        keterangan=(keterangan or "").strip()[:300],
    )  # fmt: skip
    baru.full_clean()
    baru.save()
    audit_catat(
        objek=baru,
        aksi="kode_etik.penempatan.dicatat",
        oleh=oleh,
        penyelenggara_id=pelaksana.penyelenggara_id,
        data={
            "pelaksana": pelaksana.nama,
            "tempat": baru.nama_tempat,
            "mulai": mulai.isoformat(),
            "semula": berjalan.nama_tempat if berjalan else "",
            "keterangan": baru.keterangan,
        },
    )
    return baru


@transaction.atomic
def penempatan_catat(
    *,
    pelaksana: Pelaksana,
    jenis_layanan: JenisLayanan | None,
    tempat: str,
    mulai: date,
    keterangan: str,
    oleh,
) -> Penempatan:
    """Catat penempatan Pelaksana di unit yang dijangkau ``oleh``; penempatan sebelumnya berakhir."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_PELAKSANA, pelaksana.penyelenggara)
    if mulai and mulai > timezone.localdate() + timedelta(days=366):
        raise DomainError("Tanggal mulai penempatan terlalu jauh ke depan.")
    return penempatan_ganti(
        pelaksana=pelaksana, jenis_layanan=jenis_layanan, tempat=tempat, mulai=mulai, keterangan=keterangan,
        oleh=oleh,
    )  # fmt: skip
