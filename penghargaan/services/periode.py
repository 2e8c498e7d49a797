"""Penghargaan Pelaksana oleh Kepala Penyelenggara: periode, kriteria, tim penilai, nominasi, lembar nilai,
dan penetapan penerima dengan Keputusan Kepala Penyelenggara.

Alur: **persiapan** (kriteria, tim, nominasi dapat diubah) → **penilaian** (susunan terkunci; setiap
anggota tim menilai setiap nominasi) → **ditetapkan** (penerima, bentuk, nomor keputusan; tidak berubah lagi).
Yang menjalankannya ditentukan tabel kewenangan (``penghargaan_pelaksana``; bawaan: Kepala Penyelenggara unit
itu sendiri, BAB 5); setiap langkah mengunci periodenya, menolak dengan ``DomainError`` dan dicatat di jejak
audit dalam transaksi yang sama.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from akun import kewenangan
from kaltim_yanlik.core.exceptions import DomainError
from kode_etik.models import Pelaksana

from ..ketentuan import (
    KRITERIA_PERGUB,
    NILAI_MAKSIMUM,
    NILAI_MINIMUM,
    SUSUNAN_TIM,
    TOTAL_BOBOT,
    BentukPelaksana,
    JenisPeriode,
    MetodePenilaian,
    PeranTim,
)
from ..models import (
    AnggotaTimPenilai,
    KriteriaPenghargaan,
    NilaiPenghargaan,
    Nominasi,
    PenerimaPenghargaan,
    PeriodePenghargaan,
)
from ..periode import akhir_periode, galat_rentang
from ..selectors import penilaian_periode
from ..skor import persen
from .berjenjang import nominasi_wajib_berjenjang, rantai_siapkan
from .langkah import boleh_kelola, catat, kunci, wajib_kelola

__all__ = ["boleh_kelola", "wajib_kelola"]  # dipakai view lewat modul ini

Status = PeriodePenghargaan.Status


# --- Periode dan kriteria -------------------------------------------------------------------------------


@transaction.atomic
def periode_buat(
    *,
    penyelenggara,
    jenis: str,
    mulai: date,
    selesai: date | None = None,
    nama_penghargaan: str,
    oleh,
    metode: str = MetodePenilaian.TIM,
) -> PeriodePenghargaan:
    """Periode baru dengan enam kriteria Pergub dan bobot bawaannya (dapat diubah selama persiapan).

    ``metode``: tim penilai atau berjenjang (BAB 5); dipilih saat periode dibuka.
    """
    wajib_kelola(oleh, penyelenggara)
    if jenis not in JenisPeriode.values:
        raise DomainError("Jenis periode tidak dikenal.")
    if metode not in MetodePenilaian.values:
        raise DomainError("Pilih metode penilaian: tim penilai atau berjenjang.")
    galat = galat_rentang(jenis, mulai, selesai)
    if galat:
        raise DomainError(galat)
    if jenis != JenisPeriode.INSIDENTIL:
        selesai = akhir_periode(jenis, mulai)
    nama = (nama_penghargaan or "").strip()
    if not nama:
        raise DomainError("Nama penghargaan wajib diisi.")
    if PeriodePenghargaan.objects.filter(
        penyelenggara=penyelenggara, nama_penghargaan=nama, jenis=jenis, mulai=mulai
    ).exists():
        raise DomainError("Periode penghargaan dengan nama, jenis, dan tanggal mulai yang sama sudah ada.")
    periode = PeriodePenghargaan.objects.create(
        penyelenggara=penyelenggara, nama_penghargaan=nama, jenis=jenis, mulai=mulai, selesai=selesai,
        metode=metode, dibuat_oleh=oleh,
    )  # fmt: skip
    KriteriaPenghargaan.objects.bulk_create(
        KriteriaPenghargaan(
            periode=periode, kode=k.kode, nama=k.nama, bobot=k.bobot_bawaan, dari_data=k.dari_data, urutan=i
        )
        for i, k in enumerate(KRITERIA_PERGUB, start=1)
    )
    catat(periode, "periode.dibuat", oleh, periode, jenis=jenis, metode=metode, mulai=str(mulai),
          selesai=str(selesai))  # fmt: skip
    return periode


def _bobot_sah(nilai, nama: str) -> Decimal:
    try:
        bobot = Decimal(str(nilai)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError) as e:
        raise DomainError(f"Bobot {nama} harus berupa angka.") from e
    if not (Decimal(0) < bobot <= TOTAL_BOBOT):
        raise DomainError(f"Bobot {nama} harus lebih dari 0 dan paling besar 100.")
    return bobot


@transaction.atomic
def kriteria_atur_bobot(*, periode: PeriodePenghargaan, bobot: dict[int, Decimal], oleh) -> None:
    """Ubah bobot kriteria; jumlah 100 diwajibkan saat penilaian dimulai, agar kriteria dapat ditambah."""
    periode = kunci(periode, oleh, Status.PERSIAPAN)
    daftar = {k.pk: k for k in periode.kriteria.all()}
    if set(bobot) - set(daftar):
        raise DomainError("Kriteria tidak dikenal pada periode ini.")
    berubah = {}
    for pk, nilai in bobot.items():
        kriteria = daftar[pk]
        baru = _bobot_sah(nilai, kriteria.nama)
        if baru != kriteria.bobot:
            berubah[kriteria.nama] = [str(kriteria.bobot), str(baru)]
            kriteria.bobot = baru
            kriteria.save(update_fields=["bobot", "updated_at"])
    if berubah:
        catat(periode, "kriteria.bobot_diubah", oleh, periode, perubahan=berubah)


@transaction.atomic
def kriteria_tambah(*, periode: PeriodePenghargaan, nama: str, bobot, oleh) -> KriteriaPenghargaan:
    """Kriteria tambahan Kepala Penyelenggara (ditetapkan dengan Keputusannya), dinilai tim pula."""
    periode = kunci(periode, oleh, Status.PERSIAPAN)
    nama = (nama or "").strip()
    if not nama:
        raise DomainError("Nama kriteria wajib diisi.")
    if periode.kriteria.filter(nama__iexact=nama).exists():
        raise DomainError(f"Kriteria “{nama}” sudah ada pada periode ini.")
    urutan = max(periode.kriteria.values_list("urutan", flat=True), default=0) + 1
    kriteria = KriteriaPenghargaan.objects.create(
        periode=periode, kode="", nama=nama, bobot=_bobot_sah(bobot, nama), urutan=urutan
    )
    catat(kriteria, "kriteria.ditambah", oleh, periode, nama=nama, bobot=str(kriteria.bobot))
    return kriteria


@transaction.atomic
def kriteria_hapus(*, kriteria: KriteriaPenghargaan, oleh) -> None:
    periode = kunci(kriteria.periode, oleh, Status.PERSIAPAN)
    if not kriteria.tambahan:
        raise DomainError("Kriteria dari Pergub 8/2025 tidak dapat dihapus; ubah bobotnya bila perlu.")
    catat(periode, "kriteria.dihapus", oleh, periode, nama=kriteria.nama)
    kriteria.delete()


# --- Tim penilai dan nominasi ----------------------------------------------------------------------------


def _pelaksana_unit(periode: PeriodePenghargaan, pelaksana: Pelaksana, sebutan: str) -> Pelaksana:
    if pelaksana.penyelenggara_id != periode.penyelenggara_id:
        raise DomainError(f"{sebutan} harus Pelaksana pada {periode.penyelenggara.nama}.")
    if not pelaksana.aktif:
        raise DomainError(f"{pelaksana.nama} tidak aktif.")
    return pelaksana


@transaction.atomic
def tim_tetapkan(*, periode: PeriodePenghargaan, sekretaris: Pelaksana, anggota: list[Pelaksana], oleh):
    """Susun tim penilai: ketua Kepala Penyelenggara (dari data unit), satu sekretaris, tiga anggota."""
    periode = kunci(periode, oleh, Status.PERSIAPAN)
    if periode.metode != MetodePenilaian.TIM:
        raise DomainError("Periode ini dinilai berjenjang oleh atasan langsung; tim penilai tidak dipakai.")
    ketua = periode.penyelenggara.kepala
    if ketua is None:
        raise DomainError(
            "Kepala Penyelenggara unit ini belum tercatat di data Penyelenggara; ketua tim penilai adalah "
            "Kepala Penyelenggara."
        )
    if len(anggota) != SUSUNAN_TIM[PeranTim.ANGGOTA]:
        raise DomainError("Anggota tim penilai harus tepat 3 (tiga) orang Kepala Bagian/Bidang.")
    _pelaksana_unit(periode, sekretaris, "Sekretaris tim")
    for orang in anggota:
        _pelaksana_unit(periode, orang, "Anggota tim")
    semua = [ketua, sekretaris, *anggota]
    if len({p.pk for p in semua}) != len(semua):
        raise DomainError(
            "Setiap orang hanya satu kali dalam tim penilai (ketua, sekretaris, dan anggota berbeda)."
        )
    dinominasikan = set(
        periode.nominasi.filter(pelaksana__in=semua).values_list("pelaksana__nama", flat=True)
    )
    if dinominasikan:
        raise DomainError(
            f"{', '.join(sorted(dinominasikan))} sedang dinominasikan; penilai tidak menilai dirinya sendiri."
        )
    periode.tim.all().delete()
    AnggotaTimPenilai.objects.bulk_create(
        [AnggotaTimPenilai(periode=periode, pelaksana=ketua, peran=PeranTim.KETUA),
         AnggotaTimPenilai(periode=periode, pelaksana=sekretaris, peran=PeranTim.SEKRETARIS)]
        + [AnggotaTimPenilai(periode=periode, pelaksana=p, peran=PeranTim.ANGGOTA) for p in anggota]
    )  # fmt: skip
    catat(periode, "tim.ditetapkan", oleh, periode, ketua=ketua.nama, sekretaris=sekretaris.nama,
           anggota=[p.nama for p in anggota])  # fmt: skip


def galat_susunan_tim(periode: PeriodePenghargaan, tim: list[AnggotaTimPenilai] | None = None) -> str | None:
    """Pesan bila susunan tim menyimpang dari Pergub (ketua = Kepala Penyelenggara, sekretaris, 3 anggota).

    ``tim`` yang sudah dimuat (halaman periode) dipakai langsung; tanpa itu dibaca dari basis data.
    """
    tim = list(periode.tim.all()) if tim is None else tim
    if not tim:
        return "Tim penilai belum disusun."
    for peran, jumlah in SUSUNAN_TIM.items():
        if sum(1 for a in tim if a.peran == peran) != jumlah:
            return "Tim penilai belum lengkap: 1 ketua, 1 sekretaris, dan 3 anggota."
    ketua = next(a for a in tim if a.peran == PeranTim.KETUA)
    if ketua.pelaksana_id != periode.penyelenggara.kepala_id:
        return "Ketua tim penilai harus Kepala Penyelenggara yang sekarang tercatat; susun ulang tim."
    return None


@transaction.atomic
def nominasi_tambah(*, periode: PeriodePenghargaan, pelaksana: Pelaksana, alasan: str, oleh) -> Nominasi:
    periode = kunci(periode, oleh, Status.PERSIAPAN)
    _pelaksana_unit(periode, pelaksana, "Nominasi")
    nominasi_wajib_berjenjang(periode, pelaksana)
    if periode.tim.filter(pelaksana=pelaksana).exists():
        raise DomainError(f"{pelaksana.nama} anggota tim penilai; penilai tidak dapat dinominasikan.")
    try:
        with transaction.atomic():
            nominasi = Nominasi.objects.create(
                periode=periode, pelaksana=pelaksana, alasan=(alasan or "").strip(), diusulkan_oleh=oleh
            )
    except IntegrityError as e:
        raise DomainError(f"{pelaksana.nama} sudah dinominasikan pada periode ini.") from e
    catat(nominasi, "nominasi.ditambah", oleh, periode, pelaksana=pelaksana.nama)
    return nominasi


@transaction.atomic
def nominasi_hapus(*, nominasi: Nominasi, oleh) -> None:
    periode = kunci(nominasi.periode, oleh, Status.PERSIAPAN)
    catat(periode, "nominasi.dihapus", oleh, periode, pelaksana=nominasi.pelaksana.nama)
    nominasi.delete()


# --- Penilaian ---------------------------------------------------------------------------------------------


@transaction.atomic
def penilaian_mulai(*, periode: PeriodePenghargaan, oleh) -> PeriodePenghargaan:
    """Kunci kriteria, tim/rantai penilai, dan nominasi; penilaian (lembar tim atau berjenjang) dimulai."""
    periode = kunci(periode, oleh, Status.PERSIAPAN)
    kriteria = list(periode.kriteria.all())
    total = sum((k.bobot for k in kriteria), Decimal(0))
    if total != TOTAL_BOBOT:
        raise DomainError(f"Jumlah bobot kriteria {persen(total)}, harus tepat 100%.")
    galat = galat_susunan_tim(periode) if periode.metode == MetodePenilaian.TIM else None
    if galat:
        raise DomainError(galat)
    if not periode.nominasi.exists():
        raise DomainError("Belum ada nominasi.")
    if periode.metode == MetodePenilaian.BERJENJANG:
        rantai_siapkan(periode)
    periode.status = Status.PENILAIAN
    periode.save(update_fields=["status", "updated_at"])
    catat(periode, "penilaian.dimulai", oleh, periode, dari=Status.PERSIAPAN, ke=Status.PENILAIAN)
    return periode


@transaction.atomic
def penilaian_kembali_persiapan(*, periode: PeriodePenghargaan, oleh) -> PeriodePenghargaan:
    """Buka kembali susunan (mis. anggota tim berhalangan); nilai yang sudah masuk tetap tersimpan."""
    periode = kunci(periode, oleh, Status.PENILAIAN)
    periode.status = Status.PERSIAPAN
    periode.save(update_fields=["status", "updated_at"])
    catat(periode, "penilaian.dibuka_kembali", oleh, periode, dari=Status.PENILAIAN, ke=Status.PERSIAPAN)
    return periode


def _nilai_sah(nilai, sebutan: str) -> int:
    try:
        angka = int(nilai)
    except (TypeError, ValueError) as e:
        raise DomainError(f"Nilai {sebutan} harus bilangan bulat {NILAI_MINIMUM}–{NILAI_MAKSIMUM}.") from e
    if not NILAI_MINIMUM <= angka <= NILAI_MAKSIMUM:
        raise DomainError(f"Nilai {sebutan} harus {NILAI_MINIMUM}–{NILAI_MAKSIMUM}.")
    return angka


@transaction.atomic
def lembar_nilai_simpan(*, anggota: AnggotaTimPenilai, nilai: dict[tuple[int, int], int], oleh) -> int:
    """Simpan lembar nilai satu anggota tim: setiap nominasi × setiap kriteria yang dinilai tim."""
    periode = kunci(anggota.periode, oleh, Status.PENILAIAN)
    nominasi = {n.pk: n for n in periode.nominasi.select_related("pelaksana")}
    kriteria = {k.pk: k for k in periode.kriteria.filter(dari_data=False)}
    wajib = {(n, k) for n in nominasi for k in kriteria}
    if set(nilai) != wajib:
        raise DomainError(
            "Lembar nilai harus memuat nilai setiap nominasi untuk setiap kriteria, tidak lebih."
        )
    lama = {(n.nominasi_id, n.kriteria_id): n for n in NilaiPenghargaan.objects.filter(anggota=anggota)}
    # Setiap nilai yang berubah dicatat lama → baru di jejak audit (nilai pertama: lama kosong).
    perubahan: dict[str, list] = {}
    baru, diubah = [], []
    for (n_id, k_id), isi in nilai.items():
        sebutan = f"{kriteria[k_id].nama} untuk {nominasi[n_id].pelaksana.nama}"
        angka = _nilai_sah(isi, sebutan)
        baris = lama.get((n_id, k_id))
        if baris is None:
            baru.append(
                NilaiPenghargaan(
                    nominasi_id=n_id, anggota=anggota, kriteria_id=k_id, nilai=angka, dicatat_oleh=oleh
                )
            )
            perubahan[sebutan] = [None, angka]
        elif baris.nilai != angka:
            perubahan[sebutan] = [baris.nilai, angka]
            baris.nilai, baris.dicatat_oleh, baris.dicatat_pada = angka, oleh, timezone.now()
            diubah.append(baris)
    NilaiPenghargaan.objects.bulk_create(baru)
    NilaiPenghargaan.objects.bulk_update(diubah, ["nilai", "dicatat_oleh", "dicatat_pada"])
    catat(anggota, "nilai.disimpan", oleh, periode, anggota=anggota.pelaksana.nama, perubahan=perubahan)
    return len(perubahan)


# --- Penetapan ----------------------------------------------------------------------------------------------


def _bentuk_sah(bentuk: list[str], nama: str) -> list[str]:
    bentuk = list(dict.fromkeys(bentuk or []))
    if not bentuk:
        raise DomainError(f"Pilih bentuk penghargaan untuk {nama}.")
    if set(bentuk) - set(BentukPelaksana.values):
        raise DomainError(f"Bentuk penghargaan untuk {nama} tidak dikenal.")
    return bentuk


def _tanggal_keputusan_sah(periode: PeriodePenghargaan, tanggal: date | None) -> date:
    if tanggal is None:
        raise DomainError("Tanggal keputusan wajib diisi.")
    if tanggal > timezone.localdate():
        raise DomainError("Tanggal keputusan tidak boleh di masa depan.")
    if tanggal < periode.selesai:
        raise DomainError(
            f"Keputusan ditetapkan setelah periode berakhir ({date_format(periode.selesai, 'j F Y')}), agar "
            "pemeriksaan pengaduan dan sanksi mencakup seluruh periode."
        )
    return tanggal


@transaction.atomic
def periode_tetapkan(
    *, periode: PeriodePenghargaan, penerima: list[dict], nomor_keputusan: str, tanggal_keputusan: date, oleh
) -> PeriodePenghargaan:
    """Tetapkan penerima dengan Keputusan Kepala Penyelenggara.

    ``penerima``: daftar ``{"nominasi", "bentuk", "keterangan_bentuk", "tampil_publik"}``. Nilai akhir dan
    peringkat dicatat sebagaimana dihitung saat ini; Pelaksana bersanksi dalam periode ditolak.
    """
    periode = kunci(periode, oleh, Status.PENILAIAN)
    nomor = (nomor_keputusan or "").strip()
    if not nomor:
        raise DomainError("Nomor Keputusan Kepala Penyelenggara wajib diisi.")
    tanggal = _tanggal_keputusan_sah(periode, tanggal_keputusan)
    if not penerima:
        raise DomainError("Pilih sedikitnya satu penerima penghargaan.")
    penilaian = penilaian_periode(periode)
    if penilaian.lembar_kurang:
        raise DomainError(
            f"Lembar nilai belum lengkap: {', '.join(penilaian.lembar_kurang)}. Semua penilai menilai "
            "setiap nominasi sebelum penetapan."
        )
    hasil = {h.nominasi_id: h for h in penilaian.hasil}
    baris = []
    for pilihan in penerima:
        nominasi = pilihan["nominasi"]
        if nominasi.periode_id != periode.pk:
            raise DomainError("Nominasi bukan dari periode ini.")
        rekam = penilaian.rekam[nominasi.pelaksana_id]
        if rekam.bersanksi:
            raise DomainError(
                f"{nominasi.pelaksana.nama} dijatuhi sanksi dalam periode ini dan tidak dapat menerima "
                "penghargaan."
            )
        baris.append(
            PenerimaPenghargaan(
                periode=periode,
                nominasi=nominasi,
                bentuk=_bentuk_sah(pilihan.get("bentuk"), nominasi.pelaksana.nama),
                keterangan_bentuk=(pilihan.get("keterangan_bentuk") or "").strip()[:255],
                nilai_akhir=hasil[nominasi.pk].nilai_akhir,
                peringkat=hasil[nominasi.pk].peringkat,
                tampil_publik=bool(pilihan.get("tampil_publik")),
            )
        )
    PenerimaPenghargaan.objects.bulk_create(baris)
    # Penanda tangan menurut tabel kewenangan: pejabat yang menjabat pada tanggal keputusan.
    ttd = kewenangan.penanda_tangan(
        wajib_kelola(oleh, periode.penyelenggara).penanda_tangan, unit=periode.penyelenggara, tanggal=tanggal
    )
    periode.status = Status.DITETAPKAN
    periode.nomor_keputusan, periode.tanggal_keputusan = nomor, tanggal
    periode.penandatangan_nama = ttd.nama if ttd else ""
    periode.penandatangan_nip = ttd.nip if ttd else ""
    periode.ditetapkan_oleh, periode.ditetapkan_pada = oleh, timezone.now()
    periode.save()
    catat(
        periode,
        "periode.ditetapkan",
        oleh,
        periode,
        nomor_keputusan=nomor,
        tanggal=str(tanggal),
        penerima=[b.nominasi.pelaksana.nama for b in baris],
        dari=Status.PENILAIAN,
        ke=Status.DITETAPKAN,
    )
    return periode
