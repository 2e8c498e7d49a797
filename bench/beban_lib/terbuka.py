"""Beban lingkar terbuka: kedatangan pada laju tetap, tidak menunggu jawaban sebelumnya.

Pada lingkar tertutup (pengguna maya berpikir lalu meminta lagi) server yang lambat memperlambat datangnya
permintaan berikutnya, sehingga p95 tampak lebih baik dari kenyataan. Di sini setiap 1/laju detik satu
skenario tiba; ia dilayani pengguna maya (sesi login) yang sedang bebas, dan waktunya diukur sejak jadwal
kedatangan, termasuk antre bila semua pengguna sedang sibuk.
"""

import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


@dataclass
class HasilTerbuka:
    dijadwalkan: int = 0
    selesai: int = 0
    antre_maks: int = 0


def jalankan(pengguna: list, *, laju: float, mulai: float, akhir: float) -> HasilTerbuka:
    """Jadwalkan kedatangan pada ``laju`` per detik dari ``mulai`` sampai ``akhir`` (jam perf_counter)."""
    bebas: queue.Queue = queue.Queue()
    for p in pengguna:
        bebas.put(p)
    hasil, kunci = HasilTerbuka(), threading.Lock()
    menunggu = [0]

    def layani(jadwal: float) -> None:
        with kunci:
            menunggu[0] += 1
            hasil.antre_maks = max(hasil.antre_maks, menunggu[0])
        p = bebas.get()
        with kunci:
            menunggu[0] -= 1
        try:
            p.satu_skenario(jadwal)
        finally:
            bebas.put(p)
            with kunci:
                hasil.selesai += 1

    with ThreadPoolExecutor(
        max_workers=max(8, 4 * len(pengguna)), thread_name_prefix="kedatangan"
    ) as pelaksana:
        n = 0
        while (jadwal := mulai + n / laju) < akhir:
            tunda = jadwal - time.perf_counter()
            if tunda > 0:
                time.sleep(tunda)
            pelaksana.submit(layani, jadwal)
            n += 1
        hasil.dijadwalkan = n
    return hasil
