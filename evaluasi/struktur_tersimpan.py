"""Struktur instrumen (aspek → indikator → slot bukti) dan potret skornya untuk halaman baca, disimpan per
proses dan disahkan ulang setiap permintaan dengan **cap** data instrumen.

Halaman F-01 dan detail evaluasi dibuka paling sering; memuat ulang seluruh indikator (dengan teks level yang
panjang) setiap kali memakan ±5 ms CPU dan 6 kueri. Cap (3 kueri ringan: waktu ubah dan jumlah indikator dan
slot, serta nilai aspek dan kategori) berubah begitu admin atau service mengubah instrumen, sehingga proses
web mana pun tidak pernah menyajikan struktur lama. Service yang menulis (hitung hasil) tetap memuat langsung.
"""

import threading

from django.db.models import Count, Max

from .models import Indikator, InstrumenVersi
from .selectors import struktur_instrumen
from .skor import InstrumenSkor, muat_instrumen_skor

_SIMPANAN: dict[tuple[str, int], tuple[tuple, object]] = {}
_KUNCI = threading.Lock()


def cap_instrumen(instrumen: InstrumenVersi) -> tuple:
    """Sidik data instrumen; disimpan pada objeknya agar satu permintaan menghitungnya sekali."""
    cap = getattr(instrumen, "_cap_struktur", None)
    if cap is None:
        indikator = Indikator.objects.filter(aspek__instrumen=instrumen).aggregate(
            t=Max("updated_at"), n=Count("pk", distinct=True), ts=Max("slot_bukti__updated_at"),
            ns=Count("slot_bukti", distinct=True),
        )  # fmt: skip
        cap = (
            tuple(indikator.values()),
            tuple(instrumen.aspek.values_list("pk", "kode", "nama", "bobot", "urutan")),
            tuple(instrumen.kategori.values_list("kode", "predikat", "batas_bawah", "batas_atas")),
            instrumen.updated_at,
        )
        instrumen._cap_struktur = cap
    return cap


def _tersimpan(jenis: str, instrumen: InstrumenVersi, muat):
    cap = cap_instrumen(instrumen)
    ada = _SIMPANAN.get((jenis, instrumen.pk))
    if ada is not None and ada[0] == cap:
        return ada[1]
    nilai = muat()
    with _KUNCI:
        _SIMPANAN[(jenis, instrumen.pk)] = (cap, nilai)
    return nilai


def struktur_tersimpan(instrumen: InstrumenVersi) -> list:
    """Daftar Aspek dengan indikator dan slot bukti ter-prefetch (hanya dibaca templat)."""
    return _tersimpan("struktur", instrumen, lambda: list(struktur_instrumen(instrumen=instrumen)))


def potret_tersimpan(instrumen: InstrumenVersi) -> InstrumenSkor:
    return _tersimpan("potret", instrumen, lambda: muat_instrumen_skor(instrumen))
