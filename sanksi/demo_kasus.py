"""Demo kasus pelanggaran: 13 kasus pada beberapa unit di kedua jalur dan di setiap tahap.

Dinkes dan Samsat Samarinda (akun demo di README) mendapat kasus yang langsung dapat dilanjutkan: Dinkes
satu kasus baru dibuka (pemanggilan), satu sudah ber-BAP terbukti (kepala.dinkes menjatuhkan sanksi), satu
sanksi dengan keberatan menunggu (kepala.dinkes, pejabat penerbit, memutus); Samsat satu rujukan menunggu
hasil dan satu sanksi yang diputus Kepala UPTD Samsat sendiri, keberatannya ditolak, bandingnya kepada
Kepala Bapenda lewat batas (diberitahukan ke Biro). Satu kasus terhadap Kepala Penyelenggara RSKD sudah
disiapkan Biro sampai BAP dan menunggu keputusan Sekretaris Daerah (akun ``sekda``). Satu kasus DPMPTSP
bertanggal tetap Maret–April 2026 menunjukkan tenggat keberatan dan banding yang dihitung melewati Nyepi,
Idulfitri, dan cuti bersama.

Setiap langkah diambil pejabat yang berwenang menurut tabel kewenangan, lewat service yang sama dengan
portal; tanggal buka lalu digeser ke masa lalu agar linimasa masuk akal. Kasus yang uraiannya sudah ada
dilewati, sehingga langkah ini aman diulang.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from akun.demo import akun_kepala_unit
from akun.models import Pengguna, Peran
from kode_etik.models import Larangan, Penyelenggara

from . import services
from .models import (
    Banding,
    BeritaAcaraPemeriksaan,
    Keberatan,
    Pelanggaran,
    Pemanggilan,
    Pemeriksaan,
    Pengaduan,
    Rujukan,
    Sanksi,
)

Tahap = Pelanggaran.Tahap


@dataclass(frozen=True)
class Rencana:
    unit: str
    huruf: str
    sampai: str  # tahap akhir yang dituju
    hari_lalu: int  # kasus dibuka sekian hari lalu; langkah berikutnya menyusul dalam hitungan hari
    uraian: str
    urutan_pelaksana: int = 1  # 0 = Kepala Penyelenggara unit itu sendiri
    keberatan: str = ""  # "", "menunggu", "ditolak", "dikabulkan"
    jenis: str = Sanksi.Jenis.TEGURAN_TERTULIS
    hasil_rujukan: bool = False
    banding: bool = False  # banding menunggu atas keberatan yang ditolak


RENCANA = [
    Rencana(
        "PD-DINKES",
        "a",
        Tahap.DIBUKA,
        3,
        "Meninggalkan loket perizinan tenaga kesehatan tanpa izin atasan pada jam layanan.",
    ),
    Rencana(
        "PD-DINKES",
        "i",
        Tahap.BAP,
        14,
        "Menggunakan bahasa kasar kepada pemohon surat izin praktik yang berkasnya belum lengkap.",
        2,
    ),
    Rencana(
        "PD-DINKES",
        "b",
        Tahap.SANKSI,
        12,
        "Mendahulukan pemohon kenalan dan menunda antrean pemohon lain.",
        3,
        keberatan="menunggu",
    ),
    Rencana(
        "UPTD-LABKES",
        "h",
        Tahap.TIDAK_TERBUKTI,
        30,
        "Diadukan mempersulit pengambilan hasil uji laboratorium agar pemohon memberi imbalan.",
    ),
    Rencana(
        "UPTD-SAMSAT-SMD",
        "c",
        Tahap.DIRUJUK,
        10,
        "Diduga menerima uang di luar ketentuan untuk mempercepat balik nama kendaraan.",
    ),
    Rencana(
        "UPTD-SAMSAT-SMD",
        "e",
        Tahap.DIPANGGIL,
        6,
        "Meminta fotokopi berkas tambahan yang tidak tercantum dalam standar pelayanan.",
        2,
    ),
    Rencana(
        "UPTD-SAMSAT-SMD",
        "m",
        Tahap.SANKSI,
        45,
        "Tidak menerapkan asas keterbukaan: menolak menjelaskan rincian biaya pajak kendaraan.",
        3,
        keberatan="ditolak",
        jenis=Sanksi.Jenis.TEGURAN_LISAN,
        banding=True,
    ),
    Rencana(
        "UOBK-AWS",
        "n",
        Tahap.DIPERIKSA,
        9,
        "Menolak melayani pendaftaran pasien rujukan tanpa alasan yang sesuai standar pelayanan.",
    ),
    Rencana(
        "PD-PUPR",
        "d",
        Tahap.SELESAI,
        60,
        "Diduga nepotisme dalam penunjukan petugas verifikasi persetujuan bangunan gedung.",
        hasil_rujukan=True,
    ),
    Rencana(
        "PD-PUPR",
        "g",
        Tahap.SANKSI,
        50,
        "Menjanjikan rekomendasi teknis terbit lebih cepat dengan imbalan.",
        2,
        keberatan="dikabulkan",
        jenis=Sanksi.Jenis.PEMINDAHAN,
    ),
    Rencana(
        "UPTD-SAMSAT-BPP",
        "k",
        Tahap.DIRUJUK,
        20,
        "Merangkap sebagai pengurus badan usaha biro jasa kendaraan.",
        hasil_rujukan=True,
    ),
    Rencana(
        "UOBK-RSKD",
        "j",
        Tahap.BAP,
        16,
        "Kepala Penyelenggara menambah tenaga honorer loket tanpa persetujuan pejabat berwenang.",
        0,
    ),
]


def _hari(n: int):
    return timezone.localdate() - timedelta(days=n)


def _pelaku(unit: Penyelenggara, admin) -> tuple[Pengguna, Pengguna]:
    """(penyiap, Kepala pemutus) unit itu sendiri (BAB 7): operatornya atau Kepalanya, bukan Kepala induk."""
    kepala = akun_kepala_unit(unit, admin)
    operator = Pengguna.objects.filter(is_active=True, peran=Peran.OPERATOR, penyelenggara=unit).first()
    return operator or kepala, kepala


def _pengaduan_unit(unit) -> Pengaduan | None:
    qs = Pengaduan.objects.filter(penyelenggara=unit, pelanggaran__isnull=True)
    return qs.exclude(status=Pengaduan.Status.DITOLAK).order_by("diterima_pada").first()


def _buka(r: Rencana, unit, pelaksana, penyiap) -> Pelanggaran:
    pengaduan = _pengaduan_unit(unit) if r.huruf in "bhi" else None
    sumber = Pelanggaran.Sumber.PENGADUAN if pengaduan else Pelanggaran.Sumber.TEMUAN_ATASAN
    kasus = services.pelanggaran_buka(
        pelaksana=pelaksana,
        larangan=Larangan.objects.get(huruf=r.huruf),
        uraian=r.uraian,
        sumber=sumber,
        pengaduan=pengaduan,
        oleh=penyiap,
    )
    dibuka = timezone.make_aware(datetime.combine(_hari(r.hari_lalu), time(9, 15)))
    Pelanggaran.objects.filter(pk=kasus.pk).update(dibuka_pada=dibuka)  # demo: kasus dibuka di masa lalu
    kasus.refresh_from_db()
    return kasus


def _administratif(r: Rencana, kasus, penyiap, kepala) -> None:
    urutan = [Tahap.DIPANGGIL, Tahap.DIPERIKSA, Tahap.BAP, Tahap.SANKSI, Tahap.TIDAK_TERBUKTI]
    batas = urutan.index(r.sampai) if r.sampai in urutan else -1
    d = r.hari_lalu
    if batas >= 0:
        services.pemanggilan_catat(
            pelanggaran=kasus,
            nomor_surat=f"800.1.6/{kasus.pk:03d}/{kasus.penyelenggara.singkatan or 'UNIT'}",
            tanggal_surat=_hari(d - 1),
            jadwal=timezone.make_aware(datetime.combine(_hari(max(d - 3, 0)), time(9, 0))),
            tempat=f"Ruang rapat {kasus.penyelenggara.nama_pendek}",
            oleh=penyiap,
        )
    if batas >= 1:
        services.pemeriksaan_catat(
            pelanggaran=kasus,
            tanggal=_hari(max(d - 3, 0)),
            pemeriksa="Kepala Subbagian Umum dan Kepegawaian\nKepala Seksi Pelayanan",
            ringkasan="Terperiksa hadir dan memberi keterangan; dua saksi (petugas dan pemohon) didengar.",
            oleh=penyiap,
        )
    if batas >= 2:
        terbukti = r.sampai != Tahap.TIDAK_TERBUKTI
        services.bap_catat(
            pelanggaran=kasus,
            nomor=f"BAP/{kasus.pk:03d}/{_hari(d).year}",
            tanggal=_hari(max(d - 4, 0)),
            keterangan_terperiksa="Terperiksa mengakui sebagian dan menyatakan tidak akan mengulanginya."
            if terbukti
            else "Terperiksa membantah; tidak ada permintaan imbalan.",
            temuan="Keterangan saksi saling menguatkan."
            if terbukti
            else "Keterangan saksi tidak menguatkan aduan.",
            terbukti=terbukti,
            oleh=penyiap,
        )
    if r.sampai == Tahap.TIDAK_TERBUKTI:
        alasan = (
            "Tidak ada bukti permintaan imbalan; pelapor tidak dapat menunjukkan saksi atau bukti transfer."
        )
        services.pelanggaran_tidak_terbukti(pelanggaran=kasus, alasan=alasan, oleh=kepala)
    if r.sampai == Tahap.SANKSI:
        _sanksi(r, kasus, penyiap, kepala)


def _sanksi(r: Rencana, kasus, penyiap, kepala) -> None:
    pemindahan = {}
    if r.jenis == Sanksi.Jenis.PEMINDAHAN:
        # Pemindahan menutup penempatan berjalan dan mencatat tempat baru (BAB 7 huruf c).
        pemindahan = {"tempat_baru": f"Bagian Arsip {kasus.penyelenggara.nama_pendek}"}
    sanksi = services.sanksi_jatuhkan(
        pelanggaran=kasus,
        jenis=r.jenis,
        nomor_keputusan=f"800.1.6.4/{kasus.pk:03d}/KEP",
        tanggal_keputusan=_hari(r.hari_lalu - 6),
        pertimbangan="Pelanggaran pertama; terperiksa kooperatif selama pemeriksaan.",
        oleh=kepala,
        **pemindahan,
    )
    if not r.keberatan:
        return
    keberatan = services.keberatan_catat(
        sanksi=sanksi,
        tanggal_diterima=_hari(r.hari_lalu - 8),
        alasan="Terperiksa menyatakan perbuatannya tidak seperti yang diuraikan dan meminta saksi tambahan.",
        oleh=penyiap,
    )
    if r.keberatan == "menunggu":
        return
    # Keberatan diputus pejabat penerbit keputusan (tabel kewenangan: Kepala unit itu sendiri).
    services.keberatan_putus(
        keberatan=keberatan,
        dikabulkan=r.keberatan == "dikabulkan",
        pertimbangan="Dipertimbangkan bersama keterangan saksi tambahan dan rekaman CCTV loket.",
        tanggal_putusan=_hari(r.hari_lalu - 11),
        oleh=kepala,
    )
    if r.banding:
        # Banding kepada atasan penerbit (Kepala PD induk bagi Kepala UPTD), dicatat induk; belum diputus.
        induk = kasus.penyelenggara.induk
        services.banding_catat(
            keberatan=keberatan,
            tanggal_diterima=_hari(r.hari_lalu - 15),
            alasan="Terperiksa meminta atasan Kepala UPTD meninjau ulang keputusan keberatan.",
            oleh=akun_kepala_unit(induk, _admin()),
        )


def _rujukan(r: Rencana, kasus, penyiap) -> None:
    rujukan = services.rujukan_catat(
        pelanggaran=kasus,
        instansi="inspektorat" if r.huruf != "k" else "bkd",
        nama_instansi="Inspektorat Daerah Provinsi Kalimantan Timur"
        if r.huruf != "k"
        else "Badan Kepegawaian Daerah Provinsi Kalimantan Timur",
        nomor_surat=f"700.1/{kasus.pk:03d}/RUJ",
        tanggal=_hari(r.hari_lalu - 2),
        oleh=penyiap,
    )
    if r.hasil_rujukan:
        services.rujukan_hasil_catat(
            rujukan=rujukan,
            hasil="Laporan hasil pemeriksaan diterima; ditindaklanjuti sesuai peraturan disiplin ASN.",
            hasil_tanggal=_hari(max(r.hari_lalu - 15, 0)),
            oleh=penyiap,
        )
    if r.sampai == Tahap.SELESAI:
        services.pelanggaran_selesaikan(pelanggaran=kasus, oleh=penyiap)


def _admin() -> Pengguna:
    return Pengguna.objects.filter(peran=Peran.ADMIN, is_active=True).order_by("pk").first()


def _jalankan(r: Rencana, biro) -> bool:
    unit = Penyelenggara.objects.select_related("kepala", "induk").filter(kode=r.unit).first()
    if unit is None or Pelanggaran.objects.filter(penyelenggara=unit, uraian=r.uraian).exists():
        return False
    staf = list(unit.pelaksana.filter(aktif=True).exclude(pk=unit.kepala_id).order_by("nama"))
    pelaksana = unit.kepala if r.urutan_pelaksana == 0 else staf[(r.urutan_pelaksana - 1) % len(staf)]
    penyiap, kepala = _pelaku(unit, _admin())
    if r.urutan_pelaksana == 0:
        # Kasus Kepala Penyelenggara: dibuka dan disiapkan Biro; keputusan menunggu Sekretaris Daerah.
        penyiap = kepala = biro
    kasus = _buka(r, unit, pelaksana, penyiap)
    if kasus.jalur == Pelanggaran.Jalur.ADMINISTRATIF:
        _administratif(r, kasus, penyiap, kepala)
    else:
        _rujukan(r, kasus, penyiap)
    _geser_waktu_catat(kasus)
    return True


def _pada(tanggal, jam=10):
    return timezone.make_aware(datetime.combine(tanggal, time(jam, 0)))


def _geser_waktu_catat(kasus) -> None:
    """Demo: waktu pencatatan setiap langkah disamakan dengan tanggal langkahnya (bukan saat demo dimuat)."""
    terakhir = None
    for model, kolom in (
        (Pemanggilan, "tanggal_surat"),
        (Pemeriksaan, "tanggal"),
        (BeritaAcaraPemeriksaan, "tanggal"),
        (Sanksi, "tanggal_keputusan"),
    ):
        for pk, tanggal in model.objects.filter(pelanggaran=kasus).values_list("pk", kolom):
            model.objects.filter(pk=pk).update(created_at=_pada(tanggal))
            terakhir = tanggal
    for pk, tanggal, hasil_tanggal in kasus.rujukan.values_list("pk", "tanggal", "hasil_tanggal"):
        Rujukan.objects.filter(pk=pk).update(created_at=_pada(tanggal))
        terakhir = max(terakhir or tanggal, hasil_tanggal or tanggal)
    for model, jalur in ((Keberatan, "sanksi__pelanggaran"), (Banding, "keberatan__sanksi__pelanggaran")):
        for pk, tanggal, putus in model.objects.filter(**{jalur: kasus}).values_list(
            "pk", "tanggal_diterima", "tanggal_putusan"
        ):
            model.objects.filter(pk=pk).update(created_at=_pada(tanggal))
            if putus:
                model.objects.filter(pk=pk).update(diputus_pada=_pada(putus, 14))
    if kasus.ditutup_pada and terakhir:
        Pelanggaran.objects.filter(pk=kasus.pk).update(ditutup_pada=_pada(terakhir, 15))


# Kasus bertanggal tetap: tenggat hari kerja yang melewati Nyepi, Idulfitri 1447 H, cuti bersama, dan Wafat
# Yesus Kristus 2026 (data hari libur 2026). Keberatan diterima Selasa 17 Maret, diputus paling lambat
# Rabu 8 April (10 hari kerja; kalender biasa: 27 Maret); banding kepada Sekretaris Daerah.
URAIAN_IDULFITRI = (
    "Menunda penerbitan izin usaha menjelang Idulfitri sambil meminta uang lelah kepada pemohon."
)
TANGGAL_IDULFITRI = {
    "dibuka": date(2026, 2, 23), "surat": date(2026, 2, 25), "periksa": date(2026, 3, 2),
    "bap": date(2026, 3, 4),
    "sanksi": date(2026, 3, 9), "keberatan": date(2026, 3, 17), "putus_keberatan": date(2026, 4, 7),
    "banding": date(2026, 4, 14), "putus_banding": date(2026, 4, 27),
}  # fmt: skip


def _kasus_idulfitri(biro) -> bool:
    unit = Penyelenggara.objects.select_related("kepala").filter(kode="PD-DPMPTSP").first()
    sekda = Pengguna.objects.filter(peran=Peran.SEKDA, is_active=True).order_by("pk").first()
    t = TANGGAL_IDULFITRI
    if unit is None or sekda is None or timezone.localdate() <= t["putus_banding"]:
        return False
    if Pelanggaran.objects.filter(penyelenggara=unit, uraian=URAIAN_IDULFITRI).exists():
        return False
    penyiap, kepala = _pelaku(unit, _admin())
    pelaksana = unit.pelaksana.filter(aktif=True).exclude(pk=unit.kepala_id).order_by("nama").first()
    kasus = services.pelanggaran_buka(
        pelaksana=pelaksana, larangan=Larangan.objects.get(huruf="h"), uraian=URAIAN_IDULFITRI,
        sumber=Pelanggaran.Sumber.TEMUAN_ATASAN, oleh=penyiap,
    )  # fmt: skip
    Pelanggaran.objects.filter(pk=kasus.pk).update(dibuka_pada=_pada(t["dibuka"], 9))
    kasus.refresh_from_db()
    services.pemanggilan_catat(
        pelanggaran=kasus, nomor_surat="800.1.6/031/DPMPTSP", tanggal_surat=t["surat"],
        jadwal=_pada(t["periksa"], 9), tempat="Ruang rapat DPMPTSP", oleh=penyiap,
    )  # fmt: skip
    services.pemeriksaan_catat(
        pelanggaran=kasus, tanggal=t["periksa"], pemeriksa="Sekretaris DPMPTSP\nKepala Bidang Pelayanan",
        ringkasan="Terperiksa mengakui menunda berkas; dua pemohon memberi keterangan.", oleh=penyiap,
    )  # fmt: skip
    services.bap_catat(
        pelanggaran=kasus, nomor="BAP/031/DPMPTSP/2026", tanggal=t["bap"],
        keterangan_terperiksa="Mengakui menunda berkas, membantah meminta uang.",
        temuan="Dua pemohon menguatkan permintaan uang lelah.", terbukti=True, oleh=penyiap,
    )  # fmt: skip
    sanksi = services.sanksi_jatuhkan(
        pelanggaran=kasus, jenis=Sanksi.Jenis.TEGURAN_TERTULIS, nomor_keputusan="800.1.6.4/031/KEP/DPMPTSP",
        tanggal_keputusan=t["sanksi"], pertimbangan="Terbukti mempersulit pelayanan untuk mendapat imbalan.",
        oleh=kepala,
    )  # fmt: skip
    keberatan = services.keberatan_catat(
        sanksi=sanksi, tanggal_diterima=t["keberatan"], oleh=penyiap,
        alasan="Terperiksa menyatakan penundaan karena sistem perizinan gangguan menjelang libur Idulfitri.",
    )  # fmt: skip
    services.keberatan_putus(
        keberatan=keberatan, dikabulkan=False, tanggal_putusan=t["putus_keberatan"], oleh=kepala,
        pertimbangan="Log sistem menunjukkan layanan berjalan normal pada tanggal yang diadukan.",
    )  # fmt: skip
    banding = services.banding_catat(
        keberatan=keberatan, tanggal_diterima=t["banding"], oleh=biro,
        alasan="Terperiksa meminta Sekretaris Daerah meninjau keputusan keberatan.",
    )  # fmt: skip
    services.banding_putus(
        banding=banding, dikabulkan=False, tanggal_putusan=t["putus_banding"], oleh=sekda,
        pertimbangan="Keputusan keberatan telah mempertimbangkan keterangan para pihak; sanksi tetap.",
    )  # fmt: skip
    kasus.refresh_from_db()
    _geser_waktu_catat(kasus)
    return True


def kasus_demo(konteks):
    biro = Pengguna.objects.filter(peran=Peran.BIRO, is_active=True).order_by("pk").first()
    baru = sum(_jalankan(r, biro) for r in RENCANA) + _kasus_idulfitri(biro)
    # Pengingat tenggat keputusan dan tanda lewat batas ke Biro, seperti jadwal harian beat (aman diulang).
    services.upaya_pengingat_kirim(tanggal=timezone.localdate())
    konteks["stdout"].write(f"Kasus pelanggaran demo baru: {baru} (total {Pelanggaran.objects.count()}).")
