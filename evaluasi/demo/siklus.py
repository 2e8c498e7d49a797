"""Demo monev: satu siklus berjalan dengan evaluasi di setiap status, isian F-01, bukti, nilai F-02, hasil.

Jendela fase siklus demo sengaja saling tumpang tindih di sekitar hari ini agar setiap peran dapat langsung
mencoba pekerjaannya (operator mengisi, Kepala mengajukan, Biro menilai dan memfinalkan). Semua langkah
memakai service yang sama dengan portal. Setiap unit lokus mendapat akun Kepala tanpa kata sandi
(``kepala.<kode>``) sebagai pelaku pengisian demo; admin dapat memberinya kata sandi.
"""

import random
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from akun.models import Pengguna, Peran
from akun.services import pengguna_simpan
from kaltim_yanlik.core.berkas_contoh import pdf_contoh

from .. import services
from ..jendela import hari_ini
from ..models import Evaluasi, Indikator, Sanggahan, SiklusMonev
from ..selectors import instrumen_terbaru
from ..usulan_level import usulkan_level

TAHUN_DEMO = 2026
Status = Evaluasi.Status
# Unit yang akun demonya tercantum di README mendapat keadaan tertentu agar langsung bisa dicoba.
# RSUD AWS (di bawah Dinkes) sudah dinilai: kepala.dinkes dapat langsung mencoba sanggahan atas levelnya.
KEADAAN_KHUSUS = {
    "PD-DINKES": "sebagian",
    "UOBK-AWS": Status.DINILAI,
    "UPTD-SAMSAT-SMD": Status.DIKEMBALIKAN,
}
# Sisa lokus dibagi: sebagian besar selesai, sisanya masih di tengah alur atau belum mulai.
POLA_STATUS = [Status.FINAL] * 5 + [Status.DINILAI] * 3 + [Status.DIAJUKAN] * 3 + [Status.DRAF] * 2


def _isian_acak(indikator: Indikator, rng: random.Random, condong: float) -> dict:
    """Jawaban F-01 acak yang sah menurut definisi indikator; ``condong`` mendorong jawaban ke arah baik."""
    isian = {}
    for masukan in indikator.opsi_f01.get("masukan", []):
        jenis, opsi = masukan["jenis"], [o["kode"] for o in masukan.get("opsi", [])]
        if jenis == "ya_tidak":
            isian[masukan["kode"]] = rng.random() < condong
        elif jenis == "ceklis":
            isian[masukan["kode"]] = [o for o in opsi if rng.random() < condong]
        elif jenis == "pilihan" and opsi:
            isian[masukan["kode"]] = opsi[min(len(opsi) - 1, int(rng.random() * condong * len(opsi) * 1.3))]
        elif jenis == "jumlah":
            isian[masukan["kode"]] = rng.randint(0, 40)
        elif jenis == "persen":
            isian[masukan["kode"]] = round(min(100, rng.random() * 130 * condong))
    return isian


def _akun_kepala(unit, admin) -> Pengguna:
    username = f"kepala.{unit.kode.lower()}"
    ada = Pengguna.objects.filter(peran=Peran.KEPALA, penyelenggara=unit).first()
    if ada:
        return ada
    nama = unit.kepala.nama if unit.kepala_id else f"Kepala {unit.nama_pendek}"
    pengguna = Pengguna(username=username, nama=nama, peran=Peran.KEPALA, penyelenggara=unit)
    return pengguna_simpan(pengguna=pengguna, oleh=admin)


def _isi_f01(evaluasi, indikator_list, oleh, rng, condong, berapa=None):
    for indikator in indikator_list[:berapa]:
        isian = _isian_acak(indikator, rng, condong)
        try:
            usulkan_level(indikator, isian)
        except ValueError:
            isian = {}
        services.jawaban_simpan(
            evaluasi=evaluasi, indikator=indikator, isian=isian, catatan="", versi=0, oleh=oleh
        )


def _unggah_bukti_wajib(evaluasi, oleh, tanggal):
    for slot in services.slot_wajib_kosong(evaluasi):
        berkas = SimpleUploadedFile(f"{slot.nama[:40]}.pdf", pdf_contoh(slot.nama), "application/pdf")
        services.bukti_unggah(evaluasi=evaluasi, slot=slot, berkas=berkas, berlaku_tanggal=tanggal, oleh=oleh)


def _nilai_f02(evaluasi, indikator_list, biro, rng):
    usulan = dict(evaluasi.jawaban.values_list("indikator_id", "level_usulan"))
    for indikator in indikator_list:
        level = max(0, min(5, (usulan.get(indikator.pk) or 0) + rng.choice([-1, 0, 0, 0, 1])))
        services.penilaian_simpan(
            evaluasi=evaluasi,
            indikator=indikator,
            level=level,
            alasan="",
            catatan="Sesuai bukti dukung yang diunggah." if level else "Bukti dukung tidak tersedia.",
            rekomendasi=""
            if level >= 4
            else "Lengkapi bukti dukung dan tingkatkan pemenuhan unsur indikator.",
            oleh=biro,
        )


def _jalankan_sampai(evaluasi, tujuan, *, kepala, biro, indikator, rng, tanggal):
    condong = rng.uniform(0.45, 0.95)
    _isi_f01(evaluasi, indikator, kepala, rng, condong)
    _unggah_bukti_wajib(evaluasi, kepala, tanggal)
    services.evaluasi_ajukan(evaluasi=evaluasi, oleh=kepala)
    if tujuan == Status.DIAJUKAN:
        return
    if tujuan == Status.DIKEMBALIKAN:
        alasan = {
            indikator[1].nomor: "Berita acara Forum Konsultasi Publik belum ditandatangani pimpinan.",
            indikator[
                4
            ].nomor: "Maklumat pelayanan belum dipublikasikan secara elektronik; unggah tangkapan layar.",
        }
        services.evaluasi_kembalikan(evaluasi=evaluasi, alasan_per_indikator=alasan, oleh=biro)
        return
    _nilai_f02(evaluasi, [i for i in indikator if not i.suplemen], biro, rng)
    services.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=biro)
    if tujuan == Status.FINAL:
        services.evaluasi_finalkan(evaluasi=evaluasi, oleh=biro)


def _buka_siklus(instrumen, biro) -> SiklusMonev:
    h = hari_ini()
    siklus = SiklusMonev(
        tahun=TAHUN_DEMO,
        nama=f"Monev PEKPPP Tahun {TAHUN_DEMO}",
        instrumen=instrumen,
        pengisian_mulai=h - timedelta(days=40),
        pengisian_selesai=h + timedelta(days=7),
        penilaian_mulai=h - timedelta(days=20),
        penilaian_selesai=h + timedelta(days=30),
        perbaikan_mulai=h - timedelta(days=10),
        perbaikan_selesai=h + timedelta(days=40),
        finalisasi_mulai=h - timedelta(days=5),
        finalisasi_selesai=h + timedelta(days=45),
    )
    return services.siklus_buka(siklus=siklus, oleh=biro)


def siklus_demo(konteks):
    if SiklusMonev.objects.filter(tahun=TAHUN_DEMO).exists():
        return
    admin = konteks["admin"]
    biro = Pengguna.objects.get(username="biro")
    siklus = _buka_siklus(instrumen_terbaru(), biro)
    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen).order_by("nomor"))
    rng = random.Random(TAHUN_DEMO)  # noqa: S311 (data demo deterministik)
    tanggal = hari_ini() - timedelta(days=60)
    evaluasi = siklus.evaluasi.select_related("penyelenggara__kepala").order_by("penyelenggara__kode")
    for nomor, ev in enumerate(evaluasi):
        kode = ev.penyelenggara.kode
        keadaan = KEADAAN_KHUSUS.get(kode, POLA_STATUS[nomor % len(POLA_STATUS)])
        if keadaan == Status.DRAF:
            continue
        kepala = _akun_kepala(ev.penyelenggara, admin)
        if keadaan == "sebagian":
            _isi_f01(ev, indikator, kepala, rng, 0.8, berapa=9)
            continue
        _jalankan_sampai(ev, keadaan, kepala=kepala, biro=biro, indikator=indikator, rng=rng, tanggal=tanggal)
    services.siklus_hitung_ulang(siklus=siklus)
    jumlah = {s: siklus.evaluasi.filter(status=s).count() for s in Status.values}
    konteks["stdout"].write(
        f"Siklus {siklus}: {sum(jumlah.values())} lokus — " + ", ".join(f"{s} {n}" for s, n in jumlah.items())
    )


# Sanggahan demo: (keputusan Biro, alasan Kepala, jawaban Biro); keputusan None = masih menunggu jawaban.
CONTOH_SANGGAHAN = [
    (
        None,
        "Dokumen yang belum terunggah saat pengajuan menunjukkan unsur level berikutnya sudah terpenuhi "
        "sejak triwulan lalu; salinannya terlampir.",
        "",
    ),
    (
        True,
        "Evaluator belum melihat laporan tindak lanjut yang kami unggah pada slot lain; laporannya terlampir "
        "kembali di sini.",
        "Laporan tindak lanjut terverifikasi dan memenuhi unsur level yang diminta.",
    ),
    (
        False,
        "Kami menilai pelaksanaan kegiatan sudah rutin walaupun dokumentasinya belum lengkap.",
        "Pelaksanaan rutin belum didukung dokumen yang ditandatangani pimpinan; level tetap.",
    ),
]


def _lingkup_akun_demo(evaluasi) -> bool:
    """Apakah unit ini terjangkau akun demo bersandi (unit di KEADAAN_KHUSUS atau UPTD/UOBK di bawahnya)."""
    unit = evaluasi.penyelenggara
    return unit.kode in KEADAAN_KHUSUS or (unit.induk is not None and unit.induk.kode in KEADAAN_KHUSUS)


def _sanggah_satu(evaluasi, biro, keputusan, alasan, jawaban) -> Sanggahan | None:
    kepala = Pengguna.objects.filter(peran=Peran.KEPALA, penyelenggara=evaluasi.penyelenggara).first()
    penilaian = (
        evaluasi.penilaian.filter(level__lt=5, indikator__suplemen=False)
        .select_related("indikator")
        .order_by("indikator__nomor")
        .first()
    )
    if kepala is None or penilaian is None:
        return None
    lampiran = SimpleUploadedFile(
        "Bukti tambahan.pdf", pdf_contoh("Bukti tambahan sanggahan"), "application/pdf"
    )
    sanggahan = services.sanggahan_ajukan(
        evaluasi=evaluasi,
        indikator=penilaian.indikator,
        level_diminta=penilaian.level + 1,
        alasan=alasan,
        lampiran=[lampiran],
        oleh=kepala,
    )
    if keputusan is None:
        return sanggahan
    level_baru = sanggahan.level_diminta if keputusan else None
    return services.sanggahan_jawab(
        sanggahan=sanggahan, diterima=keputusan, jawaban=jawaban, level_baru=level_baru, oleh=biro
    )


def sanggahan_demo(konteks):
    """Satu sanggahan menunggu jawaban, satu diterima, satu ditolak, pada lokus yang selesai dinilai."""
    siklus = SiklusMonev.objects.filter(tahun=TAHUN_DEMO).first()
    if siklus is None or Sanggahan.objects.filter(evaluasi__siklus=siklus).exists():
        return
    biro = Pengguna.objects.get(username="biro")
    dinilai = siklus.evaluasi.filter(status=Status.DINILAI).select_related("penyelenggara__induk", "siklus")
    # Unit yang terjangkau akun demo bersandi didahulukan, agar pertukarannya dapat dibuka dari akun itu.
    urut = sorted(dinilai, key=lambda e: (not _lingkup_akun_demo(e), e.penyelenggara.kode))
    dibuat = [_sanggah_satu(ev, biro, *contoh) for ev, contoh in zip(urut, CONTOH_SANGGAHAN, strict=False)]
    ringkas = ", ".join(
        f"{s.evaluasi.penyelenggara.kode} ({s.get_status_display().lower()})" for s in dibuat if s
    )
    konteks["stdout"].write(f"Sanggahan demo: {ringkas}")
