"""Demo pengaduan: sekitar 25 pengaduan beberapa bulan terakhir di setiap status, pada beberapa unit
(termasuk Dinkes dan Samsat Samarinda yang akun demonya ada di README), sebagian dari SP4N-LAPOR!.

Semua lewat service yang sama dengan portal; sesudahnya tanggal diterima dan riwayat digeser ke masa lalu
agar daftar dan halaman lacak tampak seperti berjalan berbulan-bulan. Pengaduan yang uraiannya sudah ada di
unit yang sama dilewati, sehingga langkah ini aman diulang.
"""

from datetime import timedelta

from django.utils import timezone

from akun.models import PERAN_UNIT, Pengguna, Peran
from kode_etik.models import Penyelenggara

from . import services
from .demo_kasus import kasus_demo
from .models import Pengaduan, RiwayatStatusPengaduan

S = Pengaduan.Status
ALUR = {
    S.DITERIMA: [],
    S.DIVERIFIKASI: [S.DIVERIFIKASI],
    S.DITINDAKLANJUTI: [S.DIVERIFIKASI, S.DITINDAKLANJUTI],
    S.SELESAI: [S.DIVERIFIKASI, S.DITINDAKLANJUTI, S.SELESAI],
    S.DITOLAK: [S.DITOLAK],
}
KETERANGAN = {
    S.DIVERIFIKASI: "Pengaduan Anda sudah kami verifikasi dan sedang diperiksa oleh atasan langsung petugas.",
    S.DITINDAKLANJUTI: "Petugas yang bersangkutan telah dipanggil untuk dimintai keterangan.",
    S.SELESAI: "Pemeriksaan selesai; pembinaan telah diberikan dan prosedur loket diperbaiki. Terima kasih.",
}
ALASAN_DITOLAK = (
    "Pengaduan tidak memuat cukup keterangan untuk ditindaklanjuti dan pelapor tidak dapat dihubungi."
)

# (unit, saluran, nomor LAPOR!, hari lalu, status akhir, uraian, nama disebut, nama pelapor)
PENGADUAN = [
    (
        "PD-DINKES",
        "formulir",
        "",
        3,
        S.DITERIMA,
        "Pengurusan izin praktik bidan tertahan tiga minggu tanpa kabar.",
        "",
        "Sari",
    ),
    (
        "PD-DINKES",
        "sp4n_lapor",
        "7712045",
        9,
        S.DIVERIFIKASI,
        "Loket rekomendasi izin tutup pada jam layanan, petugas tidak ada di tempat.",
        "",
        "",
    ),
    (
        "PD-DINKES",
        "formulir",
        "",
        21,
        S.DITINDAKLANJUTI,
        "Petugas meminta biaya tambahan untuk mempercepat surat keterangan sehat.",
        "Pak Hendra (loket 2)",
        "Warga Samarinda",
    ),
    (
        "PD-DINKES",
        "surat",
        "",
        48,
        S.SELESAI,
        "Petugas berbicara kasar kepada lansia yang menanyakan persyaratan.",
        "",
        "Hj. Nurhayati",
    ),
    (
        "PD-DINKES",
        "telepon",
        "",
        70,
        S.DITOLAK,
        "Keluhan layanan tanpa keterangan unit dan waktu kejadian.",
        "",
        "",
    ),
    (
        "UPTD-LABKES",
        "formulir",
        "",
        14,
        S.DIVERIFIKASI,
        "Hasil uji laboratorium air terlambat dua minggu dari janji layanan.",
        "",
        "CV Tirta Mahakam",
    ),
    (
        "UOBK-AWS",
        "sp4n_lapor",
        "LPR-7713390",
        33,
        S.DITINDAKLANJUTI,
        "Pasien BPJS diminta membeli obat sendiri di luar rumah sakit.",
        "",
        "",
    ),
    (
        "UOBK-AWS",
        "formulir",
        "",
        95,
        S.SELESAI,
        "Antrean pendaftaran poli tidak tertib, nomor antrean dijual.",
        "petugas parkir",
        "Rahmat",
    ),
    (
        "UPTD-SAMSAT-SMD",
        "formulir",
        "",
        1,
        S.DITERIMA,
        "Calo menawarkan jasa di dalam gedung dan tampak dibiarkan petugas.",
        "",
        "",
    ),
    (
        "UPTD-SAMSAT-SMD",
        "sp4n_lapor",
        "7709981",
        12,
        S.DIVERIFIKASI,
        "Pembayaran pajak kendaraan ditolak karena sistem, diminta datang lagi berkali-kali.",
        "",
        "",
    ),
    (
        "UPTD-SAMSAT-SMD",
        "formulir",
        "",
        27,
        S.DITINDAKLANJUTI,
        "Petugas meminta uang tambahan Rp50.000 untuk cek fisik kendaraan.",
        "Bapak berkacamata di meja cek fisik",
        "Yusuf",
    ),
    (
        "UPTD-SAMSAT-SMD",
        "langsung",
        "",
        55,
        S.SELESAI,
        "Papan informasi biaya tidak sesuai dengan tarif yang ditagihkan.",
        "",
        "Dewi Lestari",
    ),
    (
        "UPTD-SAMSAT-SMD",
        "media_sosial",
        "",
        80,
        S.DITOLAK,
        "Unggahan media sosial tanpa rincian kejadian.",
        "",
        "",
    ),
    (
        "UPTD-SAMSAT-BPP",
        "formulir",
        "",
        6,
        S.DITERIMA,
        "Layanan Samsat keliling tidak datang sesuai jadwal yang diumumkan.",
        "",
        "",
    ),
    (
        "UPTD-SAMSAT-BPP",
        "sp4n_lapor",
        "7701122",
        40,
        S.SELESAI,
        "STNK hilang, pengurusan dipersulit dengan syarat tambahan di luar standar.",
        "",
        "",
    ),
    (
        "PD-DPMPTSP",
        "formulir",
        "",
        4,
        S.DITERIMA,
        "Permohonan izin usaha daring tidak diproses melewati waktu standar.",
        "",
        "PT Borneo Jaya",
    ),
    (
        "PD-DPMPTSP",
        "sp4n_lapor",
        "7715507",
        18,
        S.DIVERIFIKASI,
        "Petugas meminta berkas fisik padahal layanan dinyatakan daring penuh.",
        "",
        "",
    ),
    (
        "PD-DPMPTSP",
        "kotak_saran",
        "",
        62,
        S.SELESAI,
        "Ruang tunggu tanpa kursi prioritas untuk ibu hamil dan disabilitas.",
        "",
        "",
    ),
    (
        "PD-DISDIKBUD",
        "formulir",
        "",
        8,
        S.DIVERIFIKASI,
        "Legalisir ijazah dikenakan biaya padahal gratis.",
        "",
        "Orang tua siswa",
    ),
    (
        "PD-DISDIKBUD",
        "surat",
        "",
        110,
        S.DITOLAK,
        "Permintaan mutasi guru, bukan pengaduan pelayanan publik.",
        "",
        "",
    ),
    (
        "PD-DISHUB",
        "formulir",
        "",
        16,
        S.DITINDAKLANJUTI,
        "Uji KIR diluluskan tanpa pemeriksaan setelah membayar di luar loket.",
        "",
        "",
    ),
    (
        "PD-DISHUB",
        "sp4n_lapor",
        "7704410",
        130,
        S.SELESAI,
        "Pelayanan izin trayek dihentikan sepihak tanpa pemberitahuan.",
        "",
        "",
    ),
    (
        "PD-DINSOS",
        "formulir",
        "",
        24,
        S.DIVERIFIKASI,
        "Bantuan sosial tidak diterima padahal nama tercantum di daftar.",
        "",
        "",
    ),
    (
        "PD-DINSOS",
        "telepon",
        "",
        150,
        S.SELESAI,
        "Petugas tidak ramah dan menolak melayani tanpa alasan yang jelas.",
        "",
        "Pak Syahrul",
    ),
    (
        "PD-BAPENDA",
        "formulir",
        "",
        38,
        S.DITINDAKLANJUTI,
        "Informasi pajak air permukaan berbeda-beda antarpetugas.",
        "",
        "",
    ),
]


def _pelaku(unit, biro) -> Pengguna:
    """Kepala/operator unit (atau induknya); Biro bila unit tidak memiliki akun."""
    akun = Pengguna.objects.filter(
        peran__in=PERAN_UNIT, penyelenggara__in=[unit.pk, unit.induk_id], is_active=True
    ).order_by("-peran", "pk")
    return akun.first() or biro


def _buat(unit, saluran, nomor, uraian, disebut, pelapor, oleh) -> Pengaduan:
    umum = {
        "penyelenggara": unit,
        "uraian": uraian,
        "nama_pelaksana_disebut": disebut,
        "nama_pelapor": pelapor,
    }
    if saluran == Pengaduan.Saluran.FORMULIR:
        return services.pengaduan_kirim_publik(**umum, alamat_ip="127.0.0.1")
    return services.pengaduan_catat(**umum, saluran=saluran, nomor_lapor=nomor, oleh=oleh)


def _geser_ke_masa_lalu(pengaduan: Pengaduan, hari: int) -> None:
    """Tanggal diterima ``hari`` lalu; setiap langkah riwayat beberapa hari sesudahnya (hanya data demo)."""
    awal = timezone.now() - timedelta(days=hari, hours=3)
    Pengaduan.objects.filter(pk=pengaduan.pk).update(diterima_pada=awal)
    riwayat = list(pengaduan.riwayat.order_by("pada", "id"))
    jarak = max(1, hari // (len(riwayat) + 1))
    for i, langkah in enumerate(riwayat):
        RiwayatStatusPengaduan.objects.filter(pk=langkah.pk).update(pada=awal + timedelta(days=i * jarak))


def pengaduan_demo(konteks):
    biro = Pengguna.objects.filter(peran=Peran.BIRO).first()
    unit = {u.kode: u for u in Penyelenggara.objects.filter(kode__in={p[0] for p in PENGADUAN})}
    baru = 0
    for kode, saluran, nomor, hari, akhir, uraian, disebut, pelapor in PENGADUAN:
        if kode not in unit or Pengaduan.objects.filter(penyelenggara=unit[kode], uraian=uraian).exists():
            continue
        oleh = _pelaku(unit[kode], biro)
        pengaduan = _buat(unit[kode], saluran, nomor, uraian, disebut, pelapor, oleh)
        for status in ALUR[akhir]:
            pengaduan = services.pengaduan_ubah_status(
                pengaduan=pengaduan,
                status=status,
                keterangan_publik=KETERANGAN.get(status, ""),
                catatan_internal=f"Catatan petugas demo: tahap {status}.",
                alasan_ditolak=ALASAN_DITOLAK if status == S.DITOLAK else "",
                oleh=oleh,
            )
        _geser_ke_masa_lalu(pengaduan, hari)
        baru += 1
    konteks["stdout"].write(f"Pengaduan baru: {baru} (total {Pengaduan.objects.count()}).")


LANGKAH = [(50, pengaduan_demo)]

# Kasus pelanggaran (sanksi/demo_kasus.py) setelah pengaduan: sebagian kasus dibuka dari pengaduan demo.
LANGKAH.append((55, kasus_demo))
