"""Halaman Biro Organisasi: siklus monev (membuka, memantau, hitung ulang) dan penilaian evaluator F-02.

Bacaan lewat ``evaluasi.selectors``, penulisan lewat ``evaluasi.services``; view menerjemahkan
``DomainError`` menjadi pesan dan mengalihkan kembali. Halaman ini hanya untuk peran yang menjangkau semua
unit (Biro, pimpinan, admin): peringkat dan nilai sementara belum dipublikasikan, jadi unit lokus melihat
evaluasinya di halaman unit sendiri. Pimpinan membaca saja: setiap POST memeriksa kemampuan menulis dahulu.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.dokumen import jenis_dokumen
from kaltim_yanlik.core.exceptions import DomainError
from kode_etik.selectors import penyelenggara_pilihan_for_user

from .. import selectors, services
from ..dokumen import REKAP
from ..ekspor import peringkat_xlsx
from ..final import siklus_final, wajib_siklus_belum_final
from ..forms.biro import PESAN_TAHUN_GANDA, KembalikanForm, LokusSaringForm, PenilaianForm, SiklusForm
from ..grafik import grafik_distribusi, grafik_peringkat
from ..jendela import FASE, fase_berjalan, hari_ini, rentang
from ..models import Evaluasi, Indikator, RiwayatLevel
from ..rekap import halaman_peringkat, peringkat_ringan, rekap_siklus
from ..tasks import siklus_hitung_ulang_antrekan
from .publikasi_biro import publikasi_konteks

PER_HALAMAN = 25
JENIS_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Daftar lokus terlambat di kartu siklus; selebihnya lewat saringan status di daftar "Semua lokus".
TERLAMBAT_MAKS = 20
Status = Evaluasi.Status
STATUS_DAPAT_DINILAI = (Status.DIAJUKAN, Status.DINILAI)
# Lokus yang sudah pernah mengajukan F-01; hanya merekalah yang punya halaman F-02 untuk dibuka.
STATUS_SUDAH_DIAJUKAN = (Status.DIAJUKAN, Status.DINILAI, Status.DIKEMBALIKAN, Status.FINAL)


# --- Siklus ----------------------------------------------------------------------------------------


def _dengan_jumlah(qs):
    """Jumlah lokus per status sebagai anotasi: satu kueri untuk seluruh daftar siklus."""
    per_status = {f"jumlah_{s}": Count("evaluasi", filter=Q(evaluasi__status=s)) for s in Status.values}
    return qs.annotate(jumlah_lokus=Count("evaluasi"), **per_status)


def _jendela(siklus, tanggal) -> list[dict]:
    """Setiap jendela fase dengan rentangnya dan apakah sedang berjalan pada ``tanggal``."""
    berjalan = set(fase_berjalan(siklus, tanggal))
    return [
        {"nama": nama, "rentang": rentang(siklus, fase), "berjalan": fase in berjalan}
        for fase, nama in FASE.items()
    ]


def _keterangan_fase(siklus, tanggal) -> str:
    """Keterangan bila tidak ada fase yang berjalan hari ini."""
    if tanggal < siklus.pengisian_mulai:
        return "Belum dimulai"
    if tanggal > siklus.finalisasi_selesai:
        return "Selesai"
    return "Di antara jendela fase"


@login_required
def siklus_daftar(request):
    akses.wajib(request.user, Kemampuan.LIHAT_SEMUA_UNIT)
    tanggal = hari_ini()
    baris = [
        {
            "siklus": s,
            "fase": [FASE[f] for f in fase_berjalan(s, tanggal)],
            "keterangan": _keterangan_fase(s, tanggal),
        }
        for s in _dengan_jumlah(selectors.siklus_qs_for_user(user=request.user))
    ]
    return render(
        request,
        "evaluasi/biro/siklus_daftar.html",
        {"baris": baris, "boleh_kelola": akses.boleh(request.user, Kemampuan.KELOLA_SIKLUS)},
    )


def _salin_galat_model(form, galat: ValidationError) -> None:
    """Galat full_clean/CheckConstraint dari service menjadi galat form, bukan 500."""
    if not hasattr(galat, "error_dict"):
        form.add_error(None, galat)
        return
    for nama, pesan in galat.message_dict.items():
        form.add_error(nama if nama in form.fields else None, pesan)


def _buka_siklus(request, form):
    """Buka siklus lewat service; kesalahan apa pun yang dapat dijelaskan kembali ke form."""
    try:
        return services.siklus_buka(
            siklus=form.save(commit=False), oleh=request.user, lokus=list(form.cleaned_data["lokus"])
        )
    except ValidationError as e:
        _salin_galat_model(form, e)
    except DomainError as e:
        form.add_error(None, e.pesan)
    except IntegrityError:
        # Dua pengguna menyimpan tahun yang sama bersamaan: yang kedua menabrak UniqueConstraint.
        form.add_error("tahun", PESAN_TAHUN_GANDA)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def siklus_baru(request):
    akses.wajib(request.user, Kemampuan.KELOLA_SIKLUS)
    pilihan = penyelenggara_pilihan_for_user(user=request.user).order_by("jenis", "nama")
    form = SiklusForm(request.POST or None, lokus_pilihan=pilihan)
    if request.method == "POST" and form.is_valid():
        siklus = _buka_siklus(request, form)
        if siklus is not None:
            jumlah = len(form.cleaned_data["lokus"])
            messages.success(request, f"{siklus.nama} dibuka dengan {jumlah} lokus.")
            return redirect("evaluasi:siklus_detail", code=siklus.code)
    return render(request, "evaluasi/biro/siklus_form.html", {"form": form})


def _distribusi(baris: list[tuple[str, str, int]]) -> list[dict]:
    total = sum(n for _kode, _predikat, n in baris)
    return [
        {"kode": kode, "predikat": predikat, "jumlah": n, "persen": round(n * 100 / total) if total else 0}
        for kode, predikat, n in baris
    ]


def _kategori_urut(siklus) -> list[str]:
    return list(siklus.instrumen.kategori.order_by("-batas_bawah").values_list("kode", flat=True))


def _halaman_lokus(request, siklus):
    saring = LokusSaringForm(request.GET or None)
    qs = saring.saring(selectors.evaluasi_qs_for_user(user=request.user).filter(siklus=siklus))
    halaman = Paginator(qs.order_by("penyelenggara__nama"), PER_HALAMAN).get_page(request.GET.get("halaman"))
    return saring, halaman


def _terlambat(siklus, user, tanggal) -> dict:
    """Sebagian lokus terlambat (paling banyak ``TERLAMBAT_MAKS``) dan jumlah seluruhnya: halaman tetap
    ringan berapa pun banyaknya lokus; daftar lengkap ada di "Semua lokus" dengan saringan status."""
    qs = selectors.lokus_terlambat(siklus=siklus, user=user, tanggal=tanggal)
    terlambat = list(qs[:TERLAMBAT_MAKS])
    jumlah = len(terlambat) if len(terlambat) < TERLAMBAT_MAKS else qs.count()
    return {"terlambat": terlambat, "jumlah_terlambat": jumlah, "terlambat_lain": jumlah - len(terlambat)}


@login_required
def siklus_detail(request, code):
    user = request.user
    siklus = selectors.siklus_get_for_user(user=user, code=code)
    akses.wajib(user, Kemampuan.LIHAT_SEMUA_UNIT)
    tanggal = hari_ini()
    jumlah = selectors.jumlah_per_status(siklus=siklus, user=user)
    saring, halaman = _halaman_lokus(request, siklus)
    # Halaman ini hanya untuk peran yang menjangkau semua unit (akses.wajib di atas). Grafiknya SVG tersimpan
    # yang sama dengan Rekap Provinsi PDF; datanya dibaca ringan (tanpa nilai aspek per lokus), dan tabel
    # peringkat hanya memuat baris halamannya.
    distribusi = selectors.distribusi_kategori(siklus=siklus, user=user)
    baris_grafik = peringkat_ringan(siklus)
    peringkat = halaman_peringkat(siklus, request.GET.get("peringkat"), PER_HALAMAN)
    return render(
        request,
        "evaluasi/biro/siklus_detail.html",
        {
            "siklus": siklus,
            "jendela": _jendela(siklus, tanggal),
            "kartu": [(s.value, s.label, jumlah[s.value]) for s in Status],
            "total_lokus": sum(jumlah.values()),
            **_terlambat(siklus, user, tanggal),
            "pengisian_ditutup": tanggal > siklus.pengisian_selesai,
            "distribusi": _distribusi(distribusi),
            "peringkat": peringkat,
            "sanggahan_terbuka": selectors.sanggahan_terbuka_jumlah(siklus=siklus, user=user),
            "grafik_distribusi": grafik_distribusi(distribusi) if baris_grafik else None,
            "grafik_peringkat": grafik_peringkat(baris_grafik, _kategori_urut(siklus))
            if baris_grafik
            else "",
            "saring": saring,
            "halaman": halaman,
            "sudah_diajukan": STATUS_SUDAH_DIAJUKAN,
            "boleh_kelola": akses.boleh(user, Kemampuan.KELOLA_SIKLUS),
            "siklus_final": siklus_final(siklus),
            "publikasi": publikasi_konteks(siklus, user),
        },
    )


@login_required
@require_POST
def siklus_hitung_ulang(request, code):
    siklus = selectors.siklus_get_for_user(user=request.user, code=code)
    akses.wajib(request.user, Kemampuan.KELOLA_SIKLUS)
    try:
        wajib_siklus_belum_final(siklus, "Hitung ulang hasil dan peringkat")
    except DomainError as e:
        messages.error(request, e.pesan)
        return redirect("evaluasi:siklus_detail", code=siklus.code)
    siklus_id = siklus.pk
    # Diantrekan setelah commit agar worker membaca data yang sudah tersimpan; broker mati: dihitung
    # langsung (lihat siklus_hitung_ulang_antrekan).
    transaction.on_commit(lambda: siklus_hitung_ulang_antrekan(siklus_id), robust=True)
    messages.success(
        request,
        f"Penghitungan ulang hasil dan peringkat {siklus.nama} telah diantrekan. "
        "Muat ulang halaman ini bila peringkat belum berubah.",
    )
    return redirect("evaluasi:siklus_detail", code=siklus.code)


@login_required
@require_GET
def siklus_peringkat_xlsx(request, code):
    """Peringkat Rekap Provinsi sebagai XLSX, lewat pemeriksaan akses yang sama dengan PDF Rekap Provinsi."""
    siklus = jenis_dokumen(REKAP).ambil_subjek(request.user, code)
    respons = HttpResponse(peringkat_xlsx(rekap_siklus(siklus)), content_type=JENIS_XLSX)
    respons["Content-Disposition"] = f'attachment; filename="Peringkat-PEKPPP-{siklus.tahun}.xlsx"'
    return respons


# --- F-02: penilaian evaluator ---------------------------------------------------------------------


@dataclass
class IsianTerbaca:
    """Satu masukan F-01 dalam bentuk yang dibaca evaluator: label opsi, bukan kodenya."""

    label: str
    jenis: str
    teks: str = ""
    opsi: list[tuple[str, bool]] = field(default_factory=list)
    dijawab: bool = True


def _teks_nilai(jenis: str, nilai, label_opsi: dict) -> str:
    if jenis == "ya_tidak":
        return "Ya" if nilai else "Tidak"
    if jenis == "pilihan":
        return label_opsi.get(nilai, str(nilai))
    if jenis == "persen":
        return f"{number_format(Decimal(str(nilai)))} %"
    if jenis == "jumlah":
        return number_format(nilai)
    return str(nilai)


def isian_terbaca(definisi: dict, isian: dict) -> list[IsianTerbaca]:
    """Jawaban F-01 per masukan ``opsi_f01``; ceklis memuat semua opsi beserta tanda dicentang atau tidak."""
    baris = []
    for masukan in definisi.get("masukan", []):
        jenis, nilai = masukan.get("jenis", ""), isian.get(masukan["kode"])
        label_opsi = {o["kode"]: o["label"] for o in masukan.get("opsi", [])}
        item = IsianTerbaca(label=masukan.get("label", masukan["kode"]), jenis=jenis)
        if nilai in (None, ""):
            item.dijawab = False
        elif jenis == "ceklis":
            dicentang = set(nilai)
            item.opsi = [(label, kode in dicentang) for kode, label in label_opsi.items()]
            item.teks = f"{len(dicentang)} dari {len(label_opsi)} dicentang"
        else:
            item.teks = _teks_nilai(jenis, nilai, label_opsi)
        baris.append(item)
    return baris


@dataclass
class BarisIndikator:
    indikator: Indikator
    jawaban: object
    penilaian: object
    isian: list
    bukti: list
    form: PenilaianForm | None
    pilihan_level: list


def _evaluasi_untuk_evaluator(user, code) -> Evaluasi:
    """404 di luar lingkup (sama dengan tidak ada); 403 bagi unit lokus atas evaluasinya sendiri."""
    evaluasi = selectors.evaluasi_get_for_user(user=user, code=code)
    akses.wajib(user, Kemampuan.LIHAT_SEMUA_UNIT)
    return evaluasi


def _kunci_draf(evaluasi) -> str:
    return f"f02-draf-{evaluasi.code}"


def _simpan_draf(request, evaluasi, jenis: str, nomor: int | None = None) -> None:
    """Simpan masukan yang ditolak di sesi agar halaman F-02 menampilkannya lagi (ketikan tidak hilang)."""
    data = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    request.session[_kunci_draf(evaluasi)] = {"jenis": jenis, "nomor": nomor, "data": data}


def _form_penilaian(indikator, penilaian, draf: dict) -> PenilaianForm:
    prefix = f"i{indikator.nomor}"
    if draf.get("jenis") == "nilai" and draf.get("nomor") == indikator.nomor:
        form = PenilaianForm(draf["data"], prefix=prefix)
        form.is_valid()  # memunculkan galat field pada masukan yang dikembalikan
        return form
    if penilaian is None:
        return PenilaianForm(prefix=prefix)
    awal = {"level": penilaian.level, "catatan": penilaian.catatan, "rekomendasi": penilaian.rekomendasi}
    return PenilaianForm(initial=awal, prefix=prefix)


def _muat_evaluasi(evaluasi) -> tuple[dict, dict, dict]:
    """Jawaban, bukti per slot, dan penilaian (dengan riwayat) dalam empat kueri, berapa pun jumlahnya."""
    jawaban = {j.indikator_id: j for j in evaluasi.jawaban.all()}
    bukti = defaultdict(list)
    for b in evaluasi.bukti.all():
        bukti[b.slot_id].append(b)
    riwayat = Prefetch("riwayat", queryset=RiwayatLevel.objects.select_related("oleh"))
    penilaian = {
        p.indikator_id: p for p in evaluasi.penilaian.select_related("dinilai_oleh").prefetch_related(riwayat)
    }
    return jawaban, bukti, penilaian


def _baris_indikator(indikator, data, boleh_nilai: bool, draf: dict) -> BarisIndikator:
    jawaban_map, bukti_map, penilaian_map = data
    jawaban, penilaian = jawaban_map.get(indikator.pk), penilaian_map.get(indikator.pk)
    form = _form_penilaian(indikator, penilaian, draf) if boleh_nilai else None
    radio = list(form["level"]) if form else [None] * 6
    return BarisIndikator(
        indikator=indikator,
        jawaban=jawaban,
        penilaian=penilaian,
        isian=isian_terbaca(indikator.opsi_f01, jawaban.isian) if jawaban else [],
        bukti=[(slot, bukti_map.get(slot.pk, [])) for slot in indikator.slot_bukti.all()],
        form=form,
        pilihan_level=list(zip(radio, range(6), indikator.deskripsi_level, strict=True)),
    )


def _kelompok_aspek(evaluasi, struktur, boleh_nilai: bool, draf: dict) -> list[dict]:
    data = _muat_evaluasi(evaluasi)
    hasil = getattr(evaluasi, "hasil", None)
    nilai_aspek = hasil.nilai_aspek if hasil else {}
    return [
        {
            "aspek": aspek,
            "nilai": Decimal(nilai_aspek[aspek.kode]) if aspek.kode in nilai_aspek else None,
            "baris": [_baris_indikator(i, data, boleh_nilai, draf) for i in aspek.indikator.all()],
        }
        for aspek in struktur
    ]


def _ringkasan_nilai(kelompok: list[dict]) -> tuple[int, int]:
    """(dinilai, wajib dinilai) atas indikator yang masuk IPP; suplemen tidak dihitung."""
    semua = [b for k in kelompok for b in k["baris"] if not b.indikator.suplemen]
    dinilai = sum(1 for b in semua if b.penilaian and b.penilaian.level is not None)
    return dinilai, len(semua)


def _form_kembalikan(kelompok: list[dict], draf: dict) -> KembalikanForm:
    indikator = [b.indikator for k in kelompok for b in k["baris"]]
    data = draf["data"] if draf.get("jenis") == "kembalikan" else None
    return KembalikanForm(data, indikator=indikator)


@login_required
def f02(request, code):
    user = request.user
    evaluasi = _evaluasi_untuk_evaluator(user, code)
    siklus = evaluasi.siklus
    boleh_nilai = akses.boleh(user, Kemampuan.NILAI_EVALUASI) and evaluasi.status in STATUS_DAPAT_DINILAI
    draf = request.session.pop(_kunci_draf(evaluasi), None) or {}
    kelompok = _kelompok_aspek(
        evaluasi, selectors.struktur_instrumen(instrumen=siklus.instrumen), boleh_nilai, draf
    )
    dinilai, wajib = _ringkasan_nilai(kelompok)
    return render(
        request,
        "evaluasi/biro/f02.html",
        {
            "evaluasi": evaluasi,
            "siklus": siklus,
            "hasil": getattr(evaluasi, "hasil", None),
            "kelompok": kelompok,
            "jumlah_dinilai": dinilai,
            "jumlah_wajib": wajib,
            "jendela": _jendela(siklus, hari_ini()),
            "boleh_nilai": boleh_nilai,
            "boleh_finalkan": akses.boleh(user, Kemampuan.NILAI_EVALUASI)
            and evaluasi.status == Status.DINILAI,
            "boleh_koreksi": akses.boleh(user, Kemampuan.KOREKSI_HASIL) and evaluasi.status == Status.FINAL,
            "koreksi": list(evaluasi.koreksi.select_related("oleh").order_by("-pada")),
            "form_kembalikan": _form_kembalikan(kelompok, draf) if boleh_nilai else None,
            "buka_kembalikan": draf.get("jenis") == "kembalikan",
        },
    )


def _ke_f02(evaluasi, jangkar: str = ""):
    return redirect(reverse("evaluasi:nilai", args=[evaluasi.code]) + jangkar)


def _evaluasi_untuk_penilai(request, code) -> Evaluasi:
    evaluasi = _evaluasi_untuk_evaluator(request.user, code)
    akses.wajib(request.user, Kemampuan.NILAI_EVALUASI)
    return evaluasi


@login_required
@require_POST
def f02_simpan(request, code, nomor):
    evaluasi = _evaluasi_untuk_penilai(request, code)
    indikator = get_object_or_404(
        Indikator.objects.select_related("aspek"),
        aspek__instrumen_id=evaluasi.siklus.instrumen_id,
        nomor=nomor,
    )
    form = PenilaianForm(request.POST, prefix=f"i{nomor}")
    jangkar = f"#indikator-{nomor}"
    if not form.is_valid():
        _simpan_draf(request, evaluasi, "nilai", nomor)
        messages.error(request, f"Indikator {nomor} belum disimpan: periksa isian yang ditandai.")
        return _ke_f02(evaluasi, jangkar)
    try:
        services.penilaian_simpan(
            evaluasi=evaluasi, indikator=indikator, oleh=request.user, **form.cleaned_data
        )
    except DomainError as e:
        _simpan_draf(request, evaluasi, "nilai", nomor)
        messages.error(request, f"Indikator {nomor} belum disimpan: {e.pesan}")
        return _ke_f02(evaluasi, jangkar)
    messages.success(request, f"Level indikator {nomor} disimpan.")
    return _ke_f02(evaluasi, jangkar)


def _indikator_instrumen(evaluasi) -> list[Indikator]:
    struktur = selectors.struktur_instrumen(instrumen=evaluasi.siklus.instrumen)
    return [i for aspek in struktur for i in aspek.indikator.all()]


@login_required
@require_POST
def evaluasi_kembalikan(request, code):
    evaluasi = _evaluasi_untuk_penilai(request, code)
    form = KembalikanForm(request.POST, indikator=_indikator_instrumen(evaluasi))
    if not form.is_valid():
        _simpan_draf(request, evaluasi, "kembalikan")
        messages.error(
            request, "Alasan perbaikan terlalu panjang; ringkas menjadi paling banyak 2.000 karakter."
        )
        return _ke_f02(evaluasi, "#kembalikan")
    alasan = form.alasan_per_indikator()
    try:
        services.evaluasi_kembalikan(evaluasi=evaluasi, alasan_per_indikator=alasan, oleh=request.user)
    except DomainError as e:
        _simpan_draf(request, evaluasi, "kembalikan")
        messages.error(request, e.pesan)
        return _ke_f02(evaluasi, "#kembalikan")
    nomor = ", ".join(map(str, sorted(alasan)))
    messages.success(
        request,
        f"Evaluasi {evaluasi.penyelenggara} dikembalikan untuk perbaikan (indikator {nomor}); "
        "unit telah diberi tahu.",
    )
    return _ke_f02(evaluasi)


@login_required
@require_POST
def evaluasi_selesai_dinilai(request, code):
    evaluasi = _evaluasi_untuk_penilai(request, code)
    try:
        evaluasi = services.evaluasi_selesai_dinilai(evaluasi=evaluasi, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
        return _ke_f02(evaluasi)
    hasil = evaluasi.hasil
    messages.success(
        request,
        f"Penilaian {evaluasi.penyelenggara} selesai: IPP {number_format(hasil.ipp_bulat, 2)} "
        f"({hasil.kategori}, {hasil.predikat}).",
    )
    return _ke_f02(evaluasi)


@login_required
@require_POST
def evaluasi_finalkan(request, code):
    evaluasi = _evaluasi_untuk_penilai(request, code)
    try:
        services.evaluasi_finalkan(evaluasi=evaluasi, oleh=request.user)
    except DomainError as e:
        messages.error(request, e.pesan)
        return _ke_f02(evaluasi)
    messages.success(request, f"Hasil evaluasi {evaluasi.penyelenggara} ditetapkan final.")
    return _ke_f02(evaluasi)
