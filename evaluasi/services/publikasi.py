"""Publikasi hasil siklus monev oleh Biro Organisasi: setelah dipublikasikan, peringkat, kategori, dan
ringkasan per unit siklus itu tampil di halaman publik (tanpa login); penarikan menyembunyikannya lagi.

Yang dipublikasikan hanya hasil (IPP, kategori, peringkat, nilai per aspek); halaman publik tidak pernah
memuat catatan evaluator, isian F-01, bukti dukung, atau sanggahan.

Publikasi pertama membuat ``PublikasiSiklus`` versi 1 berisi potret hasil (``evaluasi/potret.py``); sejak itu
siklus final (``evaluasi/final.py``). Halaman publik membaca potret versi terakhir; koreksi menambah versi.
Penarikan hanya menyembunyikan siklus dari publik; publikasi ulang menampilkan versi terakhir yang sama.
"""

from django.apps import apps as registri_app
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError

from ..final import siklus_final
from ..grafik import grafik_antrekan
from ..jendela import hari_ini
from ..models import Evaluasi, PublikasiSiklus, SiklusMonev
from ..potret import susun_potret
from ..rekap import lokus_belum_final
from .hasil import siklus_hitung_ulang

Status = Evaluasi.Status


def _kunci(siklus: SiklusMonev) -> SiklusMonev:
    return SiklusMonev.objects.select_for_update().get(pk=siklus.pk)


def alasan_belum_dapat_dipublikasikan(siklus: SiklusMonev) -> str | None:
    """Pesan penolakan publikasi, atau ``None`` bila siklus siap dipublikasikan.

    Dipakai service dan kartu Publikasi di halaman siklus, agar tombol dan aturan tidak berselisih.
    """
    if siklus.dipublikasikan:
        waktu = date_format(timezone.localtime(siklus.dipublikasikan_pada), "j F Y H.i")
        return f"{siklus.nama} sudah dipublikasikan sejak {waktu} WITA."
    proses = lokus_belum_final(siklus)
    if proses:
        return (
            f"{proses} lokus masih dalam proses (diajukan, dinilai, atau dikembalikan). Selesaikan dan "
            "finalkan penilaiannya sebelum hasil dipublikasikan."
        )
    draf = siklus.evaluasi.filter(status=Status.DRAF).count()
    # Selama jendela pengisian terbuka, lokus draf masih boleh mengajukan: hasil yang terbit bisa berubah.
    if draf and hari_ini() <= siklus.pengisian_selesai:
        selesai = date_format(siklus.pengisian_selesai, "j F Y")
        return (
            f"{draf} lokus belum mengajukan penilaian mandiri dan jendela pengisian masih terbuka sampai "
            f"{selesai}. Publikasikan setelah jendela pengisian ditutup."
        )
    if not siklus.evaluasi.filter(status=Status.FINAL).exists():
        return "Belum ada evaluasi final pada siklus ini; tidak ada hasil yang dapat dipublikasikan."
    return None


@transaction.atomic
def siklus_publikasikan(*, siklus: SiklusMonev, oleh) -> SiklusMonev:
    """Terbitkan hasil siklus yang sudah final ke halaman publik.

    Lokus yang masih draf (jendela pengisiannya sudah lewat) tampil sebagai "tidak mengajukan penilaian
    mandiri", tanpa nilai. Peringkat dihitung ulang di transaksi ini: yang terbit tidak bergantung pada
    antrean hitung ulang di latar yang mungkin belum berjalan.
    """
    akses.wajib(oleh, Kemampuan.PUBLIKASIKAN_HASIL)
    siklus = _kunci(siklus)
    alasan = alasan_belum_dapat_dipublikasikan(siklus)
    if alasan:
        raise DomainError(alasan)
    sudah_final = siklus_final(siklus)
    if not sudah_final:
        siklus_hitung_ulang(siklus=siklus)
    grafik_antrekan(siklus_id=siklus.pk)
    siklus.dipublikasikan_pada, siklus.dipublikasikan_oleh = timezone.now(), oleh
    siklus.save(update_fields=["dipublikasikan_pada", "dipublikasikan_oleh", "updated_at"])
    jumlah = siklus.evaluasi.aggregate(
        final=Count("pk", filter=Q(status=Status.FINAL)),
        tidak_mengajukan=Count("pk", filter=Q(status=Status.DRAF)),
    )
    # Publikasi ulang setelah ditarik: versi terakhir yang sama tampil lagi (angkanya tidak dapat berubah).
    versi = versi_terakhir(siklus) if sudah_final else publikasi_versi_terbitkan(siklus=siklus, oleh=oleh)
    data = {"tahun": siklus.tahun, "versi": versi.nomor, "ulang": sudah_final, **jumlah}
    audit_catat(objek=siklus, aksi="evaluasi.siklus.dipublikasikan", oleh=oleh, data=data)
    return siklus


def versi_terakhir(siklus: SiklusMonev) -> PublikasiSiklus | None:
    return PublikasiSiklus.objects.filter(siklus=siklus).order_by("-nomor").first()


def publikasi_versi_terbitkan(
    *, siklus: SiklusMonev, oleh, alasan: str = "", rujukan: str = "", koreksi=None
) -> PublikasiSiklus:
    """Potret hasil siklus saat ini sebagai versi berikutnya (1 bila belum ada). Pemanggil mengunci siklus."""
    sebelumnya = versi_terakhir(siklus)
    versi = PublikasiSiklus.objects.create(
        siklus=siklus,
        nomor=(sebelumnya.nomor + 1) if sebelumnya else 1,
        diterbitkan_pada=timezone.now(),
        alasan=alasan,
        rujukan=rujukan,
        koreksi=koreksi,
        oleh=oleh,
        potret=susun_potret(registri_app, siklus.pk),
    )
    data = {"tahun": siklus.tahun, "versi": versi.nomor, "alasan": alasan, "rujukan": rujukan}
    audit_catat(objek=versi, aksi="evaluasi.publikasi.versi_diterbitkan", oleh=oleh, data=data)
    return versi


@transaction.atomic
def siklus_tarik_publikasi(*, siklus: SiklusMonev, alasan: str, oleh) -> SiklusMonev:
    """Tarik publikasi: halaman publik siklus ini kembali 404.

    Siklus tetap final (versi publikasinya tetap ada); kekeliruan angka diperbaiki lewat koreksi, bukan dengan
    membuka siklus kembali.
    """
    akses.wajib(oleh, Kemampuan.PUBLIKASIKAN_HASIL)
    siklus = _kunci(siklus)
    if not siklus.dipublikasikan:
        raise DomainError(f"{siklus.nama} belum dipublikasikan; tidak ada yang ditarik.")
    alasan = (alasan or "").strip()
    if not alasan:
        raise DomainError("Tuliskan alasan penarikan publikasi; alasan dicatat di jejak audit.")
    semula = {
        "dipublikasikan_pada": siklus.dipublikasikan_pada.isoformat(),
        "dipublikasikan_oleh": siklus.dipublikasikan_oleh_id,
    }
    siklus.dipublikasikan_pada, siklus.dipublikasikan_oleh = None, None
    siklus.save(update_fields=["dipublikasikan_pada", "dipublikasikan_oleh", "updated_at"])
    audit_catat(
        objek=siklus,
        aksi="evaluasi.siklus.publikasi_ditarik",
        oleh=oleh,
        data={"tahun": siklus.tahun, "alasan": alasan, **semula},
    )
    return siklus
