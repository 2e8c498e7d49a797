"""Arti "final" di satu tempat (README "Final berarti final").

- Sebuah ``Evaluasi`` berstatus FINAL tidak menerima perubahan F-02 dan jawaban sanggahan lagi.
- Sebuah ``SiklusMonev`` final sejak publikasi pertamanya (punya sedikitnya satu ``PublikasiSiklus``).
  Menarik publikasi menyembunyikannya dari publik tetapi tidak membukanya kembali: hitung ulang, perubahan
  jendela fase, dan isian F-01 pada siklus final ditolak.
- Satu-satunya jalan mengubah level evaluasi final adalah koreksi Biro (``services/koreksi.py``): beralasan,
  berujukan, tercatat di riwayat level, menghitung ulang, memeringkat ulang, dan — bila siklus terbit —
  membuat versi publikasi baru.
"""

from kaltim_yanlik.core.exceptions import DomainError

from .models import Evaluasi, PublikasiSiklus, SiklusMonev


def siklus_final(siklus: SiklusMonev | int) -> bool:
    siklus_id = siklus if isinstance(siklus, int) else siklus.pk
    return PublikasiSiklus.objects.filter(siklus_id=siklus_id).exists()


def wajib_siklus_belum_final(siklus: SiklusMonev, tindakan: str) -> None:
    """Tolak ``tindakan`` (mis. "Hitung ulang") pada siklus yang sudah final."""
    if siklus_final(siklus):
        raise DomainError(
            f"{tindakan} ditolak: {siklus.nama} sudah final sejak dipublikasikan, dan hasilnya adalah rekam "
            "resmi. Perubahan level hanya lewat koreksi Biro Organisasi pada evaluasi yang bersangkutan "
            "(beralasan dan berujukan), yang menerbitkan versi publikasi baru."
        )


def wajib_evaluasi_belum_final(evaluasi: Evaluasi, tindakan: str) -> None:
    """Tolak ``tindakan`` atas evaluasi final atau evaluasi pada siklus final."""
    if evaluasi.status == Evaluasi.Status.FINAL:
        raise DomainError(
            f"{tindakan} ditolak: evaluasi {evaluasi.penyelenggara} sudah final. Level evaluasi final hanya "
            "dapat diubah lewat koreksi Biro Organisasi (dengan alasan dan rujukan)."
        )
    wajib_siklus_belum_final(evaluasi.siklus, tindakan)
