"""Pemeriksaan murni atas potret instrumen: bobot (§2.2–2.3, §2.9) dan rentang kategori IPP (§2.7).

Fungsi di sini tidak menyentuh basis data: mereka menerima ``InstrumenSkor``, sehingga admin dapat
memeriksa data formulir yang belum disimpan dengan aturan yang sama persis dengan data tersimpan.
Pesan ditujukan kepada admin, dalam Bahasa Indonesia, lengkap dengan jumlah yang salah.
"""

from collections import Counter
from dataclasses import replace
from decimal import Decimal

from kaltim_yanlik.core.exceptions import DomainError

from .skor import InstrumenSkor, KategoriSkor

SERATUS = Decimal(100)
SKALA_MAKS = Decimal(5)
LANGKAH_KATEGORI = Decimal("0.01")  # kategori diputuskan atas IPP yang dibulatkan 2 desimal


class InstrumenTidakValid(DomainError):
    """Instrumen tidak dapat dipakai menilai; ``masalah`` memuat setiap pelanggaran."""

    def __init__(self, masalah: list[str]):
        self.masalah = list(masalah)
        super().__init__("Instrumen belum valid: " + " ".join(self.masalah))


def angka(nilai: Decimal) -> str:
    """Format Indonesia dua desimal: Decimal('95') → '95,00'."""
    return f"{nilai:.2f}".replace(".", ",")


def persen(nilai: Decimal) -> str:
    return f"{angka(nilai)} %"


def _periksa_aspek(aspek) -> list[str]:
    nama = f"aspek {aspek.kode} ({aspek.nama})"
    masalah = [
        f"Indikator suplemen {i.nomor} pada {nama} harus berbobot 0 % (tercatat {persen(i.bobot)})."
        for i in aspek.indikator
        if i.suplemen and i.bobot != 0
    ]
    if aspek.bobot == 0:
        # Aspek 0 % hanya untuk informasi tambahan (aspek VII); indikator dinilai di sana hilang dari IPP.
        if aspek.dinilai:
            nomor = ", ".join(str(i.nomor) for i in aspek.dinilai)
            masalah.append(
                f"Aspek {aspek.kode} ({aspek.nama}) berbobot 0 % tetapi memuat indikator yang dinilai "
                f"({nomor}); tandai sebagai suplemen atau beri bobot aspek."
            )
        return masalah
    jumlah = sum((i.bobot for i in aspek.dinilai), Decimal(0))
    if jumlah != SERATUS:
        masalah.append(f"Jumlah bobot indikator {nama} = {persen(jumlah)} (harus 100 %).")
    return masalah


def periksa_bobot(instrumen: InstrumenSkor) -> list[str]:
    """Masalah bobot: Σ bobot aspek = 100 % dan, per aspek berbobot, Σ bobot indikator dinilai = 100 %."""
    if not instrumen.aspek:
        return ["Instrumen belum memiliki aspek."]
    masalah = []
    jumlah_aspek = sum((a.bobot for a in instrumen.aspek), Decimal(0))
    if jumlah_aspek != SERATUS:
        masalah.append(f"Jumlah bobot aspek = {persen(jumlah_aspek)} (harus 100 %).")
    for aspek in instrumen.aspek:
        masalah += _periksa_aspek(aspek)
    kembar = Counter(i.nomor for a in instrumen.aspek for i in a.indikator)
    masalah += [f"Nomor indikator {n} dipakai lebih dari sekali." for n, k in sorted(kembar.items()) if k > 1]
    return masalah


def _rentang(kategori: KategoriSkor) -> str:
    return f"{angka(kategori.batas_bawah)}–{angka(kategori.batas_atas)}"


def _periksa_sambungan(bawah: KategoriSkor, atas: KategoriSkor) -> list[str]:
    berikut = bawah.batas_atas + LANGKAH_KATEGORI
    if atas.batas_bawah < berikut:
        return [
            f"Kategori {bawah.kode} ({_rentang(bawah)}) dan {atas.kode} ({_rentang(atas)}) tumpang tindih."
        ]
    if atas.batas_bawah > berikut:
        celah = f"{angka(berikut)}–{angka(atas.batas_bawah - LANGKAH_KATEGORI)}"
        return [f"Celah antara kategori {bawah.kode} dan {atas.kode}: IPP {celah} tidak berkategori."]
    return []


def periksa_kategori(instrumen: InstrumenSkor) -> list[str]:
    """Masalah rentang kategori: harus menutup 0,00–5,00 tanpa celah dan tanpa tumpang tindih.

    Rentang inklusif dengan 2 desimal, jadi kategori berikutnya tepat mulai 0,01 di atas batas atas
    kategori sebelumnya (F 0,00–1,00 lalu E 1,01–1,50, dst.).
    """
    if not instrumen.kategori:
        return ["Instrumen belum memiliki kategori IPP."]
    kembar = Counter(k.kode for k in instrumen.kategori)
    masalah = [f"Kode kategori {kode} dipakai lebih dari sekali." for kode, n in kembar.items() if n > 1]
    masalah += [
        f"Kategori {k.kode}: batas bawah {angka(k.batas_bawah)} melebihi batas atas {angka(k.batas_atas)}."
        for k in instrumen.kategori
        if k.batas_bawah > k.batas_atas
    ]
    urut = sorted(instrumen.kategori, key=lambda k: (k.batas_bawah, k.batas_atas))
    if urut[0].batas_bawah != 0:
        masalah.append(
            f"Rentang kategori harus mulai dari 0,00 (terendah: {urut[0].kode} {_rentang(urut[0])})."
        )
    if urut[-1].batas_atas != SKALA_MAKS:
        masalah.append(
            f"Rentang kategori harus berakhir di 5,00 (tertinggi: {urut[-1].kode} {_rentang(urut[-1])})."
        )
    for bawah, atas in zip(urut, urut[1:], strict=False):
        masalah += _periksa_sambungan(bawah, atas)
    return masalah


def periksa_instrumen(instrumen: InstrumenSkor) -> list[str]:
    """Seluruh masalah yang membuat instrumen tidak boleh dipakai menilai."""
    return periksa_bobot(instrumen) + periksa_kategori(instrumen)


def dengan_indikator(instrumen: InstrumenSkor, indikator, *, aspek_pk: int) -> InstrumenSkor:
    """Potret ``instrumen`` seandainya ``indikator`` (IndikatorSkor) disimpan pada aspek ``aspek_pk``.

    Indikator dengan ``pk`` yang sama dilepas dulu dari aspek mana pun, sehingga perubahan nilai maupun
    pemindahan antar-aspek tercermin.
    """
    aspek_baru = []
    for aspek in instrumen.aspek:
        lain = tuple(i for i in aspek.indikator if indikator.pk is None or i.pk != indikator.pk)
        if aspek.pk == aspek_pk:
            lain += (indikator,)
        aspek_baru.append(replace(aspek, indikator=lain))
    return replace(instrumen, aspek=tuple(aspek_baru))
