"""Halaman publik hasil monev (tanpa login): daftar siklus terbit, hasil satu siklus, dan ringkasan per unit.

Semua bacaan lewat ``evaluasi.selectors.publik``, yang membaca potret versi publikasi dan hanya mengenal
siklus yang sedang dipublikasikan: tahun, versi, atau kode yang belum terbit dijawab 404 seperti yang tidak
ada. Halaman terbaru ``/hasil/<tahun>/`` menampilkan versi terakhir; versi sebelumnya tetap di
``/hasil/<tahun>/versi/<n>/``. Peringkat dipecah per halaman (``PER_HALAMAN``) agar halaman tetap ringan.
Grafiknya fungsi ``evaluasi.grafik`` yang sama dengan PDF.
"""

from django.core.paginator import Paginator
from django.shortcuts import render

from ..grafik import TARGET_IPP, grafik_aspek, grafik_distribusi, grafik_peringkat, warna_kategori
from ..selectors import publik as selectors_publik

PER_HALAMAN = 50


def _distribusi(ringkasan, lalu, warna: dict[str, str]) -> list[dict]:
    """Baris tabel kategori: jumlah, persentase, warna grafik, dan jumlah siklus pembanding."""
    total = ringkasan.jumlah_dinilai
    jumlah_lalu = {kode: n for kode, _, n in lalu.distribusi} if lalu else {}
    return [
        {
            "kode": kode,
            "predikat": predikat,
            "jumlah": n,
            "persen": round(n * 100 / total) if total else 0,
            "warna": warna.get(kode, ""),
            "lalu": jumlah_lalu.get(kode),
        }
        for kode, predikat, n in ringkasan.distribusi
    ]


def _kartu_siklus(terbit) -> dict:
    ringkasan = terbit.ringkasan
    warna = warna_kategori([kode for kode, _, _ in ringkasan.distribusi])
    return {
        "siklus": terbit.siklus,
        "versi": terbit.versi,
        "dipublikasikan_pada": terbit.dipublikasikan_pada,
        "jumlah_lokus": terbit.jumlah_lokus,
        "ringkasan": ringkasan,
        "tidak_mengajukan": terbit.jumlah_lokus - ringkasan.jumlah_dinilai,
        "distribusi": _distribusi(ringkasan, None, warna),
    }


def publik_daftar(request):
    daftar = [_kartu_siklus(t) for t in selectors_publik.daftar_siklus_terbit()]
    return render(request, "evaluasi/publik/daftar.html", {"daftar": daftar})


def _aspek_banding(ringkasan, lalu) -> list[dict]:
    """Rata-rata per aspek dan nilai siklus pembanding pada aspek berkode sama (instrumen bisa berganti)."""
    nilai_lalu = {kode: nilai for kode, _, nilai in lalu.rata_aspek} if lalu else {}
    baris = []
    for kode, nama, nilai in ringkasan.rata_aspek:
        sebelum = nilai_lalu.get(kode)
        selisih = None if sebelum is None else nilai - sebelum
        baris.append({"kode": kode, "nama": nama, "nilai": nilai, "lalu": sebelum, "selisih": selisih})
    return baris


def _perubahan(baris) -> dict:
    """Berapa unit yang IPP-nya naik, turun, tetap, atau tidak punya pembanding."""
    selisih = [b.selisih for b in baris]
    return {
        "naik": sum(1 for s in selisih if s is not None and s > 0),
        "turun": sum(1 for s in selisih if s is not None and s < 0),
        "tetap": sum(1 for s in selisih if s == 0),
        "baru": sum(1 for s in selisih if s is None),
    }


def _grafik_siklus(rekap, baris_halaman) -> dict:
    # Grafik peringkat mengikuti halaman tabel: 50 batang terbaca, seribu tidak.
    peringkat = [(b.penyelenggara, b.ipp, b.kategori) for b in baris_halaman]
    return {
        "distribusi": grafik_distribusi(rekap.ringkasan.distribusi),
        "peringkat": grafik_peringkat(peringkat, rekap.kategori_urut) if peringkat else None,
        "aspek": grafik_aspek(rekap.ringkasan.rata_aspek),
    }


def _halaman_siklus(request, rekap):
    warna = warna_kategori(rekap.kategori_urut)
    halaman = Paginator(rekap.baris, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "evaluasi/publik/siklus.html",
        {
            "siklus": rekap.siklus,
            "rekap": rekap,
            "lalu": rekap.lalu,
            "distribusi": _distribusi(rekap.ringkasan, rekap.lalu, warna),
            "aspek": _aspek_banding(rekap.ringkasan, rekap.lalu),
            "halaman": halaman,
            "peringkat": [{"b": b, "warna": warna.get(b.kategori, "")} for b in halaman],
            "perubahan": _perubahan(rekap.baris) if rekap.lalu else None,
            "tidak_mengajukan": rekap.tidak_mengajukan,
            "grafik": _grafik_siklus(rekap, list(halaman)),
        },
    )


def publik_siklus(request, tahun):
    return _halaman_siklus(request, selectors_publik.rekap_terbit(tahun=tahun))


def publik_siklus_versi(request, tahun, nomor):
    return _halaman_siklus(request, selectors_publik.rekap_terbit(tahun=tahun, nomor=nomor))


def _aspek_unit(baris, ringkasan) -> list[dict]:
    """Nilai aspek unit terhadap target 5 dan rata-rata seluruh lokus siklus."""
    return [
        {
            "kode": kode,
            "nama": nama,
            "nilai": baris.nilai_aspek.get(kode),
            "kurang": TARGET_IPP - baris.nilai_aspek.get(kode, 0),
            "rata": rata,
        }
        for kode, nama, rata in ringkasan.rata_aspek
    ]


def publik_unit(request, tahun, code, nomor=None):
    rekap = selectors_publik.rekap_terbit(tahun=tahun, nomor=nomor)
    baris = selectors_publik.baris_lokus_terbit(rekap=rekap, code=code)
    aspek = _aspek_unit(baris, rekap.ringkasan)
    return render(
        request,
        "evaluasi/publik/unit.html",
        {
            "siklus": rekap.siklus,
            "rekap": rekap,
            "baris": baris,
            "warna": warna_kategori(rekap.kategori_urut).get(baris.kategori, ""),
            "jumlah_berperingkat": len(rekap.baris),
            "lalu": rekap.lalu,
            "aspek": aspek,
            "grafik_aspek": grafik_aspek([(a["kode"], a["nama"], a["nilai"]) for a in aspek]),
            "riwayat": selectors_publik.riwayat_ipp_terbit(
                penyelenggara_code=baris.penyelenggara_code, sebelum_tahun=tahun
            ),
            "target": TARGET_IPP,
        },
    )
