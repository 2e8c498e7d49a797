"""Penulisan app evaluasi, dikelompokkan per sub-proses; diekspor ulang di sini."""

from .f01 import bukti_hapus, bukti_unggah, evaluasi_ajukan, jawaban_simpan, slot_wajib_kosong
from .f02 import evaluasi_finalkan, evaluasi_kembalikan, evaluasi_selesai_dinilai, penilaian_simpan
from .hasil import hasil_hitung_evaluasi, siklus_hitung_ulang
from .instrumen import (
    indikator_catat_rincian,
    indikator_simpan,
    indikator_validasi,
    instrumen_aktifkan,
    instrumen_catat_rincian,
    instrumen_rincian_wajib_dapat_diubah,
    instrumen_salin,
    instrumen_simpan,
    instrumen_validasi,
)
from .koreksi import evaluasi_koreksi
from .pengingat import pengingat_pengisian_kirim
from .publikasi import (
    alasan_belum_dapat_dipublikasikan,
    publikasi_versi_terbitkan,
    siklus_publikasikan,
    siklus_tarik_publikasi,
    versi_terakhir,
)
from .sanggahan import sanggahan_ajukan, sanggahan_jawab
from .siklus import siklus_buka, siklus_ubah_jendela

__all__ = [
    "alasan_belum_dapat_dipublikasikan",
    "bukti_hapus",
    "bukti_unggah",
    "evaluasi_ajukan",
    "evaluasi_finalkan",
    "evaluasi_kembalikan",
    "evaluasi_koreksi",
    "evaluasi_selesai_dinilai",
    "hasil_hitung_evaluasi",
    "indikator_catat_rincian",
    "indikator_simpan",
    "indikator_validasi",
    "instrumen_aktifkan",
    "instrumen_catat_rincian",
    "instrumen_rincian_wajib_dapat_diubah",
    "instrumen_salin",
    "instrumen_simpan",
    "instrumen_validasi",
    "jawaban_simpan",
    "penilaian_simpan",
    "pengingat_pengisian_kirim",
    "publikasi_versi_terbitkan",
    "sanggahan_ajukan",
    "sanggahan_jawab",
    "siklus_buka",
    "siklus_hitung_ulang",
    "siklus_publikasikan",
    "siklus_tarik_publikasi",
    "siklus_ubah_jendela",
    "slot_wajib_kosong",
    "versi_terakhir",
]
