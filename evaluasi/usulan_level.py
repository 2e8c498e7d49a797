"""Usulan level 0–5 dari jawaban F-01 (isian mandiri unit lokus), per jenis tangga (regulations.md §2.4).

Setiap indikator menyimpan ``aturan_usulan`` (kunci tangga) dan ``opsi_f01`` (definisi isian). Modul ini
murni: tidak menyentuh basis data, sehingga dapat diuji tanpa DB dan dipakai ulang oleh formulir F-01.

Usulan hanyalah saran untuk evaluator; level akhir tetap diputuskan evaluator di F-02.

Bentuk ``opsi_f01``::

    {
      "masukan": [
        {"kode": "kebijakan_jam", "jenis": "ya_tidak", "label": "...", "syarat": true},
        {"kode": "unsur", "jenis": "ceklis", "label": "...", "opsi": [{"kode": "shift", "label": "..."}]},
        {"kode": "frekuensi", "jenis": "pilihan", "label": "...",
         "opsi": [{"kode": "harian", "label": "...", "level": 5}]},
        {"kode": "masuk", "jenis": "jumlah", "label": "..."},
        {"kode": "realisasi", "jenis": "persen", "label": "..."}
      ],
      "ambang": [1, 2, 3, 4, 5],                           # hanya tangga "hitung"
      "tingkat": [{"level": 1, "syarat": ["lisan"]}]      # hanya tangga "tertinggi"
    }

Jawaban adalah ``{kode masukan: nilai}``: ``bool`` untuk ya_tidak, daftar kode opsi untuk ceklis, satu kode
opsi untuk pilihan, bilangan bulat ≥ 0 untuk jumlah, angka 0–100 untuk persen. Masukan yang tidak dijawab
dianggap "tidak" / kosong / 0, sehingga isian kosong selalu mengusulkan level 0.
"""

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation

LEVEL_MAKS = 5
JENIS_MASUKAN = ("ya_tidak", "ceklis", "pilihan", "jumlah", "persen")
AMBANG_BAKU = (1, 2, 3, 4, 5)

# Kode masukan tetap yang dibaca oleh tangga khusus (dipasang apa adanya oleh migrasi instrumen).
KODE_MEDIA_SP = ("seluruh_komponen", "media", "sippn")
KODE_RTL = ("ada_rtl", "realisasi")
KODE_PENGHARGAAN = ("kriteria", "kinerja")
KODE_PENGADUAN = ("masuk", "selesai", "masuk_lapor", "selesai_lapor")
KODE_INOVASI = ("payung_hukum", "ditetapkan", "kondisi")

Jawaban = Mapping[str, object]


# --- Pembacaan jawaban ---------------------------------------------------------------------------


def _masukan(definisi: Mapping, jenis: str | None = None) -> list[dict]:
    semua = definisi.get("masukan", [])
    return [m for m in semua if jenis is None or m.get("jenis") == jenis]


def _satu_masukan(definisi: Mapping, kode: str) -> dict:
    for masukan in _masukan(definisi):
        if masukan.get("kode") == kode:
            return masukan
    raise ValueError(f"Definisi F-01 tidak memuat masukan '{kode}'.")


def _ya(jawaban: Jawaban, kode: str) -> bool:
    nilai = jawaban.get(kode, False)
    if not isinstance(nilai, bool):
        raise ValueError(f"Jawaban '{kode}' harus Ya/Tidak (True/False), bukan {nilai!r}.")
    return nilai


def _terpilih(masukan: Mapping, jawaban: Jawaban) -> set[str]:
    kode = masukan["kode"]
    nilai = jawaban.get(kode) or []
    if isinstance(nilai, str) or not isinstance(nilai, list | tuple | set | frozenset):
        raise ValueError(f"Jawaban '{kode}' harus berupa daftar opsi, bukan {nilai!r}.")
    dikenal = {opsi["kode"] for opsi in masukan.get("opsi", [])}
    asing = set(nilai) - dikenal
    if asing:
        raise ValueError(f"Opsi tidak dikenal pada '{kode}': {', '.join(sorted(map(str, asing)))}.")
    return set(nilai)


def _pilihan(masukan: Mapping, jawaban: Jawaban) -> dict | None:
    kode = masukan["kode"]
    nilai = jawaban.get(kode)
    if nilai in (None, ""):
        return None
    for opsi in masukan.get("opsi", []):
        if opsi["kode"] == nilai:
            return opsi
    raise ValueError(f"Pilihan tidak dikenal pada '{kode}': {nilai!r}.")


def _jumlah(jawaban: Jawaban, kode: str) -> int:
    nilai = jawaban.get(kode, 0)
    if nilai is None:
        return 0
    if isinstance(nilai, bool) or not isinstance(nilai, int) or nilai < 0:
        raise ValueError(f"Jawaban '{kode}' harus bilangan bulat 0 atau lebih, bukan {nilai!r}.")
    return nilai


def _persen(jawaban: Jawaban, kode: str) -> Decimal:
    nilai = jawaban.get(kode, 0)
    if nilai is None:
        return Decimal(0)
    if isinstance(nilai, bool):
        raise ValueError(f"Jawaban '{kode}' harus persentase 0–100, bukan {nilai!r}.")
    try:
        # str() dulu agar float 80.1 dibaca 80.1, bukan 80.09999….
        persen = Decimal(str(nilai))
    except InvalidOperation:
        raise ValueError(f"Jawaban '{kode}' harus persentase 0–100, bukan {nilai!r}.") from None
    if not persen.is_finite() or not Decimal(0) <= persen <= Decimal(100):
        raise ValueError(f"Jawaban '{kode}' harus persentase 0–100, bukan {nilai!r}.")
    return persen


def _syarat_terpenuhi(definisi: Mapping, jawaban: Jawaban) -> bool:
    return all(_ya(jawaban, m["kode"]) for m in _masukan(definisi, "ya_tidak") if m.get("syarat"))


def _batasi(level: int) -> int:
    return max(0, min(level, LEVEL_MAKS))


# --- Tangga umum ---------------------------------------------------------------------------------


def tangga_hitung(definisi: Mapping, jawaban: Jawaban) -> int:
    """Level = banyaknya ambang yang dicapai oleh jumlah opsi tercentang (ind. 2, 7, 10–12, 14–20, 25, 31).

    Masukan ya_tidak bertanda ``syarat`` harus "Ya" semua, jika tidak level 0 (mis. "tidak tersedia tempat
    parkir"). Ambang baku 1–5 berarti "n opsi → level n, lebih dari 4 → 5". Ambang [0, 1, 2, 3, 4] dipakai
    bila syarat dasar sendiri sudah bernilai level 1 (ind. 10, 11, 16: "kebijakan + n unsur"); ambang
    [1, 4, 7, 10, 13] untuk rentang 1–3, 4–6, … pada ind. 18.
    """
    if not _syarat_terpenuhi(definisi, jawaban):
        return 0
    banyak = sum(len(_terpilih(m, jawaban)) for m in _masukan(definisi, "ceklis"))
    ambang = definisi.get("ambang") or AMBANG_BAKU
    return _batasi(sum(1 for batas in ambang if banyak >= batas))


def tangga_bertingkat(definisi: Mapping, jawaban: Jawaban) -> int:
    """Level = banyaknya langkah ya_tidak berurutan yang dijawab "Ya", berhenti pada "Tidak" pertama.

    Untuk tangga kumulatif F-02 (ind. 1, 5, 6, 22, 23, 27): setiap level menambahkan satu syarat pada level
    sebelumnya, jadi syarat level 4 tanpa syarat level 3 tetap level 2. Urutan langkah = urutan masukan di
    definisi, yaitu urutan F-02 (untuk ind. 23 berbeda dari urutan pertanyaan F-01; §2.4).
    """
    if not _syarat_terpenuhi(definisi, jawaban):
        return 0
    level = 0
    for langkah in _masukan(definisi, "ya_tidak"):
        if langkah.get("syarat"):
            continue
        if not _ya(jawaban, langkah["kode"]):
            break
        level += 1
    return _batasi(level)


def tangga_pilihan(definisi: Mapping, jawaban: Jawaban) -> int:
    """Level = level yang melekat pada satu opsi yang dipilih (ind. 4, 9, 24, 29); tidak dijawab → 0."""
    (masukan,) = _masukan(definisi, "pilihan")
    opsi = _pilihan(masukan, jawaban)
    return 0 if opsi is None else _batasi(int(opsi["level"]))


def tangga_tertinggi(definisi: Mapping, jawaban: Jawaban) -> int:
    """Level = level tertinggi yang seluruh syaratnya terpenuhi (ind. 21, 26: bentuk sarana, bukan kumulatif).

    Setiap syarat adalah kode ya_tidak, atau daftar kode yang cukup salah satunya "Ya". Contoh ind. 21:
    SIPP daring tanpa pusat informasi lisan tetap level 4, karena level F-02 menggambarkan bentuk sarana
    yang tersedia, bukan tahapan yang harus dilalui.
    """

    def terpenuhi(syarat) -> bool:
        if isinstance(syarat, str):
            return _ya(jawaban, syarat)
        return any(_ya(jawaban, kode) for kode in syarat)

    dicapai = [t["level"] for t in definisi.get("tingkat", []) if all(terpenuhi(s) for s in t["syarat"])]
    return _batasi(max(dicapai, default=0))


# --- Tangga khusus satu indikator -----------------------------------------------------------------


def tangga_media_sp(definisi: Mapping, jawaban: Jawaban) -> int:
    """Ind. 3, publikasi komponen service delivery SP.

    Dibaca sesuai saran §2.4: SIPPN tidak dihitung sebagai media; ia syarat tersendiri untuk level 3–5.
    Publikasi yang belum memuat seluruh komponen, atau seluruh komponen pada kurang dari 2 media,
    berhenti di level 1 (ada publikasi, tetapi syarat level 2 belum terpenuhi).
    """
    kode_lengkap, kode_media, kode_sippn = KODE_MEDIA_SP
    media = _terpilih(_satu_masukan(definisi, kode_media), jawaban)
    di_sippn = kode_sippn in media
    banyak = len(media - {kode_sippn})
    if not media:
        return 0
    if not _ya(jawaban, kode_lengkap) or banyak < 2:
        return 1
    if not di_sippn:
        return 2
    return {2: 3, 3: 4}.get(banyak, 5)


def tangga_persen_rtl(definisi: Mapping, jawaban: Jawaban) -> int:
    """Ind. 8, persentase rencana tindak lanjut (RTL) hasil SKM yang selesai.

    Batas sesuai §2.4: 0 % → 1 (RTL ada, belum dilaksanakan); < 30 % → 2; 30–80 % (termasuk tepat 30 dan
    tepat 80) → 3; di atas 80 % dan di bawah 100 % → 4; tepat 100 % → 5. Tanpa RTL → 0.
    """
    kode_ada, kode_realisasi = KODE_RTL
    if not _ya(jawaban, kode_ada):
        return 0
    persen = _persen(jawaban, kode_realisasi)
    if persen == 0:
        return 1
    if persen < 30:
        return 2
    if persen <= 80:
        return 3
    return 5 if persen == 100 else 4


def tangga_penghargaan(definisi: Mapping, jawaban: Jawaban) -> int:
    """Ind. 13, kriteria penghargaan pegawai: kriteria kinerja menaikkan tangga ke level 3–5.

    Tanpa kinerja: 1–2 unsur → 1, 3–5 unsur → 2. Dengan kinerja (dihitung sebagai salah satu unsur):
    1–2 → 3 (termasuk kinerja saja), 3–4 → 4, 5–6 → 5.
    """
    kode_kriteria, kode_kinerja = KODE_PENGHARGAAN
    kriteria = _terpilih(_satu_masukan(definisi, kode_kriteria), jawaban)
    banyak = len(kriteria)
    if banyak == 0:
        return 0
    if kode_kinerja not in kriteria:
        return 1 if banyak <= 2 else 2
    if banyak <= 2:
        return 3
    return 4 if banyak <= 4 else 5


def _persen_selesai(masuk: int, selesai: int, saluran: str) -> Decimal | None:
    if selesai > masuk:
        raise ValueError(f"Pengaduan selesai {saluran}({selesai}) melebihi pengaduan masuk ({masuk}).")
    return None if masuk == 0 else Decimal(selesai) * 100 / Decimal(masuk)


def tangga_persen_pengaduan(definisi: Mapping, jawaban: Jawaban) -> int:
    """Ind. 28, persentase konsultasi/pengaduan (Januari–Desember tahun lalu) yang selesai ditindaklanjuti.

    Pengaduan lewat SP4N-LAPOR! menempati level 3–5 (< 50 % → 3, ≥ 50 % dan < 90 % → 4, ≥ 90 % → 5; tepat
    90 % → 5), pengaduan di luar SP4N-LAPOR! level 1–2 (< 50 % → 1, ≥ 50 % → 2). Yang dipakai adalah yang
    tertinggi dari keduanya. Tidak ada yang selesai (termasuk tidak ada pengaduan masuk) → 0.
    """
    masuk, selesai, masuk_lapor, selesai_lapor = (_jumlah(jawaban, k) for k in KODE_PENGADUAN)
    persen_lapor = _persen_selesai(masuk_lapor, selesai_lapor, "melalui SP4N-LAPOR! ")
    persen_semua = _persen_selesai(masuk, selesai, "")
    level_lapor = 0
    if persen_lapor:
        level_lapor = 5 if persen_lapor >= 90 else 4 if persen_lapor >= 50 else 3
    level_lain = 0
    if persen_semua:
        level_lain = 2 if persen_semua >= 50 else 1
    return max(level_lapor, level_lain)


def tangga_sumber_daya_inovasi(definisi: Mapping, jawaban: Jawaban) -> int:
    """Ind. 30: rancangan payung hukum → 1; payung hukum → 2, ditambah 1 per kondisi (anggaran, sarpras, SDM).

    Kondisi hanya dihitung bila payung hukum telah ditetapkan, karena level 3–5 F-02 berbunyi "payung hukum
    dan n kondisi lainnya"; kondisi tanpa payung hukum tidak mencapai level 1.
    """
    kode_payung, kode_ditetapkan, kode_kondisi = KODE_INOVASI
    opsi = _pilihan(_satu_masukan(definisi, kode_payung), jawaban)
    kondisi = _terpilih(_satu_masukan(definisi, kode_kondisi), jawaban)
    if opsi is None:
        return 0
    if opsi["kode"] != kode_ditetapkan:
        return _batasi(int(opsi["level"]))
    return _batasi(int(opsi["level"]) + len(kondisi))


# --- Registri --------------------------------------------------------------------------------------

TANGGA: dict[str, tuple[str, Callable[[Mapping, Jawaban], int]]] = {
    "hitung": ("Hitung opsi tercentang (ambang)", tangga_hitung),
    "bertingkat": ("Bertingkat (kumulatif, berhenti pada Tidak pertama)", tangga_bertingkat),
    "pilihan": ("Satu pilihan berlevel", tangga_pilihan),
    "tertinggi": ("Level tertinggi yang syaratnya terpenuhi", tangga_tertinggi),
    "media_sp": ("Ind. 3 – media publikasi SP dan SIPPN", tangga_media_sp),
    "persen_rtl": ("Ind. 8 – persentase RTL hasil SKM", tangga_persen_rtl),
    "penghargaan": ("Ind. 13 – kriteria penghargaan (kinerja)", tangga_penghargaan),
    "persen_pengaduan": ("Ind. 28 – persentase pengaduan selesai", tangga_persen_pengaduan),
    "sumber_daya_inovasi": ("Ind. 30 – payung hukum dan kondisi inovasi", tangga_sumber_daya_inovasi),
}

PILIHAN_ATURAN = [(kunci, label) for kunci, (label, _) in TANGGA.items()]


def usulkan(aturan: str, definisi: Mapping, jawaban: Jawaban) -> int:
    """Usulan level 0–5 menurut tangga ``aturan`` atas ``jawaban`` F-01."""
    if aturan not in TANGGA:
        raise ValueError(f"Aturan usulan level tidak dikenal: {aturan!r}.")
    return TANGGA[aturan][1](definisi, jawaban)


def usulkan_level(indikator, jawaban: Jawaban) -> int | None:
    """Usulan level untuk ``indikator`` (punya ``aturan_usulan`` dan ``opsi_f01``); None bila tanpa aturan."""
    if not indikator.aturan_usulan:
        return None
    return usulkan(indikator.aturan_usulan, indikator.opsi_f01, jawaban)


# --- Pemeriksaan definisi (dipakai admin sebelum menyimpan opsi_f01) ------------------------------

# Masukan yang wajib ada (kode → jenis) bagi tangga khusus.
_MASUKAN_WAJIB = {
    "media_sp": {"seluruh_komponen": "ya_tidak", "media": "ceklis"},
    "persen_rtl": {"ada_rtl": "ya_tidak", "realisasi": "persen"},
    "penghargaan": {"kriteria": "ceklis"},
    "persen_pengaduan": dict.fromkeys(KODE_PENGADUAN, "jumlah"),
    "sumber_daya_inovasi": {"payung_hukum": "pilihan", "kondisi": "ceklis"},
}


def _periksa_masukan(masukan: Mapping) -> list[str]:
    kode = masukan.get("kode")
    if not kode or not isinstance(kode, str):
        return ["Setiap masukan F-01 wajib memiliki 'kode' teks."]
    masalah = []
    if masukan.get("jenis") not in JENIS_MASUKAN:
        masalah.append(f"Masukan '{kode}': jenis harus salah satu dari {', '.join(JENIS_MASUKAN)}.")
    if not masukan.get("label"):
        masalah.append(f"Masukan '{kode}' belum berlabel.")
    if masukan.get("jenis") in ("ceklis", "pilihan"):
        opsi = masukan.get("opsi") or []
        kode_opsi = [o.get("kode") for o in opsi]
        if not opsi or len(set(kode_opsi)) != len(kode_opsi) or not all(kode_opsi):
            masalah.append(f"Masukan '{kode}': opsi harus ada dan kodenya unik.")
        if masukan["jenis"] == "pilihan" and not all(o.get("level") in range(6) for o in opsi):
            masalah.append(f"Masukan '{kode}': setiap opsi pilihan wajib memiliki level 0–5.")
    return masalah


def _periksa_kebutuhan(aturan: str, definisi: Mapping) -> list[str]:
    jenis_per_kode = {m.get("kode"): m.get("jenis") for m in _masukan(definisi)}
    masalah = [
        f"Aturan '{aturan}' memerlukan masukan '{kode}' berjenis {jenis}."
        for kode, jenis in _MASUKAN_WAJIB.get(aturan, {}).items()
        if jenis_per_kode.get(kode) != jenis
    ]
    if aturan == "hitung" and not _masukan(definisi, "ceklis"):
        masalah.append("Aturan 'hitung' memerlukan sedikitnya satu masukan ceklis.")
    if aturan == "pilihan" and len(_masukan(definisi, "pilihan")) != 1:
        masalah.append("Aturan 'pilihan' memerlukan tepat satu masukan pilihan.")
    if aturan == "tertinggi":
        masalah += _periksa_tingkat(definisi, jenis_per_kode)
    return masalah


def _periksa_tingkat(definisi: Mapping, jenis_per_kode: dict) -> list[str]:
    tingkat = definisi.get("tingkat")
    if not tingkat:
        return ["Aturan 'tertinggi' memerlukan daftar 'tingkat'."]
    masalah = []
    for t in tingkat:
        kode = [k for s in t.get("syarat", []) for k in ([s] if isinstance(s, str) else s)]
        asing = sorted(k for k in kode if jenis_per_kode.get(k) != "ya_tidak")
        if t.get("level") not in range(1, 6) or not kode or asing:
            masalah.append(
                f"Tingkat {t.get('level')!r}: level harus 1–5 dan syaratnya masukan ya_tidak yang ada"
                + (f" (tidak ada: {', '.join(asing)})." if asing else ".")
            )
    return masalah


def periksa_definisi(aturan: str, definisi) -> list[str]:
    """Daftar masalah pada ``opsi_f01`` untuk tangga ``aturan``; kosong berarti dapat dipakai."""
    if not aturan:
        return []
    if aturan not in TANGGA:
        return [f"Aturan usulan level tidak dikenal: {aturan!r}."]
    if not isinstance(definisi, Mapping) or not isinstance(definisi.get("masukan"), list):
        return ["Opsi F-01 harus berupa objek JSON dengan daftar 'masukan'."]
    masalah = [m for masukan in definisi["masukan"] for m in _periksa_masukan(masukan)]
    kode = [m.get("kode") for m in definisi["masukan"]]
    if len(set(kode)) != len(kode):
        masalah.append("Kode masukan F-01 harus unik.")
    masalah += _periksa_kebutuhan(aturan, definisi)
    if not masalah:
        try:
            usulkan(aturan, definisi, {})
        except (KeyError, TypeError, ValueError) as galat:
            masalah.append(f"Opsi F-01 tidak dapat dipakai oleh aturan '{aturan}': {galat}")
    return masalah
