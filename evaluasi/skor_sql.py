"""Hitung ulang IPP, kategori, dan peringkat satu siklus dalam SATU pernyataan SQL (PostgreSQL).

Cermin ``evaluasi.skor`` (implementasi rujukan, dipakai juga di SQLite): aritmetikanya sama persis, diuji
sama dengan jalur Python pada siklus acak dan nilai tepi (``tests/test_skor_sql.py``):

    NilaiAspek_a = ROUND_HALF_UP(Σ_i w_i × s_i, 2) / 100                  (indikator suplemen tidak masuk)
    IPP          = Σ_a W_a × NilaiAspek_a / 100     → disimpan ROUND_HALF_UP 4 desimal
    Kategori     = pita instrumen yang memuat ROUND_HALF_UP(IPP, 2)        (IPP eksak, dibulatkan sekali)
    Peringkat    = RANK() menurut IPP 4 desimal, tertinggi pertama, hanya lokus dinilai/final

``numeric`` PostgreSQL eksak untuk penjumlahan dan perkalian ini, dan ``ROUND(numeric, n)`` membulatkan
setengah menjauhi nol, yang untuk nilai tak negatif sama dengan setengah ke atas (4,505 → 4,51).

Satu pernyataan: sisip-atau-perbarui hanya baris yang berubah (``ON CONFLICT … WHERE … IS DISTINCT FROM``,
sehingga ``dihitung_pada`` baris yang tetap tidak bergeser) dan hapus hasil evaluasi yang tidak lagi punya
level, dalam transaksi pemanggil; Python tidak membangun objek per lokus.
"""

from django.db import IntegrityError, connection

STATUS_BERPERINGKAT = ["dinilai", "final"]

_SQL = """
WITH aspek AS (
    SELECT a.id, a.kode, a.bobot
    FROM evaluasi_aspek a
    WHERE a.instrumen_id = %(instrumen)s
      AND EXISTS (SELECT 1 FROM evaluasi_indikator i WHERE i.aspek_id = a.id AND NOT i.suplemen)
),
jumlah AS (
    SELECT p.evaluasi_id, a.kode, a.bobot, ROUND(SUM(i.bobot * p.level), 2) AS j2
    FROM evaluasi_penilaianindikator p
    JOIN evaluasi_evaluasi e ON e.id = p.evaluasi_id
    JOIN evaluasi_indikator i ON i.id = p.indikator_id
    JOIN aspek a ON a.id = i.aspek_id
    WHERE e.siklus_id = %(siklus)s AND p.level IS NOT NULL AND NOT i.suplemen
    GROUP BY p.evaluasi_id, a.kode, a.bobot
),
ipp AS (
    -- Aspek tanpa level satu pun bernilai 0 (bobot tidak dinormalkan ulang): objek nol semua aspek,
    -- ditimpa nilai aspek yang berlevel. Tanpa gabungan silang evaluasi × aspek.
    SELECT evaluasi_id,
           (SELECT COALESCE(jsonb_object_agg(kode, '0.0000'::text), '{}'::jsonb) FROM aspek)
               || jsonb_object_agg(kode, (ROUND(j2 / 100, 4))::text) AS nilai_aspek,
           SUM(bobot * j2) / 10000 AS eksak
    FROM jumlah
    GROUP BY evaluasi_id
),
hasil AS (
    SELECT i.evaluasi_id, i.nilai_aspek, ROUND(i.eksak, 4) AS ipp, ROUND(i.eksak, 2) AS ipp_bulat,
           k.kode AS kategori, k.predikat,
           e.status = ANY(%(berperingkat)s) AS berperingkat
    FROM ipp i
    JOIN evaluasi_evaluasi e ON e.id = i.evaluasi_id
    LEFT JOIN LATERAL (
        SELECT kode, predikat FROM evaluasi_kategoriipp k
        WHERE k.instrumen_id = %(instrumen)s
          AND k.batas_bawah <= ROUND(i.eksak, 2) AND ROUND(i.eksak, 2) <= k.batas_atas
        ORDER BY k.batas_bawah DESC
        LIMIT 1
    ) k ON TRUE
),
baru AS (
    SELECT evaluasi_id, nilai_aspek, ipp, ipp_bulat, kategori, predikat,
           CASE WHEN berperingkat THEN RANK() OVER (PARTITION BY berperingkat ORDER BY ipp DESC) END
               AS peringkat
    FROM hasil
),
hapus AS (
    -- Hasil evaluasi yang tidak lagi punya level (indeks unik penilaian per evaluasi, bukan pindai CTE).
    DELETE FROM evaluasi_hasilevaluasi h
    USING evaluasi_evaluasi e
    WHERE h.evaluasi_id = e.id AND e.siklus_id = %(siklus)s
      AND NOT EXISTS (
          SELECT 1 FROM evaluasi_penilaianindikator p
          JOIN evaluasi_indikator i ON i.id = p.indikator_id
          WHERE p.evaluasi_id = h.evaluasi_id AND p.level IS NOT NULL AND NOT i.suplemen
            AND i.aspek_id IN (SELECT id FROM aspek)
      )
),
tulis AS (
    INSERT INTO evaluasi_hasilevaluasi
        (evaluasi_id, nilai_aspek, ipp, ipp_bulat, kategori, predikat, peringkat, dihitung_pada)
    SELECT evaluasi_id, nilai_aspek, ipp, ipp_bulat, kategori, predikat, peringkat, %(waktu)s FROM baru
    ON CONFLICT (evaluasi_id) DO UPDATE SET
        nilai_aspek = EXCLUDED.nilai_aspek, ipp = EXCLUDED.ipp, ipp_bulat = EXCLUDED.ipp_bulat,
        kategori = EXCLUDED.kategori, predikat = EXCLUDED.predikat, peringkat = EXCLUDED.peringkat,
        dihitung_pada = EXCLUDED.dihitung_pada
    WHERE (evaluasi_hasilevaluasi.nilai_aspek, evaluasi_hasilevaluasi.ipp, evaluasi_hasilevaluasi.ipp_bulat,
           evaluasi_hasilevaluasi.kategori, evaluasi_hasilevaluasi.predikat, evaluasi_hasilevaluasi.peringkat)
        IS DISTINCT FROM
          (EXCLUDED.nilai_aspek, EXCLUDED.ipp, EXCLUDED.ipp_bulat, EXCLUDED.kategori, EXCLUDED.predikat,
           EXCLUDED.peringkat)
)
SELECT COUNT(*) FROM baru
"""


def siklus_hitung_ulang_sql(*, siklus, waktu) -> int:
    """Jalankan pernyataan hitung ulang untuk ``siklus``; jumlah evaluasi yang punya hasil.

    Pemanggil (``services.hasil.siklus_hitung_ulang``) yang membuka transaksi. IPP di luar semua pita
    kategori instrumen ditolak seperti di jalur Python (``ValueError``), bukan disimpan tanpa kategori.
    """
    parameter = {
        "siklus": siklus.pk,
        "instrumen": siklus.instrumen_id,
        "berperingkat": STATUS_BERPERINGKAT,
        "waktu": waktu,
    }
    try:
        with connection.cursor() as kursor:
            kursor.execute(_SQL, parameter)
            return kursor.fetchone()[0]
    except IntegrityError as exc:
        if "kategori" not in str(exc):
            raise
        raise ValueError(
            f"Ada IPP yang tidak masuk rentang kategori mana pun pada instrumen siklus {siklus.tahun}."
        ) from exc
