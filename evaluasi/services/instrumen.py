"""Penulisan data instrumen PEKPPP. Setiap perubahan memeriksa hak akses dan dicatat di jejak audit."""

import copy

from django.db import transaction

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError

from ..models import Aspek, Indikator, InstrumenDasarHukum, InstrumenVersi, KategoriIPP, SlotBukti
from ..skor import IndikatorSkor, muat_instrumen_skor
from ..validasi_instrumen import InstrumenTidakValid, dengan_indikator, periksa_bobot, periksa_instrumen

# Field yang tidak ikut disalin: identitas baris, kode publik, cap waktu, dan FK ke induk lama.
_FIELD_TIDAK_DISALIN = {"id", "code", "created_at", "updated_at", "instrumen", "aspek", "indikator"}


def _perubahan(objek, field_diubah) -> dict:
    return {f: str(getattr(objek, f)) for f in field_diubah or ()}


def _aksi(objek, nama: str) -> str:
    return f"evaluasi.{nama}.{'dibuat' if objek._state.adding else 'diubah'}"


def instrumen_validasi(*, instrumen: InstrumenVersi) -> None:
    """Tolak (InstrumenTidakValid) instrumen tersimpan yang bobot atau kategorinya tidak valid."""
    masalah = periksa_instrumen(muat_instrumen_skor(instrumen))
    if masalah:
        raise InstrumenTidakValid(masalah)


def indikator_validasi(*, indikator: Indikator) -> None:
    """Tolak perubahan ``indikator`` (belum disimpan) yang merusak bobot instrumen aktif.

    Instrumen draf boleh sementara tidak seimbang: bobot indikator diubah satu per satu dan baru diperiksa
    saat instrumen diaktifkan. Pemindahan antar-instrumen memeriksa instrumen asal maupun tujuan.
    """
    tujuan = indikator.aspek.instrumen
    calon = IndikatorSkor(
        nomor=indikator.nomor,
        kode=indikator.kode,
        bobot=indikator.bobot,
        suplemen=indikator.suplemen,
        pk=indikator.pk,
    )
    terdampak = {tujuan.pk: tujuan}
    if indikator.pk:
        asal = Indikator.objects.select_related("aspek__instrumen").get(pk=indikator.pk).aspek.instrumen
        terdampak.setdefault(asal.pk, asal)
    masalah = []
    for instrumen in terdampak.values():
        if instrumen.aktif:
            potret = dengan_indikator(muat_instrumen_skor(instrumen), calon, aspek_pk=indikator.aspek_id)
            masalah += periksa_bobot(potret)
    if masalah:
        raise InstrumenTidakValid(masalah)


@transaction.atomic
def instrumen_simpan(*, instrumen: InstrumenVersi, oleh, field_diubah=None) -> InstrumenVersi:
    """Buat atau ubah kepala instrumen.

    Bobot aspek dan kategori disimpan pemanggil sesudahnya (inline admin), jadi pemeriksaan bobot untuk
    instrumen aktif dilakukan pemanggil atas data formulirnya; di luar admin pakai ``instrumen_aktifkan``.
    """
    akses.wajib(oleh, Kemampuan.ADMIN_SITUS)
    aksi = _aksi(instrumen, "instrumen")
    instrumen.full_clean()
    instrumen.save()
    audit_catat(objek=instrumen, aksi=aksi, oleh=oleh, data=_perubahan(instrumen, field_diubah))
    return instrumen


def instrumen_catat_rincian(*, instrumen: InstrumenVersi, oleh, perubahan: list) -> None:
    """Catat perubahan aspek/kategori yang disimpan bersama halaman instrumen (inline admin)."""
    audit_catat(
        objek=instrumen, aksi="evaluasi.instrumen.rincian_diubah", oleh=oleh, data={"perubahan": perubahan}
    )


def indikator_catat_rincian(*, indikator: Indikator, oleh, perubahan: list) -> None:
    """Catat perubahan slot bukti dukung yang disimpan bersama halaman indikator (inline admin)."""
    audit_catat(
        objek=indikator, aksi="evaluasi.indikator.rincian_diubah", oleh=oleh, data={"perubahan": perubahan}
    )


@transaction.atomic
def instrumen_aktifkan(*, instrumen: InstrumenVersi, oleh) -> InstrumenVersi:
    """Aktifkan instrumen setelah bobot dan kategorinya lolos pemeriksaan."""
    akses.wajib(oleh, Kemampuan.ADMIN_SITUS)
    instrumen_validasi(instrumen=instrumen)
    instrumen.aktif = True
    instrumen.save(update_fields=["aktif", "updated_at"])
    audit_catat(objek=instrumen, aksi="evaluasi.instrumen.diaktifkan", oleh=oleh)
    return instrumen


@transaction.atomic
def indikator_simpan(*, indikator: Indikator, oleh, field_diubah=None) -> Indikator:
    """Buat atau ubah indikator; pada instrumen aktif bobot harus tetap seimbang."""
    akses.wajib(oleh, Kemampuan.ADMIN_SITUS)
    indikator.full_clean()
    indikator_validasi(indikator=indikator)
    aksi = _aksi(indikator, "indikator")
    indikator.save()
    audit_catat(objek=indikator, aksi=aksi, oleh=oleh, data=_perubahan(indikator, field_diubah))
    return indikator


def _nilai_salinan(objek) -> dict:
    return {
        f.attname: copy.deepcopy(getattr(objek, f.attname))
        for f in objek._meta.concrete_fields
        if f.name not in _FIELD_TIDAK_DISALIN
    }


def _nama_tahun(instrumen: InstrumenVersi, tahun: int) -> str:
    lama = str(instrumen.tahun)
    return (
        instrumen.nama.replace(lama, str(tahun)) if lama in instrumen.nama else f"{instrumen.nama} ({tahun})"
    )


def _salin_indikator(indikator: Indikator, aspek: Aspek) -> None:
    baru = Indikator.objects.create(aspek=aspek, **_nilai_salinan(indikator))
    SlotBukti.objects.bulk_create(
        SlotBukti(indikator=baru, **_nilai_salinan(slot)) for slot in indikator.slot_bukti.all()
    )


@transaction.atomic
def instrumen_salin(
    *, instrumen: InstrumenVersi, tahun: int, oleh, nama: str | None = None
) -> InstrumenVersi:
    """Salin instrumen beserta aspek, indikator, slot bukti, dan kategori ke ``tahun`` sebagai draf.

    Salinan tidak aktif: ia baru dipakai menilai setelah ditinjau dan diaktifkan, agar penyalinan tidak
    diam-diam mengganti instrumen yang dipakai ``hitung_ipp`` untuk tahun terbaru.
    """
    akses.wajib(oleh, Kemampuan.ADMIN_SITUS)
    if InstrumenVersi.objects.filter(tahun=tahun, jenis=instrumen.jenis).exists():
        raise DomainError(f"Instrumen jenis {instrumen.jenis} tahun {tahun} sudah ada.")
    baru = InstrumenVersi(**_nilai_salinan(instrumen))
    baru.tahun, baru.nama, baru.aktif = tahun, nama or _nama_tahun(instrumen, tahun), False
    baru.full_clean()
    baru.save()
    for aspek in instrumen.aspek.prefetch_related("indikator__slot_bukti"):
        aspek_baru = Aspek.objects.create(instrumen=baru, **_nilai_salinan(aspek))
        for indikator in aspek.indikator.all():
            _salin_indikator(indikator, aspek_baru)
    KategoriIPP.objects.bulk_create(
        KategoriIPP(instrumen=baru, **_nilai_salinan(k)) for k in instrumen.kategori.all()
    )
    InstrumenDasarHukum.objects.bulk_create(
        InstrumenDasarHukum(instrumen=baru, dasar_hukum_id=d.dasar_hukum_id, urutan=d.urutan)
        for d in instrumen.dasar_hukum_urut.all()
    )
    audit_catat(
        objek=baru,
        aksi="evaluasi.instrumen.disalin",
        oleh=oleh,
        data={"asal": str(instrumen.code), "tahun_asal": instrumen.tahun, "tahun": tahun},
    )
    return baru
