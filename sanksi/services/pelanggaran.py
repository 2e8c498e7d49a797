"""Kasus pelanggaran Pasal 10: dibuka, lalu berjalan di jalur administratif atau perundang-undangan.

Jalur administratif (BAB 7): pemanggilan → pemeriksaan → berita acara pemeriksaan → penjatuhan sanksi oleh
Kepala Penyelenggara unit Pelaksana itu sendiri, atau ditutup karena tidak terbukti; keberatan dan banding ada
di ``upaya.py``. Jalur perundang-undangan: rujukan ke instansi berwenang, hasilnya, lalu selesai. Kasus
terhadap Kepala Penyelenggara disiapkan Biro Organisasi dan diputus Sekretaris Daerah atau Gubernur (BAB 6
angka 3).

Urutan diputuskan ``sanksi.alur`` (``DomainError``), siapa boleh bertindak oleh tabel kewenangan
(``akun.kewenangan``: ``PermissionDenied``, 403). Setiap langkah mengunci kasusnya dan dicatat di jejak audit
``sanksi.pelanggaran.<langkah>`` dalam transaksi yang sama.
"""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from akun import akses, kewenangan
from akun.kewenangan import Subjek, Tindakan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.hari_kerja import tambah_hari_kerja
from kaltim_yanlik.core.notifikasi import notifikasi_kirim
from kode_etik.services import penempatan_ganti

from .. import alur
from ..models import (
    AturanUpayaAdministratif,
    BeritaAcaraPemeriksaan,
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
    qs = Pelanggaran.objects.select_for_update(of=("self",)).select_related("penyelenggara__induk")
    return qs.get(pk=pelanggaran.pk)


def wajib_langkah(pelanggaran: Pelanggaran, langkah: str, oleh):
    """Kunci kasus, tolak langkah di luar urutan (``DomainError``) atau tanpa kewenangan (403).

    Kembalikan kasus terkunci dan baris tabel kewenangan yang berlaku (penanda tangan naskahnya).
    """
    if not akses.menjangkau_unit(oleh, pelanggaran.penyelenggara):
        # Sama dengan tidak ada: kasus unit lain tidak dibedakan dari kasus yang tidak ada.
        raise DomainError("Kasus tidak ditemukan.")
    pelanggaran = _kunci(pelanggaran)
    alasan = alur.alasan_langkah_tidak_sah(pelanggaran, langkah)
    if alasan:
        raise DomainError(alasan)
    return pelanggaran, alur.wajib_kewenangan(oleh, pelanggaran, langkah)


def _wajib_langkah(pelanggaran: Pelanggaran, langkah: str, oleh) -> Pelanggaran:
    return wajib_langkah(pelanggaran, langkah, oleh)[0]


def wajib_penanda_tangan_tercatat(kode: str, *, unit, tanggal: date) -> None:
    """Keputusan Sekda atau Gubernur hanya dicatat bila pejabatnya tercatat menjabat pada tanggal itu."""
    ttd = kewenangan.penanda_tangan(kode, unit=unit, tanggal=tanggal)
    if (
        ttd is not None
        and not ttd.tercatat
        and kode in (kewenangan.PenandaTangan.SEKDA, kewenangan.PenandaTangan.GUBERNUR)
    ):
        raise DomainError(
            f"{kewenangan.sebutan_penanda_tangan(kode, unit)} yang menjabat pada {_tgl(tanggal)} belum "
            "tercatat di data Pejabat penanda tangan (Admin). Keputusan tidak dicatat tanpa penanda tangan "
            "yang sah; minta Biro Organisasi mencatat pejabatnya."
        )


def aturan_upaya(jenis: str) -> AturanUpayaAdministratif:
    aturan = AturanUpayaAdministratif.objects.filter(jenis=jenis).first()
    if aturan is None:
        raise DomainError(
            f"Aturan upaya administratif {jenis} belum tercatat (Admin → Aturan upaya administratif); "
            "tenggatnya tidak dapat dihitung."
        )
    return aturan


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


def _beri_tahu_pembukaan(pelanggaran: Pelanggaran, oleh) -> None:
    """Yang memutus kasus diberi tahu: Kepala unit itu, atau Sekda/Biro untuk kasus Kepala Penyelenggara."""
    judul = f"Kasus pelanggaran {pelanggaran.larangan} dibuka: {pelanggaran.pelaksana}"
    if pelanggaran.ditangani_biro:
        judul = f"Kasus terhadap Kepala Penyelenggara {pelanggaran.penyelenggara.nama_pendek}"
    penerima = kewenangan.pengguna_berwenang(
        Tindakan.JATUHKAN_SANKSI, subjek=pelanggaran.subjek_kewenangan, unit=pelanggaran.penyelenggara
    )
    if pelanggaran.ditangani_biro:
        # Berkasnya disiapkan Biro (pemanggilan, pemeriksaan, BAP), walau keputusannya milik Sekda.
        penerima = penerima | kewenangan.pengguna_berwenang(
            Tindakan.PEMANGGILAN, subjek=Subjek.KEPALA_PENYELENGGARA, unit=pelanggaran.penyelenggara
        )
    isi = f"{pelanggaran.penyelenggara}: {pelanggaran.uraian[:300]}"
    notifikasi_kirim(
        penerima=penerima.exclude(pk=oleh.pk).distinct(), judul=judul, isi=isi, tautan=_tautan(pelanggaran)
    )


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
    baru. Kasus terhadap Kepala Penyelenggara unit itu sendiri dibuka dan disiapkan Biro Organisasi (tabel
    kewenangan), lalu diputus Sekretaris Daerah atau Gubernur.
    """
    unit = pelaksana.penyelenggara
    if not akses.menjangkau_unit(oleh, unit):
        raise DomainError("Anda tidak berwenang membuka kasus terhadap Pelaksana unit ini.")
    terhadap_kepala = unit.kepala_id == pelaksana.pk
    subjek = Subjek.KEPALA_PENYELENGGARA if terhadap_kepala else Subjek.PELAKSANA
    kewenangan.wajib(oleh, Tindakan.BUKA_KASUS, subjek=subjek, unit=unit)
    _wajib_pengaduan_sah(pelaksana, sumber, pengaduan)
    pelanggaran = Pelanggaran.objects.create(
        pelaksana=pelaksana,
        penyelenggara=unit,
        larangan=larangan,
        jalur=larangan.jalur_sanksi,
        sumber=sumber,
        pengaduan=pengaduan,
        uraian=_wajib_teks(uraian, "Uraikan dugaan pelanggarannya."),
        ditangani_biro=terhadap_kepala,
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
    """Hari terakhir keberatan diterima: ``hari_kerja_ajukan`` hari kerja sesudah tanggal keputusan."""
    aturan = aturan_upaya(AturanUpayaAdministratif.Jenis.KEBERATAN)
    return tambah_hari_kerja(tanggal_keputusan, aturan.hari_kerja_ajukan)


def _pemindahan(pelanggaran, sanksi: Sanksi, *, jenis_layanan_baru, tempat_baru: str, berlaku_mulai, oleh):
    """Pemindahan (BAB 7 huruf c) mengakhiri penempatan berjalan dan membuka yang baru, satu transaksi."""
    berlaku = berlaku_mulai or sanksi.tanggal_keputusan
    if berlaku < sanksi.tanggal_keputusan:
        raise DomainError(
            f"Tanggal berlaku pemindahan ({_tgl(berlaku)}) tidak boleh sebelum tanggal keputusan "
            f"({_tgl(sanksi.tanggal_keputusan)})."
        )
    if jenis_layanan_baru is None and not (tempat_baru or "").strip():
        raise DomainError(
            "Sanksi pemindahan dari tempat layanan publik memerlukan tempat layanan baru: pilih jenis "
            "layanan atau tuliskan tempatnya."
        )
    sanksi.penempatan_baru = penempatan_ganti(
        pelaksana=pelanggaran.pelaksana, jenis_layanan=jenis_layanan_baru, tempat=tempat_baru, mulai=berlaku,
        keterangan=f"Pemindahan berdasarkan Keputusan Nomor {sanksi.nomor_keputusan}", oleh=oleh,
    )  # fmt: skip
    sanksi.berlaku_mulai = berlaku
    sanksi.save(update_fields=["penempatan_baru", "berlaku_mulai", "updated_at"])


@transaction.atomic
def sanksi_jatuhkan(
    *,
    pelanggaran: Pelanggaran,
    jenis: str,
    nomor_keputusan: str,
    tanggal_keputusan: date,
    pertimbangan: str,
    oleh,
    berlaku_mulai: date | None = None,
    jenis_layanan_baru=None,
    tempat_baru: str = "",
) -> Sanksi:
    """Pejabat menurut tabel kewenangan menjatuhkan sanksi atas BAP yang menyatakan terbukti.

    Pelaksana biasa: Kepala Penyelenggara unitnya sendiri (BAB 7). Kepala Penyelenggara: Sekretaris Daerah,
    atau Biro mencatat keputusan Gubernur (BAB 6 angka 3). Penanda tangan keputusan dicatat menurut baris
    yang berlaku; batas keberatan dihitung dalam hari kerja (``AturanUpayaAdministratif``).
    """
    pelanggaran, kewenangan_ = wajib_langkah(pelanggaran, alur.SANKSI, oleh)
    if jenis not in Sanksi.Jenis.values:
        raise DomainError("Pilih jenis sanksi: teguran lisan, teguran tertulis, atau pemindahan.")
    tanggal_bap = pelanggaran.beritaacarapemeriksaan.tanggal
    tanggal_keputusan = _wajib_tanggal(
        tanggal_keputusan, "tanggal keputusan", paling_awal=tanggal_bap, sebutan_awal="tanggal BAP"
    )
    wajib_penanda_tangan_tercatat(
        kewenangan_.penanda_tangan, unit=pelanggaran.penyelenggara, tanggal=tanggal_keputusan
    )
    sanksi = Sanksi.objects.create(
        pelanggaran=pelanggaran,
        jenis=jenis,
        nomor_keputusan=_wajib_teks(nomor_keputusan, "Isi nomor keputusan sanksi."),
        tanggal_keputusan=tanggal_keputusan,
        pertimbangan=_wajib_teks(pertimbangan, "Tuliskan pertimbangan penjatuhan sanksi."),
        batas_keberatan=batas_keberatan(tanggal_keputusan),
        penanda_tangan=kewenangan_.penanda_tangan,
        dicatat_oleh=oleh,
    )
    if jenis == Sanksi.Jenis.PEMINDAHAN:
        _pemindahan(pelanggaran, sanksi, jenis_layanan_baru=jenis_layanan_baru, tempat_baru=tempat_baru,
                    berlaku_mulai=berlaku_mulai, oleh=oleh)  # fmt: skip
    data = {
        **_pindah_tahap(pelanggaran, Tahap.SANKSI, tutup=True),
        "jenis": jenis,
        "nomor_keputusan": sanksi.nomor_keputusan,
        "batas_keberatan": str(sanksi.batas_keberatan),
        "penanda_tangan": sanksi.penanda_tangan,
    }
    if sanksi.penempatan_baru_id:
        data["penempatan_baru"] = sanksi.penempatan_baru.nama_tempat
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
