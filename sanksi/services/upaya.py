"""Upaya administratif Pelaksana atas sanksinya: keberatan dan banding, tenggatnya, dan pengingatnya.

Pergub 8/2025 BAB 7: "Pelaksana dapat mengajukan keberatan dan pembelaan sesuai dengan ketentuan peraturan
perundang-undangan". Tenggat dan dasar hukumnya data (``AturanUpayaAdministratif``; bawaan UU 30/2014 Pasal
77–78, belum dikonfirmasi Biro Hukum), dihitung dalam hari kerja (``core.hari_kerja``). Siapa yang memutus dan
menandatangani dibaca dari tabel kewenangan: keberatan kepada pejabat penerbit keputusan, banding kepada
atasannya (Kepala PD induk untuk Kepala UPTD, Sekda untuk Kepala PD/UOBK, Gubernur untuk Sekda).
"""

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from akun import kewenangan
from akun.kewenangan import Tindakan
from akun.models import Pengguna, Peran
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.hari_kerja import hari_kerja_antara, tambah_hari_kerja, tanggal_lengkap
from kaltim_yanlik.core.notifikasi import notifikasi_kirim
from kode_etik.models import Penempatan
from kode_etik.services import penempatan_ganti

from .. import alur
from ..models import AturanUpayaAdministratif, Banding, Keberatan, Sanksi
from .pelanggaran import (
    _audit,
    _tautan,
    _wajib_teks,
    aturan_upaya,
    wajib_langkah,
    wajib_penanda_tangan_tercatat,
)

Jenis = AturanUpayaAdministratif.Jenis
HARI_PENGINGAT = (3, 1)


def _wajib_diterima_tepat_waktu(
    tanggal_diterima: date, *, awal: date, batas: date, nama: str, aturan, sebutan_awal: str
) -> date:
    """Tanggal diterima tidak di masa depan, tidak sebelum keputusan, dan tidak lewat batas hari kerja."""
    if tanggal_diterima is None:
        raise DomainError(f"Isi tanggal {nama} diterima.")
    if tanggal_diterima > timezone.localdate():
        raise DomainError(
            f"Tanggal {nama} diterima ({tanggal_lengkap(tanggal_diterima)}) tidak boleh di masa depan."
        )
    if tanggal_diterima < awal:
        raise DomainError(f"Tanggal {nama} diterima tidak boleh sebelum tanggal {sebutan_awal}.")
    if tanggal_diterima > batas:
        ke = hari_kerja_antara(awal, tanggal_diterima)
        raise DomainError(
            f"Batas pengajuan {nama} sudah lewat: paling lambat {tanggal_lengkap(batas)} "
            f"({aturan.hari_kerja_ajukan} hari kerja sejak {sebutan_awal} {tanggal_lengkap(awal)}, "
            f"{aturan.dasar_hukum}); {nama} diterima {tanggal_lengkap(tanggal_diterima)}, hari kerja ke-{ke}."
        )
    return tanggal_diterima


def _wajib_tanggal_putusan(tanggal: date | None, diterima: date, nama: str) -> date:
    tanggal = tanggal or timezone.localdate()
    if tanggal > timezone.localdate():
        raise DomainError(f"Tanggal keputusan {nama} tidak boleh di masa depan.")
    if tanggal < diterima:
        raise DomainError(f"Tanggal keputusan {nama} tidak boleh sebelum {nama} diterima.")
    return tanggal


def _beri_tahu_pemutus(pelanggaran, tindakan: str, judul: str, isi: str, oleh) -> None:
    penerima = kewenangan.pengguna_berwenang(
        tindakan,
        subjek=pelanggaran.subjek_kewenangan,
        unit=pelanggaran.penyelenggara,
        penerbit=alur.penerbit(pelanggaran),
    )
    notifikasi_kirim(penerima=penerima.exclude(pk=oleh.pk), judul=judul, isi=isi, tautan=_tautan(pelanggaran))


def _beri_tahu_unit(pelanggaran, judul: str, isi: str) -> None:
    """Unit kasus diberi tahu; kasus Kepala Penyelenggara: Kepala itu sendiri dan Biro yang menyiapkannya."""
    penerima = Pengguna.objects.filter(penyelenggara=pelanggaran.penyelenggara_id, is_active=True)
    if pelanggaran.ditangani_biro:
        penerima = Pengguna.objects.filter(is_active=True).filter(
            Q(peran=Peran.BIRO) | Q(peran=Peran.KEPALA, penyelenggara=pelanggaran.penyelenggara_id)
        )
    notifikasi_kirim(penerima=penerima, judul=judul, isi=isi, tautan=_tautan(pelanggaran))


def _pulihkan_penempatan(sanksi: Sanksi, tanggal: date, oleh) -> None:
    """Pemindahan yang dibatalkan (keberatan/banding dikabulkan): Pelaksana kembali ke tempat semula.

    Hanya bila penempatan hasil pemindahan itu masih berjalan; perpindahan sesudahnya tidak disentuh.
    """
    baru = sanksi.penempatan_baru
    if baru is None or baru.selesai is not None:
        return
    semula = (
        Penempatan.objects.filter(pelaksana_id=baru.pelaksana_id, selesai=sanksi.berlaku_mulai)
        .exclude(pk=baru.pk)
        .first()
    )
    if semula is None:
        return
    penempatan_ganti(
        pelaksana=baru.pelaksana, jenis_layanan=semula.jenis_layanan, tempat=semula.tempat,
        mulai=max(tanggal, baru.mulai), oleh=oleh,
        keterangan=f"Kembali ke tempat semula: pemindahan (Keputusan {sanksi.nomor_keputusan}) dibatalkan",
    )  # fmt: skip


def _putus(upaya, *, dikabulkan: bool, pertimbangan: str, tanggal: date, penanda_tangan: str, oleh):
    upaya.keputusan = upaya.Keputusan.DIKABULKAN if dikabulkan else upaya.Keputusan.DITOLAK
    upaya.pertimbangan_keputusan = _wajib_teks(pertimbangan, "Tuliskan pertimbangan keputusan.")
    upaya.tanggal_putusan, upaya.penanda_tangan = tanggal, penanda_tangan
    upaya.diputus_oleh, upaya.diputus_pada = oleh, timezone.now()
    kolom = ["keputusan", "pertimbangan_keputusan", "tanggal_putusan", "penanda_tangan", "diputus_oleh"]
    upaya.save(update_fields=[*kolom, "diputus_pada", "updated_at"])


# --- Keberatan ------------------------------------------------------------------------------------------


@transaction.atomic
def keberatan_catat(*, sanksi: Sanksi, tanggal_diterima: date, alasan: str, oleh) -> Keberatan:
    """Catat keberatan dan pembelaan Pelaksana, bila diterima paling lambat batas hari kerjanya."""
    pelanggaran, _ = wajib_langkah(sanksi.pelanggaran, alur.KEBERATAN, oleh)
    aturan = aturan_upaya(Jenis.KEBERATAN)
    diterima = _wajib_diterima_tepat_waktu(
        tanggal_diterima, awal=sanksi.tanggal_keputusan, batas=sanksi.batas_keberatan, nama="keberatan",
        aturan=aturan, sebutan_awal="keputusan sanksi",
    )  # fmt: skip
    keberatan = Keberatan.objects.create(
        sanksi=sanksi,
        tanggal_diterima=diterima,
        alasan=_wajib_teks(alasan, "Tuliskan alasan dan pembelaan Pelaksana."),
        batas_putus=tambah_hari_kerja(diterima, aturan.hari_kerja_putus),
        dicatat_oleh=oleh,
    )
    data = {"tanggal_diterima": diterima.isoformat(), "batas_putus": keberatan.batas_putus.isoformat()}
    _audit(keberatan, "keberatan", oleh, pelanggaran, data)
    _beri_tahu_pemutus(
        pelanggaran,
        Tindakan.PUTUS_KEBERATAN,
        f"Keberatan atas sanksi {pelanggaran.pelaksana} ({pelanggaran.penyelenggara.nama_pendek})",
        f"Keberatan atas keputusan {sanksi.nomor_keputusan} menunggu keputusan paling lambat "
        f"{tanggal_lengkap(keberatan.batas_putus)}.",
        oleh,
    )
    return keberatan


@transaction.atomic
def keberatan_putus(
    *, keberatan: Keberatan, dikabulkan: bool, pertimbangan: str, oleh, tanggal_putusan: date | None = None
) -> Keberatan:
    """Pejabat penerbit keputusan memutus keberatan. Dikabulkan: sanksi dibatalkan (barisnya tetap)."""
    pelanggaran, aturan_kw = wajib_langkah(keberatan.sanksi.pelanggaran, alur.KEBERATAN_PUTUS, oleh)
    keberatan = Keberatan.objects.select_for_update().get(pk=keberatan.pk)
    tanggal = _wajib_tanggal_putusan(tanggal_putusan, keberatan.tanggal_diterima, "keberatan")
    wajib_penanda_tangan_tercatat(aturan_kw.penanda_tangan, unit=pelanggaran.penyelenggara, tanggal=tanggal)
    _putus(keberatan, dikabulkan=dikabulkan, pertimbangan=pertimbangan, tanggal=tanggal,
           penanda_tangan=aturan_kw.penanda_tangan, oleh=oleh)  # fmt: skip
    if dikabulkan:
        _pulihkan_penempatan(keberatan.sanksi, tanggal, oleh)
    isi = keberatan.pertimbangan_keputusan
    if not dikabulkan:
        banding = aturan_upaya(Jenis.BANDING)
        keberatan.batas_banding = tambah_hari_kerja(tanggal, banding.hari_kerja_ajukan)
        keberatan.save(update_fields=["batas_banding"])
        isi += f"\n\nBanding dapat diajukan paling lambat {tanggal_lengkap(keberatan.batas_banding)}."
    data = {"keputusan": keberatan.keputusan, "tanggal_putusan": tanggal.isoformat()}
    data["tepat_waktu"] = keberatan.batas_putus is None or tanggal <= keberatan.batas_putus
    _audit(keberatan, "keberatan_diputus", oleh, pelanggaran, data)
    judul = f"Keberatan {pelanggaran.pelaksana} {keberatan.get_keputusan_display().lower()}"
    _beri_tahu_unit(pelanggaran, judul, isi)
    return keberatan


# --- Banding --------------------------------------------------------------------------------------------


@transaction.atomic
def banding_catat(*, keberatan: Keberatan, tanggal_diterima: date, alasan: str, oleh) -> Banding:
    """Catat banding atas keputusan keberatan yang menolak, bila diterima dalam batas hari kerjanya."""
    pelanggaran, _ = wajib_langkah(keberatan.sanksi.pelanggaran, alur.BANDING, oleh)
    aturan = aturan_upaya(Jenis.BANDING)
    keberatan = Keberatan.objects.get(pk=keberatan.pk)
    batas = keberatan.batas_banding or tambah_hari_kerja(keberatan.tanggal_putusan, aturan.hari_kerja_ajukan)
    diterima = _wajib_diterima_tepat_waktu(
        tanggal_diterima, awal=keberatan.tanggal_putusan, batas=batas, nama="banding", aturan=aturan,
        sebutan_awal="keputusan keberatan",
    )  # fmt: skip
    banding = Banding.objects.create(
        keberatan=keberatan,
        tanggal_diterima=diterima,
        alasan=_wajib_teks(alasan, "Tuliskan alasan banding."),
        batas_putus=tambah_hari_kerja(diterima, aturan.hari_kerja_putus),
        dicatat_oleh=oleh,
    )
    data = {"tanggal_diterima": diterima.isoformat(), "batas_putus": banding.batas_putus.isoformat()}
    _audit(banding, "banding", oleh, pelanggaran, data)
    _beri_tahu_pemutus(
        pelanggaran,
        Tindakan.PUTUS_BANDING,
        f"Banding atas sanksi {pelanggaran.pelaksana} ({pelanggaran.penyelenggara.nama_pendek})",
        f"Banding atas keputusan {keberatan.sanksi.nomor_keputusan} menunggu keputusan paling lambat "
        f"{tanggal_lengkap(banding.batas_putus)}.",
        oleh,
    )
    return banding


@transaction.atomic
def banding_putus(
    *, banding: Banding, dikabulkan: bool, pertimbangan: str, oleh, tanggal_putusan: date | None = None
) -> Banding:
    """Atasan pejabat penerbit memutus banding. Dikabulkan: sanksi dibatalkan (barisnya tetap disimpan)."""
    pelanggaran, aturan_kw = wajib_langkah(banding.keberatan.sanksi.pelanggaran, alur.BANDING_PUTUS, oleh)
    banding = Banding.objects.select_for_update().get(pk=banding.pk)
    tanggal = _wajib_tanggal_putusan(tanggal_putusan, banding.tanggal_diterima, "banding")
    wajib_penanda_tangan_tercatat(aturan_kw.penanda_tangan, unit=pelanggaran.penyelenggara, tanggal=tanggal)
    _putus(banding, dikabulkan=dikabulkan, pertimbangan=pertimbangan, tanggal=tanggal,
           penanda_tangan=aturan_kw.penanda_tangan, oleh=oleh)  # fmt: skip
    if dikabulkan:
        _pulihkan_penempatan(banding.keberatan.sanksi, tanggal, oleh)
    data = {"keputusan": banding.keputusan, "tanggal_putusan": tanggal.isoformat()}
    data["tepat_waktu"] = banding.batas_putus is None or tanggal <= banding.batas_putus
    _audit(banding, "banding_diputus", oleh, pelanggaran, data)
    judul = f"Banding {pelanggaran.pelaksana} {banding.get_keputusan_display().lower()}"
    _beri_tahu_unit(pelanggaran, judul, banding.pertimbangan_keputusan)
    return banding


# --- Pengingat tenggat keputusan ------------------------------------------------------------------------


def _pengingat_satu(upaya, pelanggaran, nama: str, tindakan: str, tanggal: date, biro) -> int:
    kode = f"upaya:{nama}:{upaya.code}"
    judul_kasus = f"{pelanggaran.pelaksana} ({pelanggaran.penyelenggara.nama_pendek})"
    if upaya.batas_putus < tanggal:
        # Lewat batas: Biro Organisasi diberi tahu sekali (pengawasan tenggat), pemutus juga.
        penerima = list(biro) + list(_pemutus(pelanggaran, tindakan))
        return notifikasi_kirim(
            penerima={p.pk: p for p in penerima}.values(),
            judul=f"Keputusan {nama} lewat batas: {judul_kasus}",
            isi=f"Batas keputusan {nama} {tanggal_lengkap(upaya.batas_putus)} sudah lewat dan belum diputus.",
            tautan=_tautan(pelanggaran),
            kunci=f"{kode}:lewat",
        )
    sisa = (upaya.batas_putus - tanggal).days
    if sisa not in HARI_PENGINGAT:
        return 0
    return notifikasi_kirim(
        penerima=_pemutus(pelanggaran, tindakan),
        judul=f"Keputusan {nama} {judul_kasus}: {sisa} hari lagi",
        isi=f"{nama.capitalize()} diputus paling lambat {tanggal_lengkap(upaya.batas_putus)}.",
        tautan=_tautan(pelanggaran),
        kunci=f"{kode}:H-{sisa}",
    )


def _pemutus(pelanggaran, tindakan: str):
    return kewenangan.pengguna_berwenang(
        tindakan,
        subjek=pelanggaran.subjek_kewenangan,
        unit=pelanggaran.penyelenggara,
        penerbit=alur.penerbit(pelanggaran),
    )


def upaya_pengingat_kirim(*, tanggal: date) -> int:
    """Pengingat H-3 dan H-1 batas keputusan keberatan/banding ke pemutusnya; lewat batas ke Biro (sekali).

    Aman dijalankan ulang: setiap pemberitahuan berkunci per upaya dan hari (``Notifikasi.kunci``).
    """
    batas_atas = tanggal + timedelta(days=max(HARI_PENGINGAT))
    biro = list(Pengguna.objects.filter(peran=Peran.BIRO, is_active=True))
    relasi = ["penyelenggara__induk", "pelaksana", "sanksi"]
    terkirim = 0
    for model, nama, tindakan, jalur in (
        (Keberatan, "keberatan", Tindakan.PUTUS_KEBERATAN, "sanksi__pelanggaran"),
        (Banding, "banding", Tindakan.PUTUS_BANDING, "keberatan__sanksi__pelanggaran"),
    ):
        menunggu = model.objects.filter(
            keputusan=model.Keputusan.MENUNGGU, batas_putus__isnull=False, batas_putus__lte=batas_atas
        ).select_related(*(f"{jalur}__{r}" for r in relasi))
        for upaya in menunggu:
            terkirim += _pengingat_satu(upaya, _kasus(upaya), nama, tindakan, tanggal, biro)
    return terkirim


def _kasus(upaya):
    return upaya.sanksi.pelanggaran if isinstance(upaya, Keberatan) else upaya.keberatan.sanksi.pelanggaran
