"""Penulisan SKM (PermenPANRB 14/2017): periode survei, jawaban responden (formulir dan impor), dan NRR.

Satu periode memakai satu sumber data: jawaban responden *atau* NRR per unsur yang dimasukkan unit (survei
di luar portal). Mencampur keduanya membuat IKM tidak dapat ditelusuri, maka yang satu menolak yang lain.

Kode aksi audit tetap ``evaluasi.skm.*`` seperti sebelum app ``survei`` berdiri sendiri: kode itu pengenal
historis di jejak audit dan saringannya, dan jejak lama tidak pernah ditulis ulang.
"""

import csv
import io
import zipfile
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.grafik import antrekan_sesudah_commit
from kode_etik.models import JenisLayanan

from ..ikm import hitung_ikm
from ..models import UNSUR_FIELDS, PeriodeSKM, ResponSKM
from ..pertanyaan import PROFIL

MAKS_SARAN = 2000
MAKS_BARIS_IMPOR = 10_000
# Galat impor yang ditampilkan; sisanya diringkas agar halaman tetap terbaca untuk berkas yang rusak total.
MAKS_GALAT_DITAMPILKAN = 50
_KOLOM_OPSIONAL = ("usia", "jenis_kelamin", "pendidikan", "pekerjaan", "saran", "jenis_layanan_kode")


class ImporDitolak(DomainError):
    """Berkas impor ditolak; ``galat`` memuat setiap baris buruk sebagai (nomor baris, alasan)."""

    def __init__(self, pesan: str, galat: list[tuple[int, str]] | None = None):
        super().__init__(pesan)
        self.galat = galat or []


def _audit(periode: PeriodeSKM, aksi: str, oleh, data: dict | None = None, objek=None) -> None:
    audit_catat(
        objek=objek or periode, aksi=aksi, oleh=oleh, data=data, penyelenggara_id=periode.penyelenggara_id
    )


def _grafik_antrekan(periode: PeriodeSKM) -> None:
    """Data SKM berubah: grafik NRR dan tren IKM periode ini digambar ulang di latar sesudah commit."""
    from ..tasks import grafik_periode_siapkan_task

    antrekan_sesudah_commit(grafik_periode_siapkan_task, periode.pk)


def _wajib_kelola(oleh, penyelenggara) -> None:
    akses.wajib_ubah_di_unit(oleh, Kemampuan.KELOLA_SKM, penyelenggara)


# --- Periode ---------------------------------------------------------------------------------------


def _simpan_periode(periode: PeriodeSKM) -> PeriodeSKM:
    if periode.mulai and periode.selesai and periode.mulai > periode.selesai:
        raise DomainError("Tanggal mulai periode harus sebelum atau sama dengan tanggal selesai.")
    if not periode.populasi or periode.populasi < 1:
        raise DomainError("Jumlah pengguna layanan (populasi) harus paling sedikit 1.")
    galat_duplikat = "Periode SKM dengan tanggal mulai dan selesai yang sama sudah ada untuk unit ini."
    try:
        periode.full_clean()
        with transaction.atomic():
            periode.save()
    except ValidationError as e:
        # Hanya pelanggaran keunikan yang berarti "sudah ada"; galat lain disampaikan apa adanya.
        daftar = e.error_dict.values() if hasattr(e, "error_dict") else [e.error_list]
        if any(g.code in ("unique", "unique_together") for galat in daftar for g in galat):
            raise DomainError(galat_duplikat) from None
        raise DomainError(" ".join(e.messages)) from None
    except IntegrityError:
        raise DomainError(galat_duplikat) from None
    return periode


@transaction.atomic
def periode_skm_buat(
    *, penyelenggara, nama: str, mulai: date, selesai: date, populasi: int, oleh
) -> PeriodeSKM:
    _wajib_kelola(oleh, penyelenggara)
    periode = PeriodeSKM(
        penyelenggara=penyelenggara,
        nama=(nama or "").strip(),
        mulai=mulai,
        selesai=selesai,
        populasi=populasi,
        dibuat_oleh=oleh,
    )
    _simpan_periode(periode)
    _audit(periode, "evaluasi.skm.periode.dibuat", oleh, {"nama": periode.nama, "populasi": populasi})
    return periode


@transaction.atomic
def periode_skm_ubah(
    *, periode: PeriodeSKM, nama: str, mulai: date, selesai: date, populasi: int, menerima_jawaban: bool, oleh
) -> PeriodeSKM:
    _wajib_kelola(oleh, periode.penyelenggara)
    sebelum = {"nama": periode.nama, "mulai": str(periode.mulai), "selesai": str(periode.selesai)}
    periode.nama, periode.mulai, periode.selesai = (nama or "").strip(), mulai, selesai
    periode.populasi, periode.menerima_jawaban = populasi, menerima_jawaban
    _simpan_periode(periode)
    sesudah = {"nama": periode.nama, "mulai": str(mulai), "selesai": str(selesai)}
    _audit(
        periode,
        "evaluasi.skm.periode.diubah",
        oleh,
        {"sebelum": sebelum, "sesudah": sesudah, "populasi": populasi, "menerima_jawaban": menerima_jawaban},
    )
    _grafik_antrekan(periode)  # nama periode adalah label tren IKM
    return periode


# --- Jawaban responden -----------------------------------------------------------------------------


def alasan_formulir_tutup(periode: PeriodeSKM, hari: date | None = None) -> str:
    """Kosong bila formulir publik periode ini menerima jawaban hari ini; selain itu alasannya."""
    hari = hari or timezone.localdate()
    if periode.sumber == PeriodeSKM.Sumber.NRR:
        return "Periode ini memakai rekap NRR dari unit; jawaban perorangan tidak diterima."
    if not periode.menerima_jawaban:
        return "Formulir survei periode ini sudah ditutup oleh unit."
    if not periode.mulai <= hari <= periode.selesai:
        return "Survei periode ini tidak sedang berlangsung."
    return ""


def _nilai_unsur(jawaban: dict, field: str) -> int:
    nilai = jawaban.get(field)
    if isinstance(nilai, bool) or nilai in (None, ""):
        raise DomainError(f"Jawaban {field.upper()} belum diisi.")
    try:
        angka = int(str(nilai).strip())
    except ValueError:
        raise DomainError(f"Jawaban {field.upper()} harus salah satu pilihan 1–4.") from None
    if not 1 <= angka <= 4:
        raise DomainError(f"Jawaban {field.upper()} harus salah satu pilihan 1–4, bukan {angka}.")
    return angka


def _profil_sah(nama: str, nilai: str) -> str:
    nilai = (nilai or "").strip()
    if not nilai:
        return ""
    for kunci, label in PROFIL[nama]:
        if nilai.lower() in (kunci.lower(), label.lower()):
            return kunci
    raise DomainError(f"Isian {nama.replace('_', ' ')} {nilai!r} tidak dikenal.")


def _saran_sah(saran: str) -> str:
    saran = (saran or "").strip()
    if len(saran) > MAKS_SARAN:
        raise DomainError(f"Saran paling panjang {MAKS_SARAN} karakter.")
    return saran


def _layanan_sah(periode: PeriodeSKM, jenis_layanan):
    if jenis_layanan is not None and jenis_layanan.penyelenggara_id != periode.penyelenggara_id:
        raise DomainError("Jenis layanan yang dipilih bukan milik unit penyelenggara survei ini.")
    return jenis_layanan


def _respons_baru(periode, jawaban: dict, profil: dict, saran: str, jenis_layanan, sumber) -> ResponSKM:
    """Respons yang sudah diperiksa seluruhnya, belum disimpan; pelanggaran pertama → ``DomainError``."""
    nilai = {f: _nilai_unsur(jawaban, f) for f in UNSUR_FIELDS}
    profil_sah = {k: _profil_sah(k, profil.get(k, "")) for k in PROFIL}
    return ResponSKM(
        periode=periode,
        jenis_layanan=_layanan_sah(periode, jenis_layanan),
        saran=_saran_sah(saran),
        sumber=sumber,
        diterima_pada=timezone.now(),
        **nilai,
        **profil_sah,
    )


@transaction.atomic
def respons_kirim_publik(
    *,
    periode: PeriodeSKM,
    jawaban: dict,
    jenis_layanan=None,
    usia: str = "",
    jenis_kelamin: str = "",
    pendidikan: str = "",
    pekerjaan: str = "",
    saran: str = "",
    alamat_ip: str = "",
) -> ResponSKM:
    """Simpan jawaban satu responden formulir publik (tanpa login); setiap unsur wajib bernilai 1–4."""
    alasan = alasan_formulir_tutup(periode)
    if alasan:
        raise DomainError(alasan)
    profil = {"usia": usia, "jenis_kelamin": jenis_kelamin, "pendidikan": pendidikan, "pekerjaan": pekerjaan}
    respons = _respons_baru(periode, jawaban, profil, saran, jenis_layanan, ResponSKM.Sumber.FORMULIR)
    respons.save()
    _audit(periode, "evaluasi.skm.respons.diterima", None, {"alamat_ip": alamat_ip}, objek=respons)
    _grafik_antrekan(periode)
    return respons


# --- Impor berkas ----------------------------------------------------------------------------------


def _wajib_berkas_impor(berkas) -> str:
    """Jenis berkas ("csv"/"xlsx") dari nama dan isinya; ukuran, kekosongan, dan samaran ditolak."""
    maks = settings.IMPOR_UKURAN_MAKS
    if not berkas or not getattr(berkas, "size", 0):
        raise ImporDitolak("Berkas kosong. Pilih berkas CSV atau XLSX yang berisi data.")
    if berkas.size > maks:
        raise ImporDitolak(f"Berkas {berkas.size / 1_048_576:.1f} MB melebihi batas {maks // 1_048_576} MB.")
    nama = (berkas.name or "").lower()
    berkas.seek(0)
    kepala = berkas.read(8)
    berkas.seek(0)
    if nama.endswith(".xlsx"):
        if not kepala.startswith(b"PK\x03\x04"):
            raise ImporDitolak("Isi berkas bukan XLSX yang sah. Simpan ulang dari aplikasi lembar kerja.")
        return "xlsx"
    if nama.endswith(".csv"):
        if b"\x00" in kepala or kepala.startswith((b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff")):
            raise ImporDitolak("Isi berkas bukan teks CSV. Hanya CSV atau XLSX yang diterima.")
        return "csv"
    raise ImporDitolak("Jenis berkas tidak diterima. Hanya CSV (pemisah titik koma atau koma) atau XLSX.")


def _baris_csv(berkas) -> list[list]:
    try:
        teks = berkas.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImporDitolak("CSV harus ber-encoding UTF-8. Simpan ulang sebagai CSV UTF-8.") from None
    baris_pertama = teks.split("\n", 1)[0]
    # Excel berlokal Indonesia menyimpan CSV dengan titik koma karena koma adalah tanda desimal.
    pemisah = ";" if baris_pertama.count(";") > baris_pertama.count(",") else ","
    if "\x00" in teks:
        raise ImporDitolak("Isi berkas bukan teks CSV. Hanya CSV atau XLSX yang diterima.")
    try:
        return list(csv.reader(io.StringIO(teks), delimiter=pemisah))
    except csv.Error:
        # Mis. sel lebih panjang dari batas modul csv, atau tanda kutip tidak seimbang.
        raise ImporDitolak(
            "Berkas CSV rusak atau isi selnya terlalu panjang. Periksa lalu unggah lagi."
        ) from None


def _baris_xlsx(berkas) -> list[list]:
    from openpyxl import load_workbook

    try:
        buku = load_workbook(berkas, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImporDitolak(
            "Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang lalu unggah lagi."
        ) from None
    try:
        lembar = buku.worksheets[0]
        return [list(b) for b in lembar.iter_rows(values_only=True, max_row=MAKS_BARIS_IMPOR + 2)]
    except Exception:  # noqa: BLE001 — XML lembar rusak/terpotong baru terbaca di sini (ParseError, zip, dst.)
        raise ImporDitolak(
            "Berkas XLSX rusak atau tidak dapat dibaca. Simpan ulang lalu unggah lagi."
        ) from None
    finally:
        buku.close()


def _teks_sel(nilai) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai).strip()


def _kolom(kepala: list) -> dict[str, int]:
    kolom = {_teks_sel(k).lower(): i for i, k in enumerate(kepala) if _teks_sel(k)}
    kurang = [f for f in UNSUR_FIELDS if f not in kolom]
    if kurang:
        raise ImporDitolak(
            f"Baris 1 (judul kolom) tidak memuat kolom {', '.join(kurang)}. Kolom wajib: u1 sampai u9; "
            f"opsional: {', '.join(_KOLOM_OPSIONAL)}."
        )
    return kolom


def _cari_layanan(layanan: dict, kode: str):
    if not kode:
        return None
    try:
        return layanan[kode.lower()]
    except KeyError:
        raise DomainError(f"jenis_layanan_kode {kode!r} bukan jenis layanan unit ini.") from None


def _respons_dari_baris(periode, sel: dict, layanan: dict) -> ResponSKM:
    jawaban = {f: sel.get(f, "") for f in UNSUR_FIELDS}
    profil = {k: sel.get(k, "") for k in PROFIL}
    jenis = _cari_layanan(layanan, sel.get("jenis_layanan_kode", ""))
    return _respons_baru(periode, jawaban, profil, sel.get("saran", ""), jenis, ResponSKM.Sumber.IMPOR)


def _layanan_unit(periode) -> dict:
    # Kolom boleh berisi kode UUID jenis layanan atau namanya persis (tanpa beda huruf besar/kecil).
    layanan = {}
    for j in JenisLayanan.objects.filter(penyelenggara=periode.penyelenggara_id):
        layanan[str(j.code)] = layanan[j.nama.lower()] = j
    return layanan


def _urai_semua(periode, baris: list[list]) -> list[ResponSKM]:
    """Periksa setiap baris data; kumpulkan semua galat sebelum memutuskan (semua atau tidak sama sekali)."""
    if not baris:
        raise ImporDitolak("Berkas tidak berisi baris judul kolom.")
    if len(baris) - 1 > MAKS_BARIS_IMPOR:
        # Diperiksa sebelum mengurai: berkas raksasa tidak perlu diurai baris demi baris untuk ditolak.
        raise ImporDitolak(f"Paling banyak {MAKS_BARIS_IMPOR} baris jawaban per berkas; pecah berkasnya.")
    kolom, layanan = _kolom(baris[0]), _layanan_unit(periode)
    respons, galat = [], []
    for nomor, isi in enumerate(baris[1:], start=2):
        sel = {nama: _teks_sel(isi[i]) if i < len(isi) else "" for nama, i in kolom.items()}
        if not any(sel.values()):
            continue  # baris kosong di tengah atau akhir lembar kerja bukan kesalahan
        try:
            respons.append(_respons_dari_baris(periode, sel, layanan))
        except DomainError as e:
            galat.append((nomor, e.pesan))
    if galat:
        raise ImporDitolak(
            f"{len(galat)} baris tidak sah; tidak ada yang diimpor.", galat[:MAKS_GALAT_DITAMPILKAN]
        )
    if not respons:
        raise ImporDitolak("Berkas tidak berisi baris jawaban.")
    return respons


@transaction.atomic
def respons_impor(*, periode: PeriodeSKM, berkas, oleh) -> int:
    """Impor jawaban responden dari CSV/XLSX; satu baris buruk → tidak ada yang diimpor (``ImporDitolak``)."""
    _wajib_kelola(oleh, periode.penyelenggara)
    if periode.sumber == PeriodeSKM.Sumber.NRR:
        raise ImporDitolak("Periode ini memakai rekap NRR; jawaban perorangan tidak dapat diimpor.")
    jenis = _wajib_berkas_impor(berkas)
    baris = _baris_xlsx(berkas) if jenis == "xlsx" else _baris_csv(berkas)
    respons = _urai_semua(periode, baris)
    ResponSKM.objects.bulk_create(respons)
    _audit(periode, "evaluasi.skm.respons.diimpor", oleh, {"jumlah": len(respons), "berkas": berkas.name})
    _grafik_antrekan(periode)
    return len(respons)


# --- NRR -------------------------------------------------------------------------------------------


@transaction.atomic
def nrr_simpan(*, periode: PeriodeSKM, nrr: list, jumlah_responden: int, oleh) -> PeriodeSKM:
    """Simpan rekap NRR U1–U9 dari survei di luar portal; nilainya diperiksa dengan ``hitung_ikm``."""
    _wajib_kelola(oleh, periode.penyelenggara)
    if periode.respons.exists():
        raise DomainError("Periode ini sudah berisi jawaban responden; IKM dihitung dari jawaban itu.")
    try:
        hasil = hitung_ikm(nrr)
    except ValueError as e:
        raise DomainError(str(e)) from None
    if isinstance(jumlah_responden, bool) or not isinstance(jumlah_responden, int) or jumlah_responden < 1:
        raise DomainError("Jumlah responden rekap NRR harus bilangan bulat paling sedikit 1.")
    for field, nilai in zip(UNSUR_FIELDS, nrr, strict=True):
        setattr(periode, f"nrr_{field}", nilai)
    periode.jumlah_responden_nrr = jumlah_responden
    # Rekap menggantikan formulir: jawaban perorangan sesudahnya akan bercampur dengan NRR yang tidak dikenal.
    periode.sumber, periode.menerima_jawaban = PeriodeSKM.Sumber.NRR, False
    periode.save(
        update_fields=[
            *(f"nrr_{f}" for f in UNSUR_FIELDS),
            "jumlah_responden_nrr",
            "sumber",
            "menerima_jawaban",
        ]
    )
    data = {"nrr": [str(n) for n in nrr], "jumlah_responden": jumlah_responden, "ikm": str(hasil.ikm)}
    _audit(periode, "evaluasi.skm.nrr.disimpan", oleh, data)
    _grafik_antrekan(periode)
    return periode
