"""Pengguna maya: masuk sekali lewat formulir login, lalu berulang memilih skenario berbobot dan berpikir.

Setiap permintaan dicatat dengan nama aksinya. Galat = status 5xx, galat koneksi/waktu habis, atau status
dan isi yang tidak diharapkan untuk objek milik sendiri (403/404, formulir yang tampil lagi dengan galat,
unggahan yang ditolak, dokumen PDF gagal). Galat menghentikan skenario itu; pengguna lanjut ke skenario
berikutnya setelah jeda pikir, seperti orang yang memuat ulang halaman.
"""

import json
import random
import re
import threading
from datetime import timedelta

from .klien import Respons, Sesi, jam, path_dari
from .statistik import Pencatat

AKSI = [
    "beranda",
    "daftar_evaluasi",
    "siklus",
    "daftar_siklus",
    "daftar_pengaduan",
    "daftar_pelaksana",
    "detail_evaluasi",
    "f01_buka",
    "f01_simpan",
    "bukti_unggah",
    "pdf_minta",
    "pdf_status",
]
# Bobot skenario per jenis pengguna (jumlah relatif per putaran).
BOBOT_UNIT = {
    "beranda": 15,
    "daftar_evaluasi": 10,
    "daftar_pengaduan": 6,
    "daftar_pelaksana": 6,
    "detail_evaluasi": 15,
    "isi_f01": 28,
    "unggah_bukti": 12,
    "status_pdf": 6,
}
BOBOT_BIRO = {
    "beranda": 20,
    "daftar_evaluasi": 15,
    "siklus": 15,
    "daftar_siklus": 5,
    "daftar_pengaduan": 10,
    "daftar_pelaksana": 10,
    "detail_evaluasi_lain": 25,
    # Sejak dokumen adalah rekaman (isu 14), Laporan Hasil Evaluasi diterbitkan Biro; unit membaca statusnya.
    "minta_pdf": 4,
    "status_pdf": 4,
}
JENIS_PDF = "laporan-hasil-evaluasi"
_DOKUMEN = re.compile(rb"/dokumen/([0-9a-f-]{36})/(?:status|unduh)/")
_VERSI = re.compile(rb'<input[^>]*name="versi"[^>]*value="(\d+)"|<input[^>]*value="(\d+)"[^>]*name="versi"')
_STATUS_PDF_SAH = {"antri", "diproses", "selesai"}


class Gagal(Exception):
    """Skenario dihentikan karena satu permintaan gagal (sudah dicatat)."""


class Jadwal:
    """Tanda berhenti bersama dan jumlah pengguna yang sudah masuk."""

    def __init__(self):
        self._berhenti = threading.Event()
        self._kunci = threading.Lock()
        self.sudah_masuk = 0

    def masuk(self) -> None:
        with self._kunci:
            self.sudah_masuk += 1

    def berjalan(self) -> bool:
        return not self._berhenti.is_set()

    def tidur(self, detik: float) -> None:
        self._berhenti.wait(detik)

    def hentikan(self) -> None:
        self._berhenti.set()


def _halaman_ok(r: Respons) -> str | None:
    if r.status == 302 and "/akun/masuk/" in r.lokasi:
        return "302 ke halaman login (sesi hilang)"
    if r.status != 200:
        return f"status {r.status}"
    if not r.jenis_isi.startswith("text/html"):
        return f"jenis isi {r.jenis_isi}"
    return None


def _cuplik(r: Respons, n: int = 160) -> str:
    teks = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.teks()))
    pola = r"(Isian belum disimpan|tidak (di)?simpan|belum diunggah|baru saja disimpan)[^.]*\."
    cocok = re.search(pola, teks)
    return (cocok.group(0) if cocok else teks.strip())[:n]


class PenggunaMaya(threading.Thread):
    def __init__(self, nomor, akun, skenario, *, host, port, pencatat: Pencatat, jadwal: Jadwal, seed, jeda,
                 sandi, pdf_bukti: bytes, hari_ini):  # fmt: skip
        super().__init__(name=f"pengguna-{nomor}", daemon=True)
        self.akun, self.sk, self.p, self.jadwal = akun, skenario, pencatat, jadwal
        self.sesi = Sesi(host, port)
        self.rng = random.Random(seed * 1000 + nomor)  # noqa: S311 (beban bench deterministik)
        self.jeda, self.sandi, self.pdf_bukti = jeda, sandi, pdf_bukti
        self.tanggal_bukti = (hari_ini - timedelta(days=30)).isoformat()
        self.dokumen_code = ""
        self.unggahan = 0
        self.bobot = BOBOT_BIRO if akun.peran == "biro" else BOBOT_UNIT
        self.galat_masuk: str | None = None
        # Mode terbuka (bench/beban_lib/terbuka.py): tanpa jeda pikir, dan permintaan pertama sebuah skenario
        # diukur sejak jadwal kedatangannya (termasuk antre menunggu pengguna bebas).
        self._tanpa_pikir = False
        self._mulai_paksa: float | None = None

    # --- Kerangka --------------------------------------------------------------------------------

    def _minta(self, aksi: str, kirim, periksa=_halaman_ok) -> Respons:
        mulai, self._mulai_paksa = (self._mulai_paksa or jam()), None
        try:
            r = kirim()
        except Exception as e:
            self.p.catat(aksi, mulai, jam() - mulai, f"{type(e).__name__}: {e}")
            raise Gagal from e
        durasi = jam() - mulai
        try:
            galat = f"status {r.status}" if r.status >= 500 else periksa(r)
        except Exception as e:  # noqa: BLE001 — jawaban yang tak terbaca (mis. JSON rusak) juga galat
            galat = f"jawaban tak terbaca: {type(e).__name__}: {e}"
        self.p.catat(aksi, mulai, durasi, f"{galat} — {self.akun.username} {aksi}" if galat else None)
        if galat:
            raise Gagal(galat)
        return r

    def _pikir(self) -> None:
        if not self._tanpa_pikir:
            self.jadwal.tidur(self.rng.uniform(*self.jeda))

    def run(self) -> None:
        try:
            self._masuk()
        except Gagal as e:
            self.galat_masuk = str(e)
            return
        finally:
            self.jadwal.masuk()
        while self.jadwal.berjalan():
            self._satu()
            self._pikir()
        self.sesi.tutup()

    def _satu(self) -> None:
        skenario = self.rng.choices(list(self.bobot), weights=list(self.bobot.values()))[0]
        try:
            getattr(self, f"_s_{skenario}")()
        except Gagal:
            pass  # sudah dicatat; lanjut ke skenario berikutnya
        except Exception as e:  # noqa: BLE001 — cacat bench sendiri tetap terlihat sebagai galat
            self.p.catat_galat(skenario, jam(), f"galat bench: {type(e).__name__}: {e}")

    def masuk(self) -> bool:
        """Mode terbuka: masuk sekali sebelum kedatangan dijadwalkan; False bila gagal (sudah dicatat)."""
        try:
            self._masuk()
        except Gagal as e:
            self.galat_masuk = str(e)
            return False
        return True

    def satu_skenario(self, jadwal: float) -> None:
        """Mode terbuka: satu skenario tanpa jeda pikir, diukur sejak ``jadwal`` kedatangannya."""
        self._tanpa_pikir, self._mulai_paksa = True, jadwal
        self._satu()

    def _masuk(self) -> None:
        self._minta("masuk_form", lambda: self.sesi.get("/akun/masuk/"))

        def periksa(r):
            if r.status != 302 or path_dari(r.lokasi) != "/" or "sessionid" not in self.sesi.cookie:
                return f"login gagal (status {r.status}): {_cuplik(r)}"
            return None

        data = {"username": self.akun.username, "password": self.sandi}
        self._minta("masuk", lambda: self.sesi.post("/akun/masuk/", data), periksa)
        # Seperti peramban: ikuti pengalihan ke beranda (token CSRF berganti saat login).
        self._minta("masuk_beranda", lambda: self.sesi.get("/"))

    # --- Halaman baca ------------------------------------------------------------------------------

    def _get(self, aksi: str, path: str) -> Respons:
        return self._minta(aksi, lambda: self.sesi.get(path))

    def _s_beranda(self):
        self._get("beranda", "/")

    def _s_daftar_evaluasi(self):
        halaman = self.rng.randint(1, 40) if self.akun.peran == "biro" and self.rng.random() < 0.5 else 1
        self._get("daftar_evaluasi", "/evaluasi/" + (f"?halaman={halaman}" if halaman > 1 else ""))

    def _s_siklus(self):
        self._get("siklus", f"/evaluasi/siklus/{self.sk.siklus_code}/")

    def _s_daftar_siklus(self):
        self._get("daftar_siklus", "/evaluasi/siklus/")

    def _s_daftar_pengaduan(self):
        self._get("daftar_pengaduan", "/penegakan/pengaduan/")

    def _s_daftar_pelaksana(self):
        self._get("daftar_pelaksana", "/pelaksana/")

    def _detail(self, code: str) -> Respons:
        r = self._get("detail_evaluasi", f"/evaluasi/{code}/")
        cocok = _DOKUMEN.search(r.isi)
        if cocok and code == self.akun.evaluasi_lalu_code:
            self.dokumen_code = cocok.group(1).decode()
        return r

    def _s_detail_evaluasi(self):
        self._detail(self.akun.evaluasi_code)

    def _s_detail_evaluasi_lain(self):
        self._detail(self.rng.choice(self.sk.evaluasi_semua))

    # --- F-01: buka formulir, isi, simpan (PRG) ----------------------------------------------------

    def _path_f01(self, nomor: int) -> str:
        return f"/evaluasi/{self.akun.evaluasi_code}/indikator/{nomor}/"

    def _buka_f01(self, nomor: int) -> Respons:
        return self._get("f01_buka", self._path_f01(nomor))

    def _s_isi_f01(self):
        nomor = self.rng.choice(list(self.sk.isian_f01))
        path = self._path_f01(nomor)
        r = self._buka_f01(nomor)
        cocok = _VERSI.search(r.isi)
        isian = self.rng.choice(self.sk.isian_f01[nomor])
        hilang = [n for n in isian if f'name="{n}"'.encode() not in r.isi]
        if cocok is None or hilang:
            self.p.catat_galat("f01_buka", jam(), f"formulir F-01 {nomor} tanpa field versi/{hilang}")
            raise Gagal
        versi = (cocok.group(1) or cocok.group(2)).decode()
        self._pikir()
        data = {**isian, "catatan": f"Diisi bench beban ({self.akun.username}).", "versi": versi}

        def periksa(rs):
            if rs.status == 302 and path_dari(rs.lokasi) == path:
                return None
            return f"simpan F-01 {nomor}: status {rs.status}: {_cuplik(rs)}"

        self._minta("f01_simpan", lambda: self.sesi.post(path, data), periksa)
        ikut = self._buka_f01(nomor)
        if b"tersimpan" not in ikut.isi:
            self.p.catat_galat("f01_buka", jam(), f"pesan 'tersimpan' tidak tampil usai simpan F-01 {nomor}")

    # --- Bukti dukung: unggah satu PDF kecil lewat formulir multipart ----------------------------------

    def _s_unggah_bukti(self):
        nomor = self.rng.choice(list(self.sk.slot_pdf))
        path = self._path_f01(nomor)
        halaman = self._buka_f01(nomor)
        self._pikir()
        self.unggahan += 1
        nama = f"Bukti beban {self.akun.username} {self.unggahan}.pdf"
        data = {"slot": self.rng.choice(self.sk.slot_pdf[nomor]), "berlaku_tanggal": self.tanggal_bukti}
        # Kunci kiriman sekali dari formulir yang ditampilkan (core/kiriman.py), seperti peramban.
        kunci = re.search(rb'name="kunci_kiriman" value="([^"]+)"', halaman.isi)
        if kunci:
            data["kunci_kiriman"] = kunci.group(1).decode()
        tujuan = f"{path}bukti/"

        def periksa(rs):
            if rs.status == 302 and path_dari(rs.lokasi).startswith(path + "#bukti-"):
                return None
            return f"unggah bukti {nomor}: status {rs.status} ke {rs.lokasi!r}"

        kirim = lambda: self.sesi.post_berkas(  # noqa: E731
            tujuan, data, "berkas", nama, self.pdf_bukti, "application/pdf", dari=path
        )
        self._minta("bukti_unggah", kirim, periksa)
        ikut = self._buka_f01(nomor)
        if b"diunggah pada" not in ikut.isi:
            self.p.catat_galat("f01_buka", jam(), f"pesan unggah tidak tampil setelah unggah bukti {nomor}")

    # --- PDF: minta render (antre ke worker), lalu pantau statusnya ----------------------------------

    def _s_minta_pdf(self):
        # Laporan Hasil Evaluasi siklus lalu (evaluasi siklus berjalan masih draf, belum berhasil):
        # buka halamannya, tekan "Buat PDF", kembali ke halaman yang sama.
        detail = f"/evaluasi/{self.akun.evaluasi_lalu_code}/"
        path = f"/dokumen/{JENIS_PDF}/{self.akun.evaluasi_lalu_code}/buat/"
        self._detail(self.akun.evaluasi_lalu_code)
        self._pikir()

        def periksa(rs):
            if rs.status == 302 and path_dari(rs.lokasi) == detail:
                return None
            return f"minta PDF: status {rs.status} ke {rs.lokasi!r}"

        # Terbit ulang wajib beralasan; alasan yang sama diabaikan pada terbitan pertama.
        data = {"next": detail, "alasan": "Terbit ulang untuk uji beban"}
        self._minta("pdf_minta", lambda: self.sesi.post(path, data, dari=detail), periksa)
        self._detail(self.akun.evaluasi_lalu_code)

    def _s_status_pdf(self):
        if not self.dokumen_code:
            # Belum pernah meminta: buka halaman laporan tahun lalu (kode dokumen terbaca bila sudah ada).
            self._detail(self.akun.evaluasi_lalu_code)
            return

        def periksa(rs):
            if rs.status != 200 or not rs.jenis_isi.startswith("application/json"):
                return f"status PDF: status {rs.status}"
            isi = json.loads(rs.isi)
            if isi.get("status") not in _STATUS_PDF_SAH:
                return f"dokumen PDF {isi.get('status')}: {isi.get('alasan', '')[:200]}"
            return None

        self._minta("pdf_status", lambda: self.sesi.get(f"/dokumen/{self.dokumen_code}/status/"), periksa)
