"""Dasar hukum naskah dari data (``core.DasarHukum``): blok "Mengingat" setiap jenis naskah, digabung dengan
dasar hukum instrumen bila naskahnya memakai instrumen (Berita Acara, Laporan Hasil Evaluasi).

Tidak ada kutipan peraturan yang ditulis tetap di templat; templat mencetak ``kutipan``/``sebutan`` baris ini.
"""

from collections.abc import Iterable

from .models import DasarHukum

# Peraturan yang dirujuk kalimat naskah di luar blok "Mengingat" (mis. "Pasal 10 huruf a Pergub …").
PERGUB_KODE_ETIK = "pergub-kode-etik"


def dasar_hukum_naskah(jenis_naskah: str, tambahan: Iterable[DasarHukum] = ()) -> list[DasarHukum]:
    """Dasar hukum jenis naskah menurut urutannya (satu kueri).

    Dengan ``tambahan`` (dasar hukum instrumen), gabungannya diurutkan menurut ``DasarHukum.urutan`` yang
    mengikuti hierarki peraturan (UU, PP, Peraturan Menteri, Pedoman, Pergub), agar blok "Mengingat" tetap
    berurut hierarkis, bukan naskah dulu lalu instrumen.
    """
    daftar = list(
        DasarHukum.objects.filter(naskah__jenis_naskah=jenis_naskah).order_by("naskah__urutan", "naskah__id")
    )
    ada = {d.pk for d in daftar}
    tambah = False
    for d in tambahan:
        if d.pk not in ada:
            daftar.append(d)
            ada.add(d.pk)
            tambah = True
    if tambah:
        daftar.sort(key=lambda d: d.urutan)
    return daftar


def acuan(kode: str) -> DasarHukum | None:
    """Satu peraturan menurut kodenya (mis. Pergub kode etik untuk kalimat yang menyebut pasalnya)."""
    return DasarHukum.objects.filter(kode=kode).first()
