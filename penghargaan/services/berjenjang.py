"""Penilaian penghargaan Pelaksana secara berjenjang (BAB 5: "dpt dilaksanakan secara berjenjang atau …
melalui tim penilai"), selaras pembinaan teknis oleh atasan langsung secara berjenjang (BAB 6 angka 2).

Langkahnya:

1. Saat penilaian dimulai, setiap nominasi mendapat rantai penilai dari ``Pelaksana.atasan_langsung``:
   tingkat 1 atasan langsung, tingkat 2 atasannya, dan seterusnya sampai tepat di bawah Kepala
   Penyelenggara (bila atasan langsungnya Kepala sendiri, ia satu-satunya penilai). Rantai yang putus atau
   melingkar ditolak dengan nama Pelaksananya.
2. Tingkat 1 mengisi nilai 0–100 setiap kriteria yang dinilai; setiap tingkat berikutnya meninjau (nilai
   tingkat sebelumnya menjadi isian awal) dan boleh mengoreksinya dengan catatan. Tingkat diisi berurutan;
   tingkat yang sudah ditinjau atasannya tidak diubah lagi.
3. Nilai tingkat terakhir menjadi nilai nominasi; Kepala Penyelenggara memutus pada penetapan
   (``periode.py``).

Nilai dicatat oleh pengguna yang berwenang atas penghargaan unit itu (tabel kewenangan; bawaan Kepala
Penyelenggara), atas nama penilai yang tidak memakai akun — seperti lembar nilai tim.
"""

from django.db import transaction
from django.utils import timezone

from kaltim_yanlik.core.exceptions import DomainError
from kode_etik.models import Pelaksana

from ..ketentuan import NILAI_MAKSIMUM, NILAI_MINIMUM, MetodePenilaian
from ..models import Nominasi, PeriodePenghargaan, TahapBerjenjang
from .langkah import catat, kunci

Status = PeriodePenghargaan.Status


def rantai_penilai(pelaksana: Pelaksana, kepala: Pelaksana | None) -> list[Pelaksana]:
    """Penilai berjenjang ``pelaksana``: atasan langsung ke atas, sampai tepat di bawah Kepala."""
    if kepala is None:
        raise DomainError(
            "Kepala Penyelenggara unit ini belum tercatat; penilaian berjenjang berakhir pada Kepala."
        )
    rantai, dilihat, atasan = [], {pelaksana.pk}, pelaksana.atasan_langsung
    while atasan is not None and atasan.pk != kepala.pk:
        if atasan.pk in dilihat:
            raise DomainError(f"Rantai atasan {pelaksana.nama} melingkar; perbaiki atasan langsungnya.")
        rantai.append(atasan)
        dilihat.add(atasan.pk)
        atasan = atasan.atasan_langsung
    if atasan is None:
        terakhir = rantai[-1].nama if rantai else pelaksana.nama
        raise DomainError(
            f"Rantai atasan {pelaksana.nama} tidak sampai ke Kepala Penyelenggara ({terakhir} belum "
            "mempunyai atasan langsung); lengkapi atasan langsung di data Pelaksana."
        )
    return rantai or [kepala]


def rantai_siapkan(periode: PeriodePenghargaan) -> int:
    """Bentuk tahap setiap nominasi (dipanggil saat penilaian dimulai, di dalam transaksinya).

    Tahap yang penilainya masih sama dipertahankan beserta nilainya; rantai yang berubah dibentuk ulang.
    """
    kepala = periode.penyelenggara.kepala
    jumlah = 0
    for nominasi in periode.nominasi.select_related("pelaksana__atasan_langsung"):
        if kepala is not None and nominasi.pelaksana_id == kepala.pk:
            raise DomainError("Kepala Penyelenggara memutus penghargaan ini dan tidak dinominasikan.")
        penilai = [p.pk for p in rantai_penilai(nominasi.pelaksana, kepala)]
        lama = list(nominasi.tahap_berjenjang.order_by("tingkat").values_list("penilai_id", flat=True))
        if lama != penilai:
            nominasi.tahap_berjenjang.all().delete()
            TahapBerjenjang.objects.bulk_create(
                TahapBerjenjang(nominasi=nominasi, tingkat=i, penilai_id=pk)
                for i, pk in enumerate(penilai, 1)
            )
        jumlah += len(penilai)
    return jumlah


def _nilai_sah(nilai: dict, kriteria: dict) -> dict[str, int]:
    if set(nilai) != set(kriteria):
        raise DomainError("Isi nilai setiap kriteria yang dinilai, tidak lebih.")
    hasil = {}
    for kriteria_id, isi in nilai.items():
        try:
            angka = int(isi)
        except (TypeError, ValueError) as e:
            raise DomainError(f"Nilai {kriteria[kriteria_id]} harus bilangan bulat 0–100.") from e
        if not NILAI_MINIMUM <= angka <= NILAI_MAKSIMUM:
            raise DomainError(f"Nilai {kriteria[kriteria_id]} harus {NILAI_MINIMUM}–{NILAI_MAKSIMUM}.")
        hasil[str(kriteria_id)] = angka
    return hasil


def _wajib_urutan(tahap: TahapBerjenjang) -> None:
    """Tingkat diisi berurutan; tingkat yang sudah ditinjau atasannya tidak diubah lagi."""
    semua = {t.tingkat: t for t in tahap.nominasi.tahap_berjenjang.select_related("penilai")}
    sebelum = semua.get(tahap.tingkat - 1)
    if sebelum is not None and not sebelum.terisi:
        raise DomainError(
            f"Tingkat {sebelum.tingkat} ({sebelum.penilai.nama}) belum menilai; penilaian berjenjang diisi "
            "berurutan dari atasan langsung."
        )
    sesudah = semua.get(tahap.tingkat + 1)
    if sesudah is not None and sesudah.terisi:
        raise DomainError(
            f"Nilai tingkat ini sudah ditinjau {sesudah.penilai.nama} (tingkat {sesudah.tingkat}); koreksi "
            "dilakukan pada tingkat yang lebih tinggi."
        )


@transaction.atomic
def tahap_berjenjang_simpan(*, tahap: TahapBerjenjang, nilai: dict, catatan: str, oleh) -> TahapBerjenjang:
    """Simpan nilai satu tingkat penilaian berjenjang (atasan langsung atau peninjau di atasnya)."""
    periode = kunci(tahap.nominasi.periode, oleh, Status.PENILAIAN)
    if periode.metode != MetodePenilaian.BERJENJANG:
        raise DomainError("Periode ini dinilai tim penilai, bukan berjenjang.")
    tahap = (
        TahapBerjenjang.objects.select_for_update()
        .select_related("nominasi__pelaksana", "penilai")
        .get(pk=tahap.pk)
    )
    _wajib_urutan(tahap)
    kriteria = {k.pk: k.nama for k in periode.kriteria.filter(dari_data=False)}
    baru = _nilai_sah(nilai, kriteria)
    lama = dict(tahap.nilai)
    tahap.nilai, tahap.catatan = baru, (catatan or "").strip()
    tahap.dicatat_oleh, tahap.dicatat_pada = oleh, timezone.now()
    tahap.save(update_fields=["nilai", "catatan", "dicatat_oleh", "dicatat_pada", "updated_at"])
    perubahan = {
        kriteria[int(k)]: [lama.get(k), v] for k, v in baru.items() if lama.get(k) != v
    }  # fmt: skip
    catat(tahap, "berjenjang.dinilai", oleh, periode, nominasi=tahap.nominasi.pelaksana.nama,
           tingkat=tahap.tingkat, penilai=tahap.penilai.nama, perubahan=perubahan)  # fmt: skip
    return tahap


def nominasi_wajib_berjenjang(periode: PeriodePenghargaan, pelaksana: Pelaksana) -> None:
    """Nominasi periode berjenjang: bukan Kepala Penyelenggara sendiri (ia yang memutus)."""
    if periode.metode == MetodePenilaian.BERJENJANG and pelaksana.pk == periode.penyelenggara.kepala_id:
        raise DomainError("Kepala Penyelenggara memutus penghargaan ini dan tidak dinominasikan.")


def nominasi_awal(nominasi: Nominasi) -> dict[int, int]:
    """Isian awal lembar satu tingkat: nilai tingkat terakhir yang sudah terisi (untuk ditinjau)."""
    terisi = [t for t in nominasi.tahap_berjenjang.order_by("tingkat") if t.terisi]
    return {int(k): v for k, v in terisi[-1].nilai.items()} if terisi else {}
