"""Label bahasa Indonesia untuk kode aksi jejak audit dan ringkasan isi ``data`` untuk halaman audit.

Kode aksi (``evaluasi.f02.dinilai``) ditulis oleh service dan tidak pernah diubah, sehingga label hanya
pemetaan tampilan. Aksi yang belum dipetakan (mis. dari app yang baru dibangun) tetap terbaca lewat fallback
yang merangkai segmen kodenya, bukan ditampilkan kosong.

Tabel ini data (teks), bukan impor: core tidak mengenal app domain mana pun. Kode ``evaluasi.skm.*`` dan
``evaluasi.ombudsman.*`` kini ditulis app ``survei`` tetapi tidak diganti, karena jejak lama dan saringan
awalan aksi memakainya.
"""

LABEL_AKSI: dict[str, str] = {
    # Akun dan data induk
    "akun.pengguna.dibuat": "Akun pengguna dibuat",
    "akun.pengguna.diubah": "Akun pengguna diubah",
    "kode_etik.penyelenggara.dibuat": "Penyelenggara ditambahkan",
    "kode_etik.penyelenggara.diubah": "Data Penyelenggara diubah",
    "kode_etik.pelaksana.dibuat": "Pelaksana ditambahkan",
    "kode_etik.pelaksana.diubah": "Data Pelaksana diubah",
    "kode_etik.jenis_layanan.dibuat": "Jenis layanan ditambahkan",
    "kode_etik.jenis_layanan.diubah": "Jenis layanan diubah",
    "kode_etik.norma.dibuat": "Norma kode etik ditambahkan",
    "kode_etik.norma.diubah": "Teks norma kode etik diubah",
    "kode_etik.larangan.dibuat": "Larangan kode etik ditambahkan",
    "kode_etik.larangan.diubah": "Teks larangan kode etik diubah",
    "kode_etik.penempatan.dicatat": "Penempatan Pelaksana dicatat",
    "kode_etik.riwayat_kepala.dibuat": "Masa jabatan Kepala Penyelenggara dicatat",
    "kode_etik.riwayat_kepala.diubah": "Masa jabatan Kepala Penyelenggara diubah",
    "dokumen.diminta": "Dokumen PDF diminta",
    # Data acuan: kewenangan, pejabat penanda tangan, hari libur, dasar hukum, upaya administratif
    "akun.kewenangan.dibuat": "Aturan kewenangan ditambahkan",
    "akun.kewenangan.diubah": "Aturan kewenangan diubah",
    "akun.kewenangan.dihapus": "Aturan kewenangan dihapus",
    "akun.pejabat.dibuat": "Pejabat penanda tangan dicatat",
    "akun.pejabat.diubah": "Data pejabat penanda tangan diubah",
    "akun.pejabat.dihapus": "Pejabat penanda tangan dihapus",
    "core.hari_libur.dibuat": "Hari libur ditambahkan",
    "core.hari_libur.diubah": "Hari libur diubah",
    "core.hari_libur.dihapus": "Hari libur dihapus",
    "core.dasar_hukum.dibuat": "Dasar hukum ditambahkan",
    "core.dasar_hukum.diubah": "Dasar hukum diubah",
    "core.dasar_hukum.dihapus": "Dasar hukum dihapus",
    "core.dasar_hukum_naskah.dibuat": "Dasar hukum dipasang pada jenis naskah",
    "core.dasar_hukum_naskah.diubah": "Dasar hukum jenis naskah diubah",
    "core.dasar_hukum_naskah.dihapus": "Dasar hukum dilepas dari jenis naskah",
    "sanksi.upaya_administratif.dibuat": "Aturan upaya administratif ditambahkan",
    "sanksi.upaya_administratif.diubah": "Aturan upaya administratif (tenggat keberatan/banding) diubah",
    # Monev PEKPPP: instrumen dan siklus
    "evaluasi.instrumen.dibuat": "Instrumen evaluasi dibuat",
    "evaluasi.instrumen.diubah": "Instrumen evaluasi diubah",
    "evaluasi.instrumen.rincian_diubah": "Rincian instrumen diubah",
    "evaluasi.instrumen.diaktifkan": "Instrumen evaluasi diaktifkan",
    "evaluasi.instrumen.disalin": "Instrumen disalin ke tahun baru",
    "evaluasi.indikator.dibuat": "Indikator ditambahkan",
    "evaluasi.indikator.diubah": "Indikator diubah",
    "evaluasi.indikator.rincian_diubah": "Rincian indikator diubah",
    "evaluasi.siklus.dibuka": "Siklus monev dibuka",
    "evaluasi.siklus.diubah": "Jendela siklus monev diubah",
    "evaluasi.siklus.dipublikasikan": "Hasil siklus dipublikasikan",
    "evaluasi.siklus.publikasi_ditarik": "Publikasi hasil siklus ditarik",
    # Monev PEKPPP: pengisian, penilaian, sanggahan
    "evaluasi.f01.disimpan": "Isian F-01 disimpan",
    "evaluasi.bukti.diunggah": "Bukti dukung diunggah",
    "evaluasi.bukti.dihapus": "Bukti dukung dihapus",
    "evaluasi.diajukan": "Penilaian mandiri diajukan",
    "evaluasi.f02.dinilai": "Level indikator dinilai evaluator",
    "evaluasi.dikembalikan": "Evaluasi dikembalikan untuk perbaikan",
    "evaluasi.dinilai": "Evaluasi selesai dinilai",
    "evaluasi.difinalkan": "Hasil evaluasi difinalkan",
    "evaluasi.sanggahan.diajukan": "Sanggahan level diajukan",
    "evaluasi.sanggahan.diterima": "Sanggahan diterima (level diubah)",
    "evaluasi.sanggahan.ditolak": "Sanggahan ditolak",
    "evaluasi.ombudsman.dicatat": "Nilai kepatuhan Ombudsman dicatat",
    "evaluasi.ombudsman.dikoreksi": "Nilai kepatuhan Ombudsman dikoreksi",
    "evaluasi.ombudsman.ambang_dibuat": "Ambang zona Ombudsman ditambahkan",
    "evaluasi.ombudsman.ambang_diubah": "Ambang zona Ombudsman diubah",
    # SKM
    "evaluasi.skm.periode.dibuat": "Periode SKM dibuat",
    "evaluasi.skm.periode.diubah": "Periode SKM diubah",
    "evaluasi.skm.respons.diterima": "Jawaban survei SKM diterima",
    "evaluasi.skm.respons.diimpor": "Jawaban survei SKM diimpor",
    "evaluasi.skm.nrr.disimpan": "Rekap NRR SKM disimpan",
    "evaluasi.skm.rtl.ditambah": "Rencana tindak lanjut SKM ditambahkan",
    "evaluasi.skm.rtl.diubah": "Rencana tindak lanjut SKM diubah",
    "evaluasi.skm.rtl.diselesaikan": "Rencana tindak lanjut SKM diselesaikan",
    # Penegakan: pengaduan
    "sanksi.pengaduan.dikirim_publik": "Pengaduan masuk dari formulir publik",
    "sanksi.pengaduan.dicatat": "Pengaduan dicatat petugas",
    "sanksi.pengaduan.diverifikasi": "Pengaduan diverifikasi",
    "sanksi.pengaduan.ditindaklanjuti": "Pengaduan ditindaklanjuti",
    "sanksi.pengaduan.selesai": "Pengaduan selesai",
    "sanksi.pengaduan.ditolak": "Pengaduan ditolak",
    # Penegakan: kasus pelanggaran
    "sanksi.pelanggaran.dibuka": "Kasus pelanggaran dibuka",
    "sanksi.pelanggaran.dipanggil": "Pelaksana dipanggil",
    "sanksi.pelanggaran.diperiksa": "Pemeriksaan dicatat",
    "sanksi.pelanggaran.bap": "Berita acara pemeriksaan dicatat",
    "sanksi.pelanggaran.sanksi": "Sanksi dijatuhkan",
    "sanksi.pelanggaran.tidak_terbukti": "Kasus ditutup: tidak terbukti",
    "sanksi.pelanggaran.dirujuk": "Kasus dirujuk ke instansi berwenang",
    "sanksi.pelanggaran.hasil_rujukan": "Hasil rujukan dicatat",
    "sanksi.pelanggaran.selesai": "Kasus rujukan selesai",
    "sanksi.pelanggaran.keberatan": "Keberatan atas sanksi dicatat",
    "sanksi.pelanggaran.keberatan_diputus": "Keberatan diputus",
    "sanksi.pelanggaran.banding": "Banding atas keputusan keberatan dicatat",
    "sanksi.pelanggaran.banding_diputus": "Banding diputus",
    # Penghargaan Pelaksana (Kepala Penyelenggara) dan Penyelenggara (Gubernur)
    "penghargaan.periode.dibuat": "Periode penghargaan Pelaksana dibuka",
    "penghargaan.kriteria.bobot_diubah": "Bobot kriteria penghargaan diubah",
    "penghargaan.kriteria.ditambah": "Kriteria penghargaan ditambah",
    "penghargaan.kriteria.dihapus": "Kriteria penghargaan dihapus",
    "penghargaan.tim.ditetapkan": "Tim penilai penghargaan disusun",
    "penghargaan.nominasi.ditambah": "Pelaksana dinominasikan untuk penghargaan",
    "penghargaan.nominasi.dihapus": "Nominasi penghargaan dihapus",
    "penghargaan.penilaian.dimulai": "Penilaian penghargaan dimulai",
    "penghargaan.penilaian.dibuka_kembali": "Penilaian penghargaan dibuka kembali",
    "penghargaan.nilai.disimpan": "Lembar nilai tim penilai disimpan",
    "penghargaan.berjenjang.dinilai": "Nilai penilaian berjenjang dicatat",
    "penghargaan.periode.ditetapkan": "Penerima penghargaan Pelaksana ditetapkan",
    "penghargaan.penyelenggara.diusulkan": "Penghargaan Penyelenggara diusulkan Biro",
    "penghargaan.penyelenggara.dikeluarkan": "Unit dikeluarkan dari usulan penghargaan",
    "penghargaan.penyelenggara.dikembalikan": "Unit dikembalikan ke usulan penghargaan",
    "penghargaan.penyelenggara.ditetapkan": "Keputusan Gubernur tentang penghargaan dicatat",
}

# Nama kelompok untuk fallback dan untuk pilihan awalan aksi di formulir saring.
LABEL_KELOMPOK: dict[str, str] = {
    "akun": "Akun",
    "core": "Data acuan",
    "kode_etik": "Kode etik",
    "dokumen": "Dokumen",
    "evaluasi": "Monev",
    "evaluasi.skm": "SKM",
    "sanksi.pengaduan": "Pengaduan",
    "sanksi.pelanggaran": "Kasus pelanggaran",
    "sanksi": "Penegakan",
    "penghargaan": "Penghargaan",
}

# Pasangan kunci "sebelum/sesudah" yang ditulis service; dirangkai menjadi satu baris "lama → baru".
_PASANGAN = (
    ("level_lama", "level_baru", "level"),
    ("level_usulan_lama", "level_usulan", "level usulan"),
    ("level_semula", "level_diminta", "level diminta"),
    ("tahap_lama", "tahap", "tahap"),
    ("dari", "ke", "status"),
    ("sebelum", "sesudah", "perubahan"),
)

PANJANG_NILAI_MAKS = 120


def label_aksi(aksi: str) -> str:
    """Label yang terbaca manusia; aksi yang belum dipetakan dirangkai dari kelompok dan segmennya."""
    if aksi in LABEL_AKSI:
        return LABEL_AKSI[aksi]
    segmen = aksi.split(".")
    for n in range(len(segmen) - 1, 0, -1):
        kelompok = ".".join(segmen[:n])
        if kelompok in LABEL_KELOMPOK:
            sisa = " ".join(segmen[n:]).replace("_", " ")
            return f"{LABEL_KELOMPOK[kelompok]}: {sisa}"
    return aksi.replace("_", " ") or "(tanpa aksi)"


def _teks(nilai) -> str:
    if nilai is None or nilai == "":
        return "—"
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    if isinstance(nilai, dict) and set(nilai) == {"dari", "ke"}:
        teks = f"{_teks(nilai['dari'])} → {_teks(nilai['ke'])}"
    elif isinstance(nilai, dict):
        teks = "; ".join(f"{k}: {_teks(v)}" for k, v in nilai.items())
    elif isinstance(nilai, list):
        teks = ", ".join(_teks(v) for v in nilai)
    else:
        teks = str(nilai)
    return teks if len(teks) <= PANJANG_NILAI_MAKS else teks[: PANJANG_NILAI_MAKS - 1] + "…"


def _perubahan_dict(lama: dict, baru: dict) -> str:
    """``{"nama": "A"}`` dan ``{"nama": "B"}`` menjadi ``nama: A → B`` hanya untuk kunci yang berbeda."""
    kunci = [k for k in {**lama, **baru} if lama.get(k) != baru.get(k)]
    return "; ".join(f"{k}: {_teks(lama.get(k))} → {_teks(baru.get(k))}" for k in kunci) or "tanpa perubahan"


def ringkas_perubahan(data) -> list[tuple[str, str]]:
    """Baris ``(nama, teks)`` dari ``data`` jejak: pasangan lama/baru dirangkai, sisanya apa adanya.

    Hasilnya teks biasa; templat yang menampilkannya tetap meng-escape (isi ``data`` bisa berasal dari
    masukan pengguna, mis. alasan atau uraian).
    """
    if not isinstance(data, dict):
        return [("data", _teks(data))] if data else []
    sisa = dict(data)
    baris = []
    for kunci_lama, kunci_baru, nama in _PASANGAN:
        if kunci_lama not in sisa or kunci_baru not in sisa:
            continue
        lama, baru = sisa.pop(kunci_lama), sisa.pop(kunci_baru)
        if isinstance(lama, dict) and isinstance(baru, dict):
            baris.append((nama, _perubahan_dict(lama, baru)))
        else:
            baris.append((nama, f"{_teks(lama)} → {_teks(baru)}"))
    baris.extend(_pasangan_semula(sisa))
    baris.extend((str(k), _teks(v)) for k, v in sisa.items())
    return baris


def _pasangan_semula(sisa: dict) -> list[tuple[str, str]]:
    """``data["semula"]`` memuat nilai lama field yang nilai barunya ada di tingkat atas ``data``."""
    semula = sisa.get("semula")
    if not isinstance(semula, dict):
        return []
    sisa.pop("semula")
    baris = []
    for k, lama in semula.items():
        if k in sisa:
            baris.append((str(k), f"{_teks(lama)} → {_teks(sisa.pop(k))}"))
        else:
            baris.append((f"{k} (semula)", _teks(lama)))
    return baris


def pilihan_awalan_aksi() -> list[tuple[str, str]]:
    """Awalan aksi yang umum dipakai auditor, untuk daftar saran di formulir saring."""
    return [(f"{kelompok}.", label) for kelompok, label in LABEL_KELOMPOK.items()]
