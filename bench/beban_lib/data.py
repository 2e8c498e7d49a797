"""Basis data bench: buat ulang, migrasi, data demo, lalu perbesar menjadi N lokus dengan akun per unit.

Data demo dimuat lewat perintah ``demo`` yang sama dengan ``make run``; perbesaran memakai ``bulk_create``
(seperti bench lain) agar 1.000 lokus siap dalam hitungan detik, bukan lewat service satu per satu.
Semua fungsi di sini berjalan di proses bench setelah ``django.setup()``.
"""

import io
import random
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

SANDI = "beban-bench-2026"  # noqa: S105 (akun bench di basis data sekali pakai)
PELAKSANA_PER_UNIT = 5
ISIAN_PER_INDIKATOR = 6


@dataclass
class PenggunaMaya:
    """Satu akun yang dipakai satu pengguna maya, dengan objek unitnya sendiri."""

    username: str
    peran: str
    evaluasi_code: str = ""  # evaluasi unit sendiri di siklus berjalan (kosong untuk Biro)
    evaluasi_lalu_code: str = ""  # evaluasi final siklus lalu: subjek Laporan Hasil Evaluasi PDF


@dataclass
class Skenario:
    """Yang diketahui pengguna maya tentang portal: akun, kode objek, dan isian F-01 yang sah."""

    pengguna: list[PenggunaMaya]
    siklus_code: str
    evaluasi_semua: list[str]  # kode evaluasi siklus berjalan (dibuka Biro secara acak)
    # nomor indikator → daftar isian sah {nama field formulir: nilai atau daftar nilai}
    isian_f01: dict[int, list[dict]] = field(default_factory=dict)
    # nomor indikator → kode slot bukti yang menerima PDF
    slot_pdf: dict[int, list[str]] = field(default_factory=dict)
    jumlah_lokus: int = 0


def buat_ulang_basis_data(url: str) -> str:
    """DROP + CREATE basis data pada ``url`` (PostgreSQL); kembalikan namanya."""
    import psycopg

    bagian = urlsplit(url)
    nama = unquote(bagian.path.lstrip("/"))
    if not nama or bagian.scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit(f"DATABASE_URL harus PostgreSQL dengan nama basis data, bukan {url!r}")
    admin = bagian._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as koneksi:
        koneksi.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        koneksi.execute(f'CREATE DATABASE "{nama}"')
    return nama


def muat_demo() -> str:
    """Migrasi dan data demo; kembalikan ringkasan keluaran perintah demo."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    keluaran = io.StringIO()
    call_command("demo", stdout=keluaran)
    return keluaran.getvalue()


def _isian_ke_form(indikator, isian: dict) -> dict:
    """Isian F-01 ``{kode: nilai}`` → nilai POST formulir ``IsianF01Form`` (nama field ``isian_<kode>``)."""
    from evaluasi.forms.f01 import nama_field

    jenis = {m["kode"]: m["jenis"] for m in indikator.opsi_f01.get("masukan", [])}
    data = {}
    for kode, nilai in isian.items():
        if jenis[kode] == "ya_tidak":
            data[nama_field(kode)] = "ya" if nilai else "tidak"
        elif jenis[kode] == "ceklis":
            data[nama_field(kode)] = list(nilai)
        else:
            data[nama_field(kode)] = str(nilai)
    return data


def _isian_sah(indikator, rng: random.Random) -> dict:
    # Pembangkit isian acak yang sama dengan demo monev; kombinasi yang ditolak tangga usulan dibuang.
    from evaluasi.demo.siklus import _isian_acak
    from evaluasi.usulan_level import usulkan_level

    for _ in range(20):
        isian = _isian_acak(indikator, rng, rng.uniform(0.4, 0.95))
        try:
            usulkan_level(indikator, isian)
        except ValueError:
            continue
        return isian
    return {}


def _pool_isian(indikator_list, rng) -> dict:
    """Per indikator: beberapa isian sah (model) untuk data awal."""
    return {i.pk: [_isian_sah(i, rng) for _ in range(ISIAN_PER_INDIKATOR)] for i in indikator_list}


def _buat_unit(jumlah: int) -> list:
    """Separuh Perangkat Daerah baru, separuh UPTD di bawahnya (tidak di bawah unit demo)."""
    from kode_etik.models import Penyelenggara

    jumlah_pd = (jumlah + 1) // 2
    pd = Penyelenggara.objects.bulk_create(
        Penyelenggara(kode=f"PD-BEBAN-{i:04d}", nama=f"Dinas Pelayanan Beban {i:04d}", singkatan=f"DPB{i}")
        for i in range(jumlah_pd)
    )
    uptd = Penyelenggara.objects.bulk_create(
        Penyelenggara(
            kode=f"UPTD-BEBAN-{i:04d}",
            nama=f"UPTD Pelayanan Beban {i:04d}",
            jenis=Penyelenggara.Jenis.UPTD,
            induk=pd[i % len(pd)],
        )
        for i in range(jumlah - jumlah_pd)
    )
    return pd + uptd


def _buat_akun(unit: list, jumlah_biro: int) -> dict:
    """Kepala dan operator setiap unit baru, dan beberapa evaluator Biro; satu hash sandi untuk semua."""
    from django.contrib.auth.hashers import make_password

    from akun.models import Pengguna, Peran

    sandi = make_password(SANDI)  # satu kali PBKDF2: membuat ribuan hash akan lebih lama dari bench-nya
    akun = [
        Pengguna(username=f"biro.beban.{i}", nama=f"Evaluator Beban {i}", peran=Peran.BIRO, password=sandi)
        for i in range(jumlah_biro)
    ]
    for u in unit:
        for peran in (Peran.KEPALA, Peran.OPERATOR):
            nama = f"{peran.label} {u.nama}"[:150]
            akun.append(
                Pengguna(
                    username=f"{peran}.{u.kode.lower()}",
                    nama=nama,
                    peran=peran,
                    penyelenggara=u,
                    password=sandi,
                )
            )
    dibuat = Pengguna.objects.bulk_create(akun, batch_size=2000)
    return {p.username: p for p in dibuat}


def _buat_pelaksana(unit: list) -> None:
    from kode_etik.models import Pelaksana

    Pelaksana.objects.bulk_create(
        (
            Pelaksana(nama=f"Pegawai {u.kode} {j}", jabatan="Pelaksana Layanan", penyelenggara=u)
            for u in unit
            for j in range(PELAKSANA_PER_UNIT)
        ),
        batch_size=5000,
    )


def _buat_evaluasi(siklus, unit: list, akun: dict, indikator_list, rng) -> list:
    """Evaluasi draf di siklus berjalan; sebagian indikator sudah diisi (isian sah, versi 1)."""
    from django.utils import timezone

    from evaluasi.models import Evaluasi, JawabanIndikator
    from evaluasi.usulan_level import usulkan_level

    evaluasi = Evaluasi.objects.bulk_create(Evaluasi(siklus=siklus, penyelenggara=u) for u in unit)
    pool = _pool_isian(indikator_list, rng)
    sekarang = timezone.now()
    jawaban = []
    for ev, u in zip(evaluasi, unit, strict=True):
        pengisi = akun[f"operator.{u.kode.lower()}"]
        for indikator in rng.sample(indikator_list, rng.randint(0, len(indikator_list) // 2)):
            isian = rng.choice(pool[indikator.pk])
            jawaban.append(
                JawabanIndikator(
                    evaluasi=ev,
                    indikator=indikator,
                    isian=isian,
                    level_usulan=usulkan_level(indikator, isian),
                    versi=1,
                    diubah_oleh=pengisi,
                    diubah_pada=sekarang,
                )
            )
    JawabanIndikator.objects.bulk_create(jawaban, batch_size=5000)
    return evaluasi


def _buat_evaluasi_lalu(siklus_lalu, unit: list, rng) -> list:
    """Evaluasi final bernilai di siklus lalu (seperti bench/dokumen_pdf.py), lalu hasil dihitung ulang.

    Laporan Hasil Evaluasi PDF hanya ada untuk evaluasi yang sudah dinilai; unit baru memintanya untuk
    siklus lalu, seperti unit sungguhan mengunduh laporan tahun sebelumnya.
    """
    from evaluasi.models import Evaluasi, Indikator, PenilaianIndikator
    from evaluasi.services import siklus_hitung_ulang

    evaluasi = Evaluasi.objects.bulk_create(
        Evaluasi(siklus=siklus_lalu, penyelenggara=u, status=Evaluasi.Status.FINAL) for u in unit
    )
    indikator = list(Indikator.objects.filter(aspek__instrumen=siklus_lalu.instrumen, suplemen=False))
    PenilaianIndikator.objects.bulk_create(
        (
            PenilaianIndikator(
                evaluasi=e,
                indikator=i,
                level=rng.randint(1, 5),
                catatan="Dokumen pendukung sesuai, namun belum menunjukkan publikasi rutin.",
                rekomendasi="Susun jadwal publikasi bulanan dan dokumentasikan setiap kanal layanan.",
            )
            for e in evaluasi
            for i in indikator
        ),
        batch_size=5000,
    )
    # Siklus lalu demo sudah terbit (final): hasil unit bench dihitung lewat pintu koreksi, satu-satunya
    # jalan sah menulis hasil siklus final; ini data bench sintetis, bukan rekam resmi.
    siklus_hitung_ulang(siklus=siklus_lalu, koreksi=True)
    return evaluasi


def _pilih_pengguna_unit(evaluasi: list, lalu: list, jumlah: int) -> list[PenggunaMaya]:
    """Unit dipilih tersebar merata di antara unit baru; kepala dan operator berselang-seling."""
    langkah = max(1, len(evaluasi) // max(1, jumlah))
    dipilih = list(zip(evaluasi, lalu, strict=True))[::langkah][:jumlah]
    if len(dipilih) < jumlah:
        raise SystemExit(f"Hanya {len(dipilih)} unit baru untuk {jumlah} pengguna unit; tambah --lokus.")
    return [
        PenggunaMaya(
            username=f"{'kepala' if n % 2 == 0 else 'operator'}.{ev.penyelenggara.kode.lower()}",
            peran="kepala" if n % 2 == 0 else "operator",
            evaluasi_code=str(ev.code),
            evaluasi_lalu_code=str(ev_lalu.code),
        )
        for n, (ev, ev_lalu) in enumerate(dipilih)
    ]


def _isian_form_per_nomor(indikator_list, rng) -> dict[int, list[dict]]:
    return {
        i.nomor: [_isian_ke_form(i, _isian_sah(i, rng)) for _ in range(ISIAN_PER_INDIKATOR)]
        for i in indikator_list
    }


def _slot_pdf(instrumen) -> dict[int, list[str]]:
    from evaluasi.models import SlotBukti

    menerima_pdf = [SlotBukti.JenisBerkas.PDF, SlotBukti.JenisBerkas.CAMPURAN]
    slot = SlotBukti.objects.filter(indikator__aspek__instrumen=instrumen, jenis_berkas__in=menerima_pdf)
    hasil: dict[int, list[str]] = {}
    for nomor, code in slot.values_list("indikator__nomor", "code"):
        hasil.setdefault(nomor, []).append(str(code))
    return hasil


def perbesar(*, jumlah_lokus: int, jumlah_biro: int, jumlah_unit_maya: int, seed: int) -> Skenario:
    """Tambah unit sampai siklus berjalan (demo 2026) memuat ``jumlah_lokus`` evaluasi; susun skenario."""
    from django.db import transaction

    from evaluasi.demo.siklus import TAHUN_DEMO
    from evaluasi.models import Evaluasi, Indikator, SiklusMonev

    rng = random.Random(seed)  # noqa: S311 (data bench deterministik, bukan kriptografi)
    siklus = SiklusMonev.objects.select_related("instrumen").get(tahun=TAHUN_DEMO)
    siklus_lalu = SiklusMonev.objects.select_related("instrumen").get(tahun=TAHUN_DEMO - 1)
    indikator_list = list(Indikator.objects.filter(aspek__instrumen=siklus.instrumen).order_by("nomor"))
    kurang = max(0, jumlah_lokus - siklus.evaluasi.count())
    with transaction.atomic():
        unit = _buat_unit(kurang)
        akun = _buat_akun(unit, jumlah_biro)
        _buat_pelaksana(unit)
        evaluasi_baru = _buat_evaluasi(siklus, unit, akun, indikator_list, rng)
        evaluasi_lalu = _buat_evaluasi_lalu(siklus_lalu, unit, rng)
    for ev, u in zip(evaluasi_baru, unit, strict=True):
        ev.penyelenggara = u
    # Setiap evaluator Biro menerbitkan Laporan siklus lalu untuk unit bench yang berbeda.
    pengguna = [
        PenggunaMaya(
            username=f"biro.beban.{i}",
            peran="biro",
            evaluasi_lalu_code=str(evaluasi_lalu[(i * 7) % len(evaluasi_lalu)].code),
        )
        for i in range(jumlah_biro)
    ]
    pengguna += _pilih_pengguna_unit(evaluasi_baru, evaluasi_lalu, jumlah_unit_maya)
    semua = [str(c) for c in Evaluasi.objects.filter(siklus=siklus).values_list("code", flat=True)]
    return Skenario(
        pengguna=pengguna,
        siklus_code=str(siklus.code),
        evaluasi_semua=semua,
        isian_f01=_isian_form_per_nomor(indikator_list, rng),
        slot_pdf=_slot_pdf(siklus.instrumen),
        jumlah_lokus=len(semua),
    )


def antrean_pdf(sejak) -> dict:
    """Jumlah dokumen PDF per status yang diminta sejak ``sejak``, dan durasi render selesai (terurut)."""
    from django.db.models import Count

    from kaltim_yanlik.core.models import DokumenPDF

    qs = DokumenPDF.objects.filter(diminta_pada__gte=sejak)
    hasil: dict = {b["status"]: b["n"] for b in qs.values("status").annotate(n=Count("pk"))}
    selesai = qs.filter(status=DokumenPDF.Status.SELESAI, durasi_md__isnull=False)
    hasil["durasi_md"] = sorted(selesai.values_list("durasi_md", flat=True))
    return hasil
