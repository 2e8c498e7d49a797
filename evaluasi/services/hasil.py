"""Hasil evaluasi: IPP per lokus dan peringkat dalam siklus.

Penghitungan ulang satu siklus menulis hasil seluruh lokus dalam satu transaksi: pembaca melihat himpunan
lama atau baru, tidak campuran, dan menjalankannya dua kali memberi hasil yang sama. Di PostgreSQL
seluruhnya satu pernyataan SQL (``evaluasi.skor_sql``); di SQLite (bawaan tertanam ``make run``, tanpa
aritmetika desimal eksak) jalur Python atas fungsi murni ``evaluasi.skor``, yang juga menjadi rujukan uji
bahwa keduanya sama.
"""

from collections import defaultdict
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import DecimalField, F, Sum
from django.utils import timezone

from ..final import wajib_siklus_belum_final
from ..grafik import grafik_antrekan
from ..models import Evaluasi, HasilEvaluasi, PenilaianIndikator, SiklusMonev
from ..skor import HasilIPP, hitung_ipp_dari, hitung_ipp_dari_jumlah_aspek, muat_instrumen_skor
from ..skor_sql import siklus_hitung_ulang_sql

# Peringkat hanya di antara lokus yang penilaiannya selesai; evaluasi yang masih dinilai belum bersaing.
STATUS_BERPERINGKAT = (Evaluasi.Status.DINILAI, Evaluasi.Status.FINAL)
_FIELD_HASIL = ("nilai_aspek", "ipp", "ipp_bulat", "kategori", "predikat", "dihitung_pada")


def _baris_hasil(evaluasi_id: int, hasil: HasilIPP, waktu) -> HasilEvaluasi:
    return HasilEvaluasi(
        evaluasi_id=evaluasi_id,
        nilai_aspek={kode: str(nilai) for kode, nilai in hasil.nilai_aspek.items()},
        ipp=hasil.ipp,
        ipp_bulat=hasil.ipp_bulat,
        kategori=hasil.kategori,
        predikat=hasil.predikat,
        dihitung_pada=waktu,
    )


def _jumlah_aspek_per_evaluasi(siklus: SiklusMonev, potret) -> dict[int, dict[str, Decimal]]:
    """Σ(bobot indikator × level) per evaluasi dan aspek, dijumlah di basis data (satu kueri)."""
    kode_aspek = {a.pk: a.kode for a in potret.aspek}
    jumlah: dict[int, dict[str, Decimal]] = defaultdict(dict)
    baris = (
        PenilaianIndikator.objects.filter(
            evaluasi__siklus=siklus, level__isnull=False, indikator__suplemen=False
        )
        .values_list("evaluasi_id", "indikator__aspek_id")
        .annotate(
            j=Sum(
                F("indikator__bobot") * F("level"), output_field=DecimalField(max_digits=9, decimal_places=2)
            )
        )
    )
    for evaluasi_id, aspek_id, nilai in baris:
        jumlah[evaluasi_id][kode_aspek[aspek_id]] = nilai
    return jumlah


def beri_peringkat(hasil: list[HasilEvaluasi], berperingkat: set[int]) -> None:
    """Peringkat kompetisi (1, 2, 2, 4) menurut IPP 4 desimal, tertinggi pertama."""
    urut = sorted((h for h in hasil if h.evaluasi_id in berperingkat), key=lambda h: -h.ipp)
    for posisi, h in enumerate(urut, start=1):
        sebelumnya = urut[posisi - 2] if posisi > 1 else None
        h.peringkat = sebelumnya.peringkat if sebelumnya and sebelumnya.ipp == h.ipp else posisi


@transaction.atomic
def siklus_hitung_ulang(*, siklus: SiklusMonev, koreksi: bool = False) -> int:
    """Hitung ulang seluruh HasilEvaluasi siklus dan peringkatnya; jumlah kueri tidak bergantung lokus.

    Siklus final (sudah pernah terbit) ditolak, kecuali dipanggil oleh koreksi Biro (``koreksi=True``).
    Kembalikan jumlah evaluasi yang punya hasil.
    """
    if not koreksi:
        wajib_siklus_belum_final(siklus, "Hitung ulang hasil dan peringkat")
    if connection.vendor == "postgresql":
        return siklus_hitung_ulang_sql(siklus=siklus, waktu=timezone.now())
    return siklus_hitung_ulang_python(siklus=siklus)


def siklus_hitung_ulang_python(*, siklus: SiklusMonev) -> int:
    """Jalur rujukan (SQLite, dan pembanding uji jalur SQL): jumlah berbobot per aspek dari basis data,
    aritmetika ``Decimal`` di ``evaluasi.skor``, peringkat di Python, satu upsert baris yang berubah."""
    potret = muat_instrumen_skor(siklus.instrumen)
    jumlah = _jumlah_aspek_per_evaluasi(siklus, potret)
    status = dict(Evaluasi.objects.filter(siklus=siklus).values_list("id", "status"))
    waktu = timezone.now()
    hasil = [
        _baris_hasil(eid, hitung_ipp_dari_jumlah_aspek(potret, j), waktu)
        for eid, j in jumlah.items()
        if eid in status
    ]
    beri_peringkat(hasil, {eid for eid, st in status.items() if st in STATUS_BERPERINGKAT})
    lama = {
        eid: tuple(rest)
        for eid, *rest in HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).values_list(
            "evaluasi_id", "ipp", "ipp_bulat", "peringkat", "nilai_aspek", "kategori", "predikat"
        )
    }
    berubah = [
        h
        for h in hasil
        if lama.get(h.evaluasi_id) != (h.ipp, h.ipp_bulat, h.peringkat, h.nilai_aspek, h.kategori, h.predikat)
    ]
    # Hanya baris yang berubah ditulis, dengan satu upsert (ON CONFLICT); hasil evaluasi yang tidak lagi
    # punya level dibuang. Semua dalam transaksi pemanggil: pembaca melihat himpunan lama atau baru.
    HasilEvaluasi.objects.bulk_create(
        berubah,
        update_conflicts=True,
        unique_fields=["evaluasi"],
        update_fields=_FIELD_HASIL + ("peringkat",),
    )
    HasilEvaluasi.objects.filter(evaluasi__siklus=siklus).exclude(evaluasi_id__in=jumlah.keys()).delete()
    return len(hasil)


def hasil_hitung_evaluasi(*, evaluasi: Evaluasi) -> HasilEvaluasi:
    """Perbarui hasil satu evaluasi setelah simpan F-02; peringkatnya dari hitung ulang siklus."""
    potret = muat_instrumen_skor(evaluasi.siklus.instrumen)
    level = dict(evaluasi.penilaian.filter(level__isnull=False).values_list("indikator__nomor", "level"))
    baru = _baris_hasil(evaluasi.pk, hitung_ipp_dari(potret, level), timezone.now())
    nilai = {f: getattr(baru, f) for f in _FIELD_HASIL}
    hasil, _ = HasilEvaluasi.objects.update_or_create(evaluasi=evaluasi, defaults=nilai)
    grafik_antrekan(siklus_id=evaluasi.siklus_id, evaluasi_id=evaluasi.pk)
    return hasil
