"""Penghargaan Gubernur bagi Penyelenggara: usulan Biro Organisasi dari siklus monev yang sudah final, lalu
Keputusan Gubernur dengan bentuk penghargaannya (piagam, piala/plakat/trofi, pin khusus).

Aturan usulan disimpan sebagai data dan sebagai kalimat (``aturan_teks``) yang tampil di halaman dan PDF,
bersama salinan IPP, kategori, dan peringkat setiap unit saat diusulkan.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from akun import akses, kewenangan
from akun.akses import Kemampuan
from akun.kewenangan import Subjek, Tindakan
from evaluasi.models import Evaluasi, SiklusMonev
from evaluasi.rekap import BarisRekap, lokus_belum_final, rekap_siklus
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.hari_kerja import tanggal_lengkap

from ..ketentuan import BentukPenyelenggara
from ..models import PenerimaPenyelenggara, PenghargaanPenyelenggara
from ..skor import angka

Aturan, Status = PenghargaanPenyelenggara.Aturan, PenghargaanPenyelenggara.Status


def galat_siklus_belum_final(siklus: SiklusMonev) -> str | None:
    proses = lokus_belum_final(siklus)
    if proses:
        return f"{siklus.nama} belum final: {proses} lokus masih dalam proses penilaian."
    if not Evaluasi.objects.filter(siklus=siklus, status=Evaluasi.Status.FINAL).exists():
        return f"{siklus.nama} belum memiliki hasil final."
    return None


def _calon(siklus: SiklusMonev, aturan: str, kategori: str, jumlah_teratas: int | None):
    """Baris rekap yang memenuhi aturan, beserta kalimat aturannya."""
    baris: list[BarisRekap] = [b for b in rekap_siklus(siklus).baris if b.final]
    if aturan == Aturan.KATEGORI:
        kat = siklus.instrumen.kategori.filter(kode=kategori).first()
        if kat is None:
            raise DomainError(f"Kategori {kategori} tidak ada pada instrumen {siklus.nama}.")
        teks = (
            f"Unit berkategori {kat.kode} ({kat.predikat}, "
            f"IPP {angka(kat.batas_bawah)}–{angka(kat.batas_atas)}) "
            f"pada hasil final {siklus.nama}"
        )
        return [b for b in baris if b.kategori == kat.kode], teks
    if not jumlah_teratas or jumlah_teratas < 1:
        raise DomainError("Jumlah peringkat teratas minimal 1.")
    teks = (
        f"Unit peringkat 1 sampai {jumlah_teratas} menurut IPP pada hasil final {siklus.nama}; unit dengan "
        "peringkat sama di batas ikut diusulkan"
    )
    return [b for b in baris if b.peringkat is not None and b.peringkat <= jumlah_teratas], teks


@transaction.atomic
def usulan_buat(
    *,
    siklus: SiklusMonev,
    nama: str,
    aturan: str,
    kategori: str = "",
    jumlah_teratas: int | None = None,
    oleh,
) -> PenghargaanPenyelenggara:
    akses.wajib(oleh, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA)
    galat = galat_siklus_belum_final(siklus)
    if galat:
        raise DomainError(galat)
    nama = (nama or "").strip()
    if not nama:
        raise DomainError("Nama penghargaan wajib diisi.")
    if aturan not in Aturan.values:
        raise DomainError("Aturan usulan tidak dikenal.")
    if PenghargaanPenyelenggara.objects.filter(siklus=siklus, nama=nama).exists():
        raise DomainError(f"Penghargaan “{nama}” untuk {siklus.nama} sudah ada.")
    calon, teks = _calon(siklus, aturan, kategori, jumlah_teratas)
    if not calon:
        raise DomainError(f"Tidak ada unit yang memenuhi aturan: {teks}.")
    penghargaan = PenghargaanPenyelenggara.objects.create(
        siklus=siklus,
        nama=nama,
        aturan=aturan,
        kategori=kategori if aturan == Aturan.KATEGORI else "",
        jumlah_teratas=jumlah_teratas if aturan == Aturan.PERINGKAT else None,
        aturan_teks=f"{teks} ({len(calon)} unit).",
        diusulkan_oleh=oleh,
    )
    PenerimaPenyelenggara.objects.bulk_create(
        PenerimaPenyelenggara(
            penghargaan=penghargaan, penyelenggara_id=b.penyelenggara_id, ipp=b.ipp, kategori=b.kategori,
            predikat=b.predikat, peringkat=b.peringkat, bentuk=[BentukPenyelenggara.PIAGAM],
        )
        for b in calon
    )  # fmt: skip
    audit_catat(objek=penghargaan, aksi="penghargaan.penyelenggara.diusulkan", oleh=oleh,
                data={"aturan": penghargaan.aturan_teks, "jumlah": len(calon)})  # fmt: skip
    return penghargaan


def _kunci(penghargaan: PenghargaanPenyelenggara, oleh) -> PenghargaanPenyelenggara:
    akses.wajib(oleh, Kemampuan.KELOLA_PENGHARGAAN_PENYELENGGARA)
    terkunci = (
        PenghargaanPenyelenggara.objects.select_for_update().select_related("siklus").get(pk=penghargaan.pk)
    )
    if terkunci.status != Status.USULAN:
        raise DomainError("Penghargaan ini sudah ditetapkan dengan Keputusan Gubernur; tidak dapat diubah.")
    return terkunci


@transaction.atomic
def penerima_keluarkan(*, penerima: PenerimaPenyelenggara, alasan: str, oleh) -> PenerimaPenyelenggara:
    """Keluarkan satu unit dari usulan dengan alasan tertulis (tercatat di halaman dan jejak audit)."""
    _kunci(penerima.penghargaan, oleh)
    alasan = (alasan or "").strip()
    if not alasan:
        raise DomainError("Tuliskan alasan unit dikeluarkan dari usulan.")
    penerima.dikeluarkan, penerima.alasan_dikeluarkan = True, alasan[:300]
    penerima.save(update_fields=["dikeluarkan", "alasan_dikeluarkan", "updated_at"])
    audit_catat(objek=penerima, aksi="penghargaan.penyelenggara.dikeluarkan", oleh=oleh,
                data={"alasan": alasan}, penyelenggara_id=penerima.penyelenggara_id)  # fmt: skip
    return penerima


@transaction.atomic
def penerima_kembalikan(*, penerima: PenerimaPenyelenggara, oleh) -> PenerimaPenyelenggara:
    _kunci(penerima.penghargaan, oleh)
    penerima.dikeluarkan, penerima.alasan_dikeluarkan = False, ""
    penerima.save(update_fields=["dikeluarkan", "alasan_dikeluarkan", "updated_at"])
    audit_catat(objek=penerima, aksi="penghargaan.penyelenggara.dikembalikan", oleh=oleh,
                penyelenggara_id=penerima.penyelenggara_id)  # fmt: skip
    return penerima


@transaction.atomic
def penghargaan_tetapkan(
    *,
    penghargaan: PenghargaanPenyelenggara,
    nomor_keputusan: str,
    tanggal_keputusan: date | None,
    bentuk: list[str],
    oleh,
) -> PenghargaanPenyelenggara:
    """Catat Keputusan Gubernur (BAB 5); bentuk penghargaan berlaku bagi setiap unit penerima.

    Pencatatnya dan penanda tangannya dari tabel kewenangan (bawaan: Biro mencatat, Gubernur menandatangani);
    Gubernur yang menjabat pada tanggal keputusan harus tercatat di data pejabat.
    """
    penghargaan = _kunci(penghargaan, oleh)
    aturan = kewenangan.wajib(
        oleh, Tindakan.PENGHARGAAN_PENYELENGGARA, subjek=Subjek.PENYELENGGARA, unit=None
    )
    nomor = (nomor_keputusan or "").strip()
    if not nomor:
        raise DomainError("Nomor Keputusan Gubernur wajib diisi.")
    if tanggal_keputusan is None:
        raise DomainError("Tanggal Keputusan Gubernur wajib diisi.")
    if tanggal_keputusan > timezone.localdate():
        raise DomainError("Tanggal Keputusan Gubernur tidak boleh di masa depan.")
    ttd = kewenangan.penanda_tangan(aturan.penanda_tangan, unit=None, tanggal=tanggal_keputusan)
    if ttd is None or not ttd.tercatat:
        sebutan = kewenangan.sebutan_penanda_tangan(aturan.penanda_tangan, None) or "Penanda tangan"
        raise DomainError(
            f"{sebutan} yang menjabat pada {tanggal_lengkap(tanggal_keputusan)} belum tercatat di data "
            "Pejabat penanda tangan (Admin); catat dahulu agar Keputusan dicetak atas nama yang sah."
        )
    bentuk = list(dict.fromkeys(bentuk or []))
    if not bentuk or set(bentuk) - set(BentukPenyelenggara.values):
        raise DomainError("Pilih bentuk penghargaan: piagam, piala/plakat/trofi, dan/atau pin khusus.")
    penerima = penghargaan.penerima.filter(dikeluarkan=False)
    if not penerima.exists():
        raise DomainError("Tidak ada unit penerima; semua unit dikeluarkan dari usulan.")
    penerima.update(bentuk=bentuk)
    penghargaan.status = Status.DITETAPKAN
    penghargaan.nomor_keputusan, penghargaan.tanggal_keputusan = nomor, tanggal_keputusan
    penghargaan.penandatangan_nama = ttd.nama[:150]
    penghargaan.ditetapkan_oleh, penghargaan.ditetapkan_pada = oleh, timezone.now()
    penghargaan.save()
    audit_catat(objek=penghargaan, aksi="penghargaan.penyelenggara.ditetapkan", oleh=oleh,
                data={"nomor_keputusan": nomor, "tanggal": str(tanggal_keputusan), "bentuk": bentuk,
                      "dari": Status.USULAN, "ke": Status.DITETAPKAN})  # fmt: skip
    return penghargaan
