"""Kasus pelanggaran Pasal 10: dibuka, lalu berjalan di jalur administratif atau perundang-undangan.

Jalur administratif (BAB 7): pemanggilan → pemeriksaan → berita acara pemeriksaan → penjatuhan sanksi oleh
Kepala Penyelenggara, atau ditutup karena tidak terbukti; Pelaksana dapat mengajukan keberatan yang diputus
Biro Organisasi. Jalur perundang-undangan: rujukan ke instansi berwenang, hasilnya, lalu selesai. Kasus
terhadap Kepala Penyelenggara ditangani Biro (BAB 6 ayat 3).

Urutan dan peran diputuskan ``sanksi.alur``; setiap langkah mengunci kasusnya, menolak dengan ``DomainError``,
dan dicatat di jejak audit ``sanksi.pelanggaran.<langkah>`` dalam transaksi yang sama.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from akun import akses
from akun.akses import Kemampuan
from akun.models import Pengguna, Peran
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.notifikasi import notifikasi_kirim

from .. import alur
from ..models import (
    BeritaAcaraPemeriksaan,
    Keberatan,
    Pelanggaran,
    Pemanggilan,
    Pemeriksaan,
    Pengaduan,
    Rujukan,
    Sanksi,
)

Tahap = Pelanggaran.Tahap


# --- Pemeriksaan bersama ---------------------------------------------------------------------------


def _tgl(tanggal: date) -> str:
    return date_format(tanggal, "j F Y")


def _wajib_teks(teks: str, pesan: str) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise DomainError(pesan)
    return teks


def _wajib_tanggal(
    tanggal: date, nama: str, *, paling_awal: date | None = None, sebutan_awal: str = ""
) -> date:
    """Tanggal langkah tidak di masa depan dan tidak mendahului langkah sebelumnya."""
    if tanggal is None:
        raise DomainError(f"Isi {nama}.")
    if tanggal > timezone.localdate():
        raise DomainError(f"{nama.capitalize()} tidak boleh di masa depan ({_tgl(tanggal)}).")
    if paling_awal and tanggal < paling_awal:
        raise DomainError(
            f"{nama.capitalize()} ({_tgl(tanggal)}) tidak boleh sebelum {sebutan_awal} ({_tgl(paling_awal)})."
        )
    return tanggal


def _kunci(pelanggaran: Pelanggaran) -> Pelanggaran:
    # Dua petugas yang mencatat langkah bersamaan: yang kedua menunggu lalu melihat tahap terbaru.
    return Pelanggaran.objects.select_for_update().select_related("penyelenggara").get(pk=pelanggaran.pk)


def _wajib_langkah(pelanggaran: Pelanggaran, langkah: str, oleh) -> Pelanggaran:
    """Kunci kasus lalu tolak bila peran atau urutan tidak sah; kembalikan kasus terkunci."""
    if not akses.menjangkau_unit(oleh, pelanggaran.penyelenggara):
        # Sama dengan tidak ada: kasus unit lain tidak dibedakan dari kasus yang tidak ada.
        raise DomainError("Kasus tidak ditemukan.")
    pelanggaran = _kunci(pelanggaran)
    alasan = alur.alasan_peran_tidak_sah(oleh, pelanggaran, langkah) or alur.alasan_langkah_tidak_sah(
        pelanggaran, langkah
    )
    if alasan:
        raise DomainError(alasan)
    return pelanggaran


def _audit(objek, langkah: str, oleh, pelanggaran: Pelanggaran, data: dict | None = None) -> None:
    audit_catat(
        objek=objek,
        aksi=f"sanksi.pelanggaran.{langkah}",
        oleh=oleh,
        penyelenggara_id=pelanggaran.penyelenggara_id,
        data={"pelanggaran": str(pelanggaran.code), **(data or {})},
    )


def _pindah_tahap(pelanggaran: Pelanggaran, tahap: str, *, tutup: bool = False) -> dict:
    """Simpan tahap baru; kembalikan tahap lama dan baru untuk data jejak audit langkahnya."""
    perubahan = {"tahap_lama": pelanggaran.tahap, "tahap": tahap}
    pelanggaran.tahap = tahap
    kolom = ["tahap", "updated_at"]
    if tutup:
        pelanggaran.ditutup_pada = timezone.now()
        kolom.append("ditutup_pada")
    pelanggaran.save(update_fields=kolom)
    return perubahan


# --- Pemberitahuan ---------------------------------------------------------------------------------


def _tautan(pelanggaran: Pelanggaran) -> str:
    return reverse("sanksi:kasus_detail", args=[pelanggaran.code])


def _pengguna_biro():
    return Pengguna.objects.filter(peran=Peran.BIRO, is_active=True)


def _beri_tahu_pembukaan(pelanggaran: Pelanggaran, oleh) -> None:
    judul = f"Kasus pelanggaran {pelanggaran.larangan} dibuka: {pelanggaran.pelaksana}"
    isi = f"{pelanggaran.penyelenggara}: {pelanggaran.uraian[:300]}"
    if pelanggaran.ditangani_biro:
        # Yang diperiksa adalah Kepala Penyelenggara sendiri: pembinaan oleh Sekda/Gubernur lewat Biro.
        judul = f"Kasus terhadap Kepala Penyelenggara {pelanggaran.penyelenggara.nama_pendek}"
        notifikasi_kirim(
            penerima=_pengguna_biro().exclude(pk=oleh.pk), judul=judul, isi=isi, tautan=_tautan(pelanggaran)
        )
        return
    kepala = Pengguna.objects.filter(
        peran=Peran.KEPALA, penyelenggara=pelanggaran.penyelenggara_id, is_active=True
    ).exclude(pk=oleh.pk)
    notifikasi_kirim(penerima=kepala, judul=judul, isi=isi, tautan=_tautan(pelanggaran))


# --- Membuka kasus ---------------------------------------------------------------------------------


def _wajib_pengaduan_sah(pelaksana, sumber: str, pengaduan: Pengaduan | None) -> None:
    if sumber not in Pelanggaran.Sumber.values:
        raise DomainError("Pilih sumber kasus: pengaduan masyarakat atau temuan atasan langsung.")
    if sumber == Pelanggaran.Sumber.PENGADUAN and pengaduan is None:
        raise DomainError("Kasus dari pengaduan harus menautkan pengaduannya.")
    if sumber == Pelanggaran.Sumber.TEMUAN_ATASAN and pengaduan is not None:
        raise DomainError("Kasus dari temuan atasan tidak menautkan pengaduan; pilih sumber “pengaduan”.")
    if pengaduan is None:
        return
    if pengaduan.penyelenggara_id != pelaksana.penyelenggara_id:
        raise DomainError("Pengaduan itu ditujukan kepada unit lain, bukan unit Pelaksana ini.")
    if pengaduan.status == Pengaduan.Status.DITOLAK:
        raise DomainError(
            f"Pengaduan {pengaduan.kode_lacak} sudah ditolak; kasus tidak dapat dibuka darinya."
        )


@transaction.atomic
def pelanggaran_buka(*, pelaksana, larangan, uraian: str, sumber: str, pengaduan=None, oleh) -> Pelanggaran:
    """Buka kasus terhadap satu Pelaksana atas satu larangan Pasal 10.

    Jalurnya disalin dari data larangan saat ini, sehingga koreksi jalur suatu huruf hanya mengubah kasus
    baru. Kasus terhadap Kepala Penyelenggara unit itu sendiri ditangani Biro Organisasi.
    """
    unit = pelaksana.penyelenggara
    if not akses.boleh_ubah_di_unit(oleh, Kemampuan.SIAPKAN_KASUS, unit):
        raise DomainError("Anda tidak berwenang membuka kasus terhadap Pelaksana unit ini.")
    _wajib_pengaduan_sah(pelaksana, sumber, pengaduan)
    pelanggaran = Pelanggaran.objects.create(
        pelaksana=pelaksana,
        penyelenggara=unit,
        larangan=larangan,
        jalur=larangan.jalur_sanksi,
        sumber=sumber,
        pengaduan=pengaduan,
        uraian=_wajib_teks(uraian, "Uraikan dugaan pelanggarannya."),
        ditangani_biro=unit.kepala_id == pelaksana.pk,
        dibuka_oleh=oleh,
        dibuka_pada=timezone.now(),
    )
    data = {"larangan": larangan.huruf, "jalur": pelanggaran.jalur, "sumber": sumber}
    _audit(pelanggaran, "dibuka", oleh, pelanggaran, {**data, "ditangani_biro": pelanggaran.ditangani_biro})
    _beri_tahu_pembukaan(pelanggaran, oleh)
    return pelanggaran


# --- Jalur administratif ---------------------------------------------------------------------------


@transaction.atomic
def pemanggilan_catat(
    *, pelanggaran: Pelanggaran, nomor_surat: str, tanggal_surat: date, jadwal, tempat: str, oleh
) -> Pemanggilan:
    """Surat panggilan kepada Pelaksana: nomor, tanggal surat, hari/jam dan tempat pemeriksaan."""
    pelanggaran = _wajib_langkah(pelanggaran, alur.PEMANGGILAN, oleh)
    tanggal_surat = _wajib_tanggal(tanggal_surat, "tanggal surat")
    if jadwal is None:
        raise DomainError("Isi hari dan jam pemeriksaan.")
    if timezone.localtime(jadwal).date() < tanggal_surat:
        raise DomainError("Jadwal pemeriksaan tidak boleh sebelum tanggal surat panggilan.")
    langkah = Pemanggilan.objects.create(
        pelanggaran=pelanggaran,
        nomor_surat=_wajib_teks(nomor_surat, "Isi nomor surat panggilan."),
        tanggal_surat=tanggal_surat,
        jadwal=jadwal,
        tempat=_wajib_teks(tempat, "Isi tempat pemeriksaan."),
        dicatat_oleh=oleh,
    )
    tahap = _pindah_tahap(pelanggaran, Tahap.DIPANGGIL)
    _audit(langkah, "dipanggil", oleh, pelanggaran, {**tahap, "nomor_surat": langkah.nomor_surat})
    return langkah


@transaction.atomic
def pemeriksaan_catat(
    *, pelanggaran: Pelanggaran, tanggal: date, pemeriksa: str, ringkasan: str, oleh
) -> Pemeriksaan:
    pelanggaran = _wajib_langkah(pelanggaran, alur.PEMERIKSAAN, oleh)
    surat = pelanggaran.pemanggilan.tanggal_surat
    langkah = Pemeriksaan.objects.create(
        pelanggaran=pelanggaran,
        tanggal=_wajib_tanggal(
            tanggal, "tanggal pemeriksaan", paling_awal=surat, sebutan_awal="tanggal surat panggilan"
        ),
        pemeriksa=_wajib_teks(pemeriksa, "Tuliskan nama pemeriksa."),
        ringkasan=_wajib_teks(ringkasan, "Tuliskan ringkasan pemeriksaan."),
        dicatat_oleh=oleh,
    )
    tahap = _pindah_tahap(pelanggaran, Tahap.DIPERIKSA)
    _audit(langkah, "diperiksa", oleh, pelanggaran, {**tahap, "tanggal": tanggal.isoformat()})
    return langkah


@transaction.atomic
def bap_catat(
    *,
    pelanggaran: Pelanggaran,
    nomor: str,
    tanggal: date,
    keterangan_terperiksa: str,
    temuan: str,
    terbukti: bool,
    oleh,
) -> BeritaAcaraPemeriksaan:
    pelanggaran = _wajib_langkah(pelanggaran, alur.BAP, oleh)
    diperiksa = pelanggaran.pemeriksaan.tanggal
    langkah = BeritaAcaraPemeriksaan.objects.create(
        pelanggaran=pelanggaran,
        nomor=_wajib_teks(nomor, "Isi nomor BAP."),
        tanggal=_wajib_tanggal(
            tanggal, "tanggal BAP", paling_awal=diperiksa, sebutan_awal="tanggal pemeriksaan"
        ),
        keterangan_terperiksa=_wajib_teks(
            keterangan_terperiksa, "Tuliskan keterangan Pelaksana yang diperiksa."
        ),
        temuan=_wajib_teks(temuan, "Tuliskan temuan pemeriksa."),
        terbukti=bool(terbukti),
        dicatat_oleh=oleh,
    )
    tahap = _pindah_tahap(pelanggaran, Tahap.BAP)
    data = {**tahap, "nomor": langkah.nomor, "terbukti": langkah.terbukti}
    _audit(langkah, "bap", oleh, pelanggaran, data)
    return langkah


def batas_keberatan(tanggal_keputusan: date) -> date:
    """Hari terakhir keberatan diterima; jumlah harinya pengaturan ``SANKSI_BATAS_KEBERATAN_HARI``."""
    return tanggal_keputusan + timedelta(days=settings.SANKSI_BATAS_KEBERATAN_HARI)


@transaction.atomic
def sanksi_jatuhkan(
    *,
    pelanggaran: Pelanggaran,
    jenis: str,
    nomor_keputusan: str,
    tanggal_keputusan: date,
    pertimbangan: str,
    oleh,
) -> Sanksi:
    """Kepala Penyelenggara (Biro untuk kasus Kepala) menjatuhkan sanksi atas BAP yang menyatakan terbukti."""
    pelanggaran = _wajib_langkah(pelanggaran, alur.SANKSI, oleh)
    if jenis not in Sanksi.Jenis.values:
        raise DomainError("Pilih jenis sanksi: teguran lisan, teguran tertulis, atau pemindahan.")
    tanggal_bap = pelanggaran.beritaacarapemeriksaan.tanggal
    tanggal_keputusan = _wajib_tanggal(
        tanggal_keputusan, "tanggal keputusan", paling_awal=tanggal_bap, sebutan_awal="tanggal BAP"
    )
    sanksi = Sanksi.objects.create(
        pelanggaran=pelanggaran,
        jenis=jenis,
        nomor_keputusan=_wajib_teks(nomor_keputusan, "Isi nomor keputusan sanksi."),
        tanggal_keputusan=tanggal_keputusan,
        pertimbangan=_wajib_teks(pertimbangan, "Tuliskan pertimbangan penjatuhan sanksi."),
        batas_keberatan=batas_keberatan(tanggal_keputusan),
        dicatat_oleh=oleh,
    )
    data = {
        **_pindah_tahap(pelanggaran, Tahap.SANKSI, tutup=True),
        "jenis": jenis,
        "nomor_keputusan": sanksi.nomor_keputusan,
        "batas_keberatan": str(sanksi.batas_keberatan),
    }
    _audit(sanksi, "sanksi", oleh, pelanggaran, data)
    return sanksi


@transaction.atomic
def pelanggaran_tidak_terbukti(*, pelanggaran: Pelanggaran, alasan: str, oleh) -> Pelanggaran:
    """Tutup kasus yang BAP-nya menyatakan tidak terbukti, dengan alasan yang tercatat."""
    pelanggaran = _wajib_langkah(pelanggaran, alur.TIDAK_TERBUKTI, oleh)
    pelanggaran.alasan_tidak_terbukti = _wajib_teks(alasan, "Tuliskan alasan kasus ditutup tidak terbukti.")
    pelanggaran.save(update_fields=["alasan_tidak_terbukti"])
    tahap = _pindah_tahap(pelanggaran, Tahap.TIDAK_TERBUKTI, tutup=True)
    data = {**tahap, "alasan": pelanggaran.alasan_tidak_terbukti}
    _audit(pelanggaran, "tidak_terbukti", oleh, pelanggaran, data)
    return pelanggaran


# --- Jalur perundang-undangan ----------------------------------------------------------------------


@transaction.atomic
def rujukan_catat(
    *, pelanggaran: Pelanggaran, instansi: str, nama_instansi: str, nomor_surat: str, tanggal: date, oleh
) -> Rujukan:
    """Rujuk kasus ke instansi berwenang; satu kasus boleh dirujuk ke beberapa instansi."""
    pelanggaran = _wajib_langkah(pelanggaran, alur.RUJUKAN, oleh)
    if instansi not in Rujukan.Instansi.values:
        raise DomainError("Pilih instansi tujuan rujukan.")
    rujukan = Rujukan.objects.create(
        pelanggaran=pelanggaran,
        instansi=instansi,
        nama_instansi=_wajib_teks(nama_instansi, "Tuliskan nama instansi tujuan."),
        nomor_surat=_wajib_teks(nomor_surat, "Isi nomor surat rujukan."),
        tanggal=_wajib_tanggal(
            tanggal,
            "tanggal rujukan",
            paling_awal=timezone.localdate(pelanggaran.dibuka_pada),
            sebutan_awal="tanggal kasus dibuka",
        ),
        dicatat_oleh=oleh,
    )
    tahap = _pindah_tahap(pelanggaran, Tahap.DIRUJUK)
    data = {**tahap, "instansi": instansi, "nomor_surat": rujukan.nomor_surat}
    _audit(rujukan, "dirujuk", oleh, pelanggaran, data)
    return rujukan


@transaction.atomic
def rujukan_hasil_catat(*, rujukan: Rujukan, hasil: str, hasil_tanggal: date, oleh) -> Rujukan:
    """Catat hasil dari instansi rujukan begitu diketahui; hasil yang sudah dicatat tidak ditimpa."""
    pelanggaran = _wajib_langkah(rujukan.pelanggaran, alur.RUJUKAN_HASIL, oleh)
    rujukan = Rujukan.objects.select_for_update().get(pk=rujukan.pk)
    if rujukan.hasil:
        raise DomainError(f"Hasil rujukan ke {rujukan.nama_instansi} sudah dicatat.")
    rujukan.hasil = _wajib_teks(hasil, "Tuliskan hasil dari instansi rujukan.")
    rujukan.hasil_tanggal = _wajib_tanggal(
        hasil_tanggal, "tanggal hasil", paling_awal=rujukan.tanggal, sebutan_awal="tanggal rujukan"
    )
    rujukan.save(update_fields=["hasil", "hasil_tanggal", "updated_at"])
    _audit(rujukan, "hasil_rujukan", oleh, pelanggaran, {"instansi": rujukan.instansi})
    return rujukan


@transaction.atomic
def pelanggaran_selesaikan(*, pelanggaran: Pelanggaran, oleh) -> Pelanggaran:
    """Tutup kasus rujukan setelah sekurang-kurangnya satu instansi menyampaikan hasilnya."""
    pelanggaran = _wajib_langkah(pelanggaran, alur.SELESAI, oleh)
    tahap = _pindah_tahap(pelanggaran, Tahap.SELESAI, tutup=True)
    _audit(pelanggaran, "selesai", oleh, pelanggaran, tahap)
    return pelanggaran


# --- Keberatan -------------------------------------------------------------------------------------


def _wajib_dalam_batas(sanksi: Sanksi, tanggal_diterima: date) -> date:
    if tanggal_diterima is None:
        raise DomainError("Isi tanggal keberatan diterima.")
    if tanggal_diterima > timezone.localdate():
        raise DomainError(f"Tanggal keberatan diterima ({_tgl(tanggal_diterima)}) tidak boleh di masa depan.")
    if tanggal_diterima < sanksi.tanggal_keputusan:
        raise DomainError("Tanggal keberatan diterima tidak boleh sebelum tanggal keputusan sanksi.")
    if tanggal_diterima > sanksi.batas_keberatan:
        raise DomainError(
            f"Batas pengajuan keberatan sudah lewat: paling lambat {_tgl(sanksi.batas_keberatan)}, "
            f"keberatan diterima {_tgl(tanggal_diterima)}."
        )
    return tanggal_diterima


@transaction.atomic
def keberatan_catat(*, sanksi: Sanksi, tanggal_diterima: date, alasan: str, oleh) -> Keberatan:
    """Catat keberatan dan pembelaan Pelaksana atas sanksinya, bila diterima dalam batas waktu."""
    pelanggaran = _wajib_langkah(sanksi.pelanggaran, alur.KEBERATAN, oleh)
    keberatan = Keberatan.objects.create(
        sanksi=sanksi,
        tanggal_diterima=_wajib_dalam_batas(sanksi, tanggal_diterima),
        alasan=_wajib_teks(alasan, "Tuliskan alasan dan pembelaan Pelaksana."),
        dicatat_oleh=oleh,
    )
    _audit(keberatan, "keberatan", oleh, pelanggaran, {"tanggal_diterima": tanggal_diterima.isoformat()})
    notifikasi_kirim(
        penerima=_pengguna_biro().exclude(pk=oleh.pk),
        judul=f"Keberatan atas sanksi {pelanggaran.pelaksana} ({pelanggaran.penyelenggara.nama_pendek})",
        isi=f"Keberatan atas keputusan {sanksi.nomor_keputusan} menunggu keputusan Biro Organisasi.",
        tautan=_tautan(pelanggaran),
    )
    return keberatan


@transaction.atomic
def keberatan_putus(*, keberatan: Keberatan, dikabulkan: bool, pertimbangan: str, oleh) -> Keberatan:
    """Biro memutus keberatan. Dikabulkan berarti sanksi dibatalkan; baris sanksinya tetap disimpan."""
    pelanggaran = _wajib_langkah(keberatan.sanksi.pelanggaran, alur.KEBERATAN_PUTUS, oleh)
    keberatan = Keberatan.objects.select_for_update().get(pk=keberatan.pk)
    keberatan.keputusan = Keberatan.Keputusan.DIKABULKAN if dikabulkan else Keberatan.Keputusan.DITOLAK
    keberatan.pertimbangan_keputusan = _wajib_teks(pertimbangan, "Tuliskan pertimbangan keputusan keberatan.")
    keberatan.diputus_oleh, keberatan.diputus_pada = oleh, timezone.now()
    keberatan.save(
        update_fields=["keputusan", "pertimbangan_keputusan", "diputus_oleh", "diputus_pada", "updated_at"]
    )
    _audit(keberatan, "keberatan_diputus", oleh, pelanggaran, {"keputusan": keberatan.keputusan})
    notifikasi_kirim(
        penerima=Pengguna.objects.filter(penyelenggara=pelanggaran.penyelenggara_id, is_active=True),
        judul=f"Keberatan {pelanggaran.pelaksana} {keberatan.get_keputusan_display().lower()}",
        isi=keberatan.pertimbangan_keputusan,
        tautan=_tautan(pelanggaran),
    )
    return keberatan
