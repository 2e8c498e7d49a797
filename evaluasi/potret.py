"""Potret hasil satu siklus untuk publikasi: bentuk ``PublikasiSiklus.potret`` (lihat docstring model).

Satu penyusun untuk dua pemakai: service publikasi/koreksi (registri app sekarang) dan migrasi data yang
membuat versi 1 bagi siklus yang sudah terbit (registri historis). Karena itu modul ini tidak mengimpor model;
ia menerima ``apps`` dan hanya memakai kueri ``values`` biasa.
"""

from decimal import Decimal

from .skor import DUA_DESIMAL, bulatkan

SKEMA = 1
STATUS_BERPERINGKAT = ("dinilai", "final")


def _ringkas(baris: list[dict], aspek: list[dict], kategori: list[dict]) -> dict:
    jumlah = {k["kode"]: 0 for k in kategori}
    for b in baris:
        jumlah[b["kategori"]] = jumlah.get(b["kategori"], 0) + 1
    n = len(baris)

    def rata(kode: str) -> str:
        if not n:
            return "0.00"
        total = sum(Decimal(b["nilai_aspek"].get(kode, "0")) for b in baris)
        return str(bulatkan(total / n, DUA_DESIMAL))

    return {
        "jumlah_dinilai": n,
        "rata_ipp": str(bulatkan(sum(Decimal(b["ipp"]) for b in baris) / n, DUA_DESIMAL)) if n else None,
        "distribusi": [
            {"kode": k["kode"], "predikat": k["predikat"], "jumlah": jumlah[k["kode"]]} for k in kategori
        ],
        "rata_aspek": [{"kode": a["kode"], "nama": a["nama"], "nilai": rata(a["kode"])} for a in aspek],
    }


def _pembanding(apps, siklus: dict) -> dict | None:
    """Versi terakhir siklus terbit sebelumnya (yang sedang tampil di publik), bila ada."""
    PublikasiSiklus = apps.get_model("evaluasi", "PublikasiSiklus")
    versi = (
        PublikasiSiklus.objects.filter(
            siklus__tahun__lt=siklus["tahun"], siklus__dipublikasikan_pada__isnull=False
        )
        .order_by("-siklus__tahun", "-nomor")
        .values("nomor", "potret")
        .first()
    )
    if versi is None:
        return None
    potret = versi["potret"]
    return {
        "tahun": potret["siklus"]["tahun"],
        "nama": potret["siklus"]["nama"],
        "versi": versi["nomor"],
        "ringkasan": potret["ringkasan"],
        "unit": {u["penyelenggara"]: u for u in potret["unit"]},
    }


def _unit(b: dict, aspek: list[dict], lalu: dict, tahun_lalu: int | None) -> dict:
    kode_unit = str(b["evaluasi__penyelenggara__code"])
    sebelum = lalu.get(kode_unit)
    return {
        "evaluasi": str(b["evaluasi__code"]),
        "penyelenggara": kode_unit,
        "kode_unit": b["evaluasi__penyelenggara__kode"],
        "nama": b["evaluasi__penyelenggara__nama"],
        "jenis": b["evaluasi__penyelenggara__jenis"],
        "induk": b["evaluasi__penyelenggara__induk__nama"] or "",
        "peringkat": b["peringkat"],
        "ipp": str(b["ipp_bulat"]),
        "kategori": b["kategori"],
        "predikat": b["predikat"],
        "nilai_aspek": {a["kode"]: str(b["nilai_aspek"].get(a["kode"], "0")) for a in aspek},
        "pembanding": None
        if sebelum is None
        else {k: sebelum[k] for k in ("ipp", "kategori", "peringkat")} | {"tahun": tahun_lalu},
    }


def susun_potret(apps, siklus_id: int) -> dict:
    """Potret lengkap siklus dari hasil yang tersimpan (skema 1); jumlah kueri tetap berapa pun lokusnya."""
    SiklusMonev = apps.get_model("evaluasi", "SiklusMonev")
    Evaluasi = apps.get_model("evaluasi", "Evaluasi")
    HasilEvaluasi = apps.get_model("evaluasi", "HasilEvaluasi")
    siklus = SiklusMonev.objects.values("tahun", "nama", "instrumen_id", "instrumen__nama").get(pk=siklus_id)
    InstrumenDasarHukum = apps.get_model("evaluasi", "InstrumenDasarHukum")
    dasar_hukum = list(
        InstrumenDasarHukum.objects.filter(instrumen_id=siklus["instrumen_id"])
        .order_by("urutan", "id")
        .values_list("dasar_hukum__singkatan", flat=True)
    )
    Aspek = apps.get_model("evaluasi", "Aspek")
    KategoriIPP = apps.get_model("evaluasi", "KategoriIPP")
    aspek = list(
        Aspek.objects.filter(instrumen_id=siklus["instrumen_id"], bobot__gt=0)
        .order_by("urutan")
        .values("kode", "nama")
    )
    kategori = [
        {**k, "batas_bawah": str(k["batas_bawah"]), "batas_atas": str(k["batas_atas"])}
        for k in KategoriIPP.objects.filter(instrumen_id=siklus["instrumen_id"])
        .order_by("-batas_bawah")
        .values("kode", "predikat", "batas_bawah", "batas_atas")
    ]
    hasil = HasilEvaluasi.objects.filter(
        evaluasi__siklus_id=siklus_id, evaluasi__status__in=STATUS_BERPERINGKAT
    )
    baris_hasil = hasil.order_by("peringkat", "-ipp", "evaluasi__penyelenggara__nama").values(
        "peringkat", "ipp_bulat", "kategori", "predikat", "nilai_aspek", "evaluasi__code",
        "evaluasi__penyelenggara__code", "evaluasi__penyelenggara__kode", "evaluasi__penyelenggara__nama",
        "evaluasi__penyelenggara__jenis", "evaluasi__penyelenggara__induk__nama",
    )  # fmt: skip
    pembanding = _pembanding(apps, siklus)
    lalu, tahun_lalu = (pembanding["unit"], pembanding["tahun"]) if pembanding else ({}, None)
    unit = [_unit(b, aspek, lalu, tahun_lalu) for b in baris_hasil]
    tanpa_hasil = (
        Evaluasi.objects.filter(siklus_id=siklus_id)
        .exclude(status__in=STATUS_BERPERINGKAT)
        .order_by("penyelenggara__nama")
        .values("penyelenggara__nama", "penyelenggara__jenis", "penyelenggara__induk__nama")
    )
    return {
        "skema": SKEMA,
        "siklus": {
            "tahun": siklus["tahun"],
            "nama": siklus["nama"],
            "instrumen": siklus["instrumen__nama"],
            "dasar_hukum": dasar_hukum,
        },
        "aspek": aspek,
        "kategori": kategori,
        "jumlah_lokus": Evaluasi.objects.filter(siklus_id=siklus_id).count(),
        "ringkasan": _ringkas(unit, aspek, kategori),
        "unit": unit,
        "tidak_mengajukan": [
            {
                "nama": t["penyelenggara__nama"],
                "jenis": t["penyelenggara__jenis"],
                "induk": t["penyelenggara__induk__nama"] or "",
            }
            for t in tanpa_hasil
        ],
        "pembanding": None
        if pembanding is None
        else {k: pembanding[k] for k in ("tahun", "nama", "versi", "ringkasan")},
    }
