"""Halaman unit lokus: daftar evaluasi, ringkasan satu evaluasi, F-01 per indikator, bukti dukung, pengajuan.

Bacaan lewat ``evaluasi.selectors`` (objek di luar lingkup pengguna → 404), penulisan lewat
``evaluasi.services``. ``DomainError`` menjadi pesan berbahasa Indonesia; ``PermissionDenied`` (peran tanpa
hak menulis, mis. pimpinan atau operator yang mengajukan) menjadi halaman 403. Biro dan pimpinan membuka
halaman yang sama dalam mode baca saja.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core import kiriman
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.unggahan import sajikan_unggahan

from .. import selectors, services
from ..forms.bukti import BuktiForm
from ..forms.f01 import EvaluasiSaringForm, IsianF01Form
from ..grafik import grafik_aspek_hasil
from ..jendela import FASE, fase_berjalan, rentang, wajib_dalam_jendela
from ..models import Evaluasi, Indikator
from ..skor import hitung_ipp_dari, peningkatan_terbesar
from ..struktur_tersimpan import potret_tersimpan, struktur_tersimpan
from ..usulan_level import usulkan_level
from .sanggahan import konteks_sanggahan

PER_HALAMAN = 25
JUMLAH_PENINGKATAN = 5
Status = Evaluasi.Status
# Status yang masih dapat diisi unit, dengan jendela fase tempat isian boleh diubah (sama dengan service).
FASE_ISIAN = {Status.DRAF: "pengisian", Status.DIKEMBALIKAN: "perbaikan"}


# --- Bantuan bersama -------------------------------------------------------------------------------


def _alasan_hanya_baca(user, evaluasi) -> str:
    """Kosong bila ``user`` dapat mengubah F-01 hari ini; selain itu alasannya, untuk ditampilkan.

    Cermin tampilan dari aturan ``services.f01``: service tetap yang memutuskan ketika menyimpan.
    """
    if not akses.boleh_ubah_di_unit(user, Kemampuan.ISI_EVALUASI, evaluasi.penyelenggara):
        return "Mode baca saja: peran Anda tidak mengisi penilaian mandiri unit ini."
    fase = FASE_ISIAN.get(evaluasi.status)
    if fase is None:
        return f"Evaluasi berstatus {evaluasi.get_status_display().lower()}; isian tidak dapat diubah lagi."
    try:
        wajib_dalam_jendela(evaluasi.siklus, fase)
    except DomainError as e:
        return e.pesan
    return ""


def _jendela(siklus) -> list[dict]:
    berjalan = set(fase_berjalan(siklus))
    return [
        {"nama": nama, "rentang": rentang(siklus, fase), "berjalan": fase in berjalan}
        for fase, nama in FASE.items()
    ]


def _indikator_atau_404(evaluasi, nomor) -> Indikator:
    """Indikator bernomor ``nomor`` pada instrumen siklus evaluasi (yang sudah lolos kebijakan akses)."""
    qs = Indikator.objects.select_related("aspek").prefetch_related("slot_bukti")
    return get_object_or_404(qs, aspek__instrumen_id=evaluasi.siklus.instrumen_id, nomor=nomor)


def _level_usulan(evaluasi) -> dict[int, int | None]:
    """Usulan level tersimpan per nomor indikator (satu kueri)."""
    return dict(evaluasi.jawaban.values_list("indikator__nomor", "level_usulan"))


def _teks_ipp(hasil) -> dict:
    return {
        "ipp_mandiri": number_format(hasil.ipp_bulat, 2),
        "kategori": hasil.kategori,
        "predikat": hasil.predikat,
    }


def _ke_f01(evaluasi, nomor: int, jangkar: str = ""):
    return redirect(reverse("evaluasi:f01", args=[evaluasi.code, nomor]) + jangkar)


# --- Daftar ----------------------------------------------------------------------------------------


@login_required
def evaluasi_daftar(request):
    user = request.user
    akses.wajib(user, Kemampuan.LIHAT_EVALUASI)
    saring = EvaluasiSaringForm(request.GET or None, siklus_pilihan=selectors.siklus_qs_for_user(user=user))
    qs = saring.saring(selectors.evaluasi_qs_for_user(user=user))
    # Perangkat Daerah dahulu, lalu UOBK dan UPTD di bawahnya: unit sendiri berada di baris teratas.
    qs = qs.order_by("-siklus__tahun", "penyelenggara__jenis", "penyelenggara__nama")
    return render(
        request,
        "evaluasi/unit/daftar.html",
        {
            "saring": saring,
            "halaman": Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman")),
            "semua_unit": akses.menjangkau_semua_unit(user),
        },
    )


# --- Ringkasan satu evaluasi ----------------------------------------------------------------------


@dataclass
class BarisF01:
    """Satu baris tabel indikator pada ringkasan evaluasi."""

    indikator: Indikator
    jawaban: object
    penilaian: object
    jumlah_bukti: int
    slot_wajib: int
    slot_wajib_terisi: int

    @property
    def bukti_kurang(self) -> bool:
        """Slot wajib kosong pada indikator yang diklaim di atas level 0 (menghalangi pengajuan)."""
        diklaim = bool(self.jawaban and self.jawaban.level_usulan)
        return diklaim and self.slot_wajib_terisi < self.slot_wajib


def _muat_isian(evaluasi) -> tuple[dict, dict, Counter]:
    """Jawaban, penilaian, dan jumlah bukti per slot: tiga kueri, berapa pun jumlahnya."""
    jawaban = {j.indikator_id: j for j in evaluasi.jawaban.all()}
    penilaian = {p.indikator_id: p for p in evaluasi.penilaian.all()}
    bukti = Counter(evaluasi.bukti.values_list("slot_id", flat=True))
    return jawaban, penilaian, bukti


def _baris(indikator, jawaban, penilaian, bukti: Counter) -> BarisF01:
    slot = list(indikator.slot_bukti.all())
    wajib = [s for s in slot if s.wajib]
    return BarisF01(
        indikator=indikator,
        jawaban=jawaban.get(indikator.pk),
        penilaian=penilaian.get(indikator.pk),
        jumlah_bukti=sum(bukti[s.pk] for s in slot),
        slot_wajib=len(wajib),
        slot_wajib_terisi=sum(1 for s in wajib if bukti[s.pk]),
    )


def _nilai_aspek(hasil, kode: str) -> Decimal | None:
    if hasil is None or kode not in hasil.nilai_aspek:
        return None
    return Decimal(str(hasil.nilai_aspek[kode]))


def _kelompok_aspek(evaluasi, ipp_mandiri, hasil) -> list[dict]:
    jawaban, penilaian, bukti = _muat_isian(evaluasi)
    struktur = struktur_tersimpan(evaluasi.siklus.instrumen)
    return [
        {
            "aspek": aspek,
            "nilai_mandiri": _nilai_aspek(ipp_mandiri, aspek.kode),
            "nilai_evaluator": _nilai_aspek(hasil, aspek.kode),
            "baris": [_baris(i, jawaban, penilaian, bukti) for i in aspek.indikator.all()],
        }
        for aspek in struktur
    ]


def _level_sekarang(kelompok: list[dict]) -> dict[int, int | None]:
    """Level evaluator bila sudah ada, selain itu usulan unit; dasar daftar peningkatan terbesar."""
    level = {}
    for baris in (b for k in kelompok for b in k["baris"]):
        dinilai = baris.penilaian.level if baris.penilaian else None
        usulan = baris.jawaban.level_usulan if baris.jawaban else None
        level[baris.indikator.nomor] = dinilai if dinilai is not None else usulan
    return level


def _peningkatan(potret, kelompok: list[dict]) -> list[tuple]:
    """(Peningkatan, Indikator) untuk indikator yang paling menaikkan IPP; teksnya diambil dari struktur."""
    indikator = {b.indikator.nomor: b.indikator for k in kelompok for b in k["baris"]}
    hasil = peningkatan_terbesar(potret, _level_sekarang(kelompok), n=JUMLAH_PENINGKATAN)
    return [(p, indikator[p.nomor]) for p in hasil]


def _konteks_pengajuan(user, evaluasi) -> dict:
    """Tombol ajukan (Kepala) dan slot wajib yang masih kosong, selama evaluasi masih dapat diisi."""
    unit = evaluasi.penyelenggara
    dapat_diisi = evaluasi.status in FASE_ISIAN
    boleh_isi = dapat_diisi and akses.boleh_ubah_di_unit(user, Kemampuan.ISI_EVALUASI, unit)
    return {
        "boleh_ajukan": dapat_diisi and akses.boleh_ubah_di_unit(user, Kemampuan.AJUKAN_EVALUASI, unit),
        "boleh_isi": boleh_isi,
        "slot_kosong": services.slot_wajib_kosong(evaluasi) if boleh_isi else [],
    }


def _grafik_hasil(potret, hasil):
    """Nilai per aspek hasil evaluator terhadap target 5 (grafik yang sama dengan Laporan Hasil PDF)."""
    if hasil is None:
        return None
    return grafik_aspek_hasil([(a.kode, a.nama) for a in potret.aspek if a.bobot > 0], hasil.nilai_aspek)


@login_required
def evaluasi_detail(request, code):
    user = request.user
    evaluasi = selectors.evaluasi_get_for_user(user=user, code=code)
    siklus = evaluasi.siklus
    potret = potret_tersimpan(siklus.instrumen)
    ipp_mandiri = hitung_ipp_dari(potret, _level_usulan(evaluasi))
    hasil = getattr(evaluasi, "hasil", None)
    kelompok = _kelompok_aspek(evaluasi, ipp_mandiri, hasil)
    semua = [b for k in kelompok for b in k["baris"]]
    return render(
        request,
        "evaluasi/unit/detail.html",
        {
            "evaluasi": evaluasi,
            "siklus": siklus,
            "jendela": _jendela(siklus),
            "kelompok": kelompok,
            "jumlah_terisi": sum(1 for b in semua if b.jawaban),
            "jumlah_indikator": len(semua),
            "ipp_mandiri": ipp_mandiri,
            "hasil": hasil,
            "grafik_hasil": _grafik_hasil(potret, hasil),
            "peningkatan": _peningkatan(potret, kelompok),
            "ada_penilaian": any(b.penilaian for b in semua),
            "semua_unit": akses.menjangkau_semua_unit(user),
            "alasan_hanya_baca": _alasan_hanya_baca(user, evaluasi),
            **_konteks_pengajuan(user, evaluasi),
            **konteks_sanggahan(user, evaluasi),
        },
    )


# --- F-01 per indikator ----------------------------------------------------------------------------


def _navigasi(potret, nomor: int, level_usulan: dict) -> dict:
    semua = sorted(potret.per_nomor)
    posisi = semua.index(nomor)
    return {
        "sebelumnya": semua[posisi - 1] if posisi > 0 else None,
        "berikutnya": semua[posisi + 1] if posisi + 1 < len(semua) else None,
        "semua": [(n, potret.per_nomor[n][1].kode, n in level_usulan) for n in semua],
    }


def _slot_dengan_bukti(evaluasi, indikator, boleh_ubah: bool) -> list[tuple]:
    """(slot, berkas tersimpan, formulir unggah atau None) per slot indikator; satu kueri bukti."""
    per_slot = defaultdict(list)
    for bukti in evaluasi.bukti.filter(slot__indikator=indikator).order_by("created_at"):
        per_slot[bukti.slot_id].append(bukti)
    return [
        (
            slot,
            per_slot[slot.pk],
            BuktiForm(indikator=indikator, slot=slot, auto_id=f"id_{slot.code.hex}_%s")
            if boleh_ubah
            else None,
        )
        for slot in indikator.slot_bukti.all()
    ]


def _render_f01(request, evaluasi, indikator, form, *, hanya_baca: str, status=200, galat="", konflik=False):
    jawaban = evaluasi.jawaban.filter(indikator=indikator).select_related("diubah_oleh").first()
    potret = potret_tersimpan(evaluasi.siklus.instrumen)
    level_usulan = _level_usulan(evaluasi)
    usulan = jawaban.level_usulan if jawaban else None
    konteks = {
        "evaluasi": evaluasi,
        "siklus": evaluasi.siklus,
        "indikator": indikator,
        "form": form,
        "jawaban": jawaban,
        "usulan": usulan,
        "penilaian": evaluasi.penilaian.filter(indikator=indikator).first(),
        "tangga": list(enumerate(indikator.deskripsi_level)),
        "slot": _slot_dengan_bukti(evaluasi, indikator, boleh_ubah=not hanya_baca),
        "ipp": hitung_ipp_dari(potret, level_usulan),
        "nav": _navigasi(potret, indikator.nomor, level_usulan),
        "alasan_hanya_baca": hanya_baca,
        "galat": galat,
        "konflik": konflik,
        # Indikator 6–9: hasil SKM dan status RTL dari portal ditawarkan sebagai bukti dukung.
        "bukti_skm": selectors.bukti_skm_untuk_evaluasi(evaluasi, indikator),
    }
    return render(request, "evaluasi/unit/f01.html", konteks, status=status)


def _simpan_f01(request, evaluasi, indikator):
    akses.wajib_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, evaluasi.penyelenggara)
    form = IsianF01Form(request.POST, indikator=indikator)
    if not form.is_valid():
        galat = "Isian belum disimpan: periksa isian yang ditandai."
        return _render_f01(request, evaluasi, indikator, form, hanya_baca="", status=400, galat=galat)
    versi = form.cleaned_data["versi"]
    try:
        jawaban = services.jawaban_simpan(
            evaluasi=evaluasi,
            indikator=indikator,
            isian=form.isian(),
            catatan=form.cleaned_data["catatan"],
            versi=versi,
            oleh=request.user,
        )
    except DomainError as e:
        # Versi yang dibawa formulir sudah bukan versi tersimpan: orang lain menyimpan lebih dulu (409).
        tersimpan = evaluasi.jawaban.filter(indikator=indikator).values_list("versi", flat=True).first() or 0
        konflik = tersimpan != versi
        return _render_f01(
            request,
            evaluasi,
            indikator,
            form,
            hanya_baca="",
            status=409 if konflik else 400,
            galat=e.pesan,
            konflik=konflik,
        )
    usulan = f" Usulan level: {jawaban.level_usulan}." if jawaban.level_usulan is not None else ""
    messages.success(request, f"Isian indikator {indikator.nomor} tersimpan.{usulan}")
    # Tombol "Simpan & lanjut" membawa nomor indikator berikutnya; tanpa itu kembali ke indikator ini (PRG).
    lanjut = request.POST.get("lanjut", "")
    # Hanya angka ASCII pendek: isdigit() juga menerima "²", yang membuat int() galat (500).
    sah = lanjut.isascii() and lanjut.isdigit() and len(lanjut) <= 3
    return _ke_f01(evaluasi, int(lanjut) if sah else indikator.nomor)


@login_required
@require_http_methods(["GET", "POST"])
def f01_indikator(request, code, nomor):
    evaluasi = selectors.evaluasi_get_for_user(user=request.user, code=code)
    indikator = _indikator_atau_404(evaluasi, nomor)
    if request.method == "POST":
        return _simpan_f01(request, evaluasi, indikator)
    hanya_baca = _alasan_hanya_baca(request.user, evaluasi)
    jawaban = evaluasi.jawaban.filter(indikator=indikator).first()
    form = IsianF01Form(
        indikator=indikator,
        initial=IsianF01Form.awal_dari(jawaban, indikator),
        hanya_baca=bool(hanya_baca),
    )
    return _render_f01(request, evaluasi, indikator, form, hanya_baca=hanya_baca)


@login_required
@require_POST
def f01_pratinjau(request, code, nomor):
    """Usulan level dan IPP mandiri bila isian ini disimpan, tanpa menyimpan apa pun."""
    evaluasi = selectors.evaluasi_get_for_user(user=request.user, code=code)
    indikator = _indikator_atau_404(evaluasi, nomor)
    form = IsianF01Form(request.POST, indikator=indikator, dengan_versi=False)
    if not form.is_valid():
        return JsonResponse({"pesan": form.ringkasan_galat()}, status=400)
    try:
        level = usulkan_level(indikator, form.isian())
    except ValueError as e:
        return JsonResponse({"pesan": f"Isian tidak sah: {e}"}, status=400)
    level_usulan = {**_level_usulan(evaluasi), indikator.nomor: level}
    hasil = hitung_ipp_dari(potret_tersimpan(evaluasi.siklus.instrumen), level_usulan)
    return JsonResponse({"level_usulan": level, **_teks_ipp(hasil)})


# --- Bukti dukung ----------------------------------------------------------------------------------


@login_required
@require_POST
def bukti_unggah(request, code, nomor):
    evaluasi = selectors.evaluasi_get_for_user(user=request.user, code=code)
    indikator = _indikator_atau_404(evaluasi, nomor)
    akses.wajib_ubah_di_unit(request.user, Kemampuan.ISI_EVALUASI, evaluasi.penyelenggara)
    form = BuktiForm(request.POST, request.FILES, indikator=indikator)
    if not form.is_valid():
        messages.error(request, f"Bukti belum diunggah: {form.ringkasan_galat()}")
        return _ke_f01(evaluasi, nomor)
    slot, berkas = form.cleaned_data["slot"], form.cleaned_data["berkas"]

    def unggah():
        services.bukti_unggah(
            evaluasi=evaluasi,
            slot=slot,
            berkas=berkas,
            berlaku_tanggal=form.cleaned_data["berlaku_tanggal"],
            oleh=request.user,
        )
        tujuan = reverse("evaluasi:f01", args=[evaluasi.code, nomor]) + f"#bukti-{slot.code}"
        return tujuan, {}

    try:
        hasil = kiriman.jalankan_sekali(
            kunci=form.cleaned_data[kiriman.BIDANG],
            lingkup="evaluasi.bukti.unggah",
            pengguna=request.user,
            aksi=unggah,
        )
    except DomainError as e:
        messages.error(request, f"Bukti «{slot.nama}» tidak disimpan: {e.pesan}")
        return _ke_f01(evaluasi, nomor)
    if hasil.ulang:
        return kiriman.jawab_ulang(request, hasil)
    messages.success(request, f"Berkas {berkas.name} diunggah pada «{slot.nama}».")
    return redirect(hasil.url)


@login_required
@require_GET
def bukti_lihat(request, code):
    """Sajikan berkas bukti di peramban tanpa memberinya kuasa atas origin portal."""
    bukti = selectors.bukti_get_for_user(user=request.user, code=code)
    return sajikan_unggahan(bukti.berkas, nama=bukti.nama_asli, jenis_isi=bukti.jenis_isi)


@login_required
@require_POST
def bukti_hapus(request, code):
    bukti = selectors.bukti_get_for_user(user=request.user, code=code)
    evaluasi, slot = bukti.evaluasi, bukti.slot
    nama = bukti.nama_asli
    try:
        services.bukti_hapus(bukti=bukti, oleh=request.user)
    except DomainError as e:
        messages.error(request, f"Berkas {nama} tidak dihapus: {e.pesan}")
        return _ke_f01(evaluasi, slot.indikator.nomor)
    messages.success(request, f"Berkas {nama} dihapus dari «{slot.nama}».")
    return _ke_f01(evaluasi, slot.indikator.nomor, jangkar=f"#bukti-{slot.code}")


# --- Pengajuan -------------------------------------------------------------------------------------


@login_required
@require_POST
def evaluasi_ajukan(request, code):
    evaluasi = selectors.evaluasi_get_for_user(user=request.user, code=code)
    try:
        services.evaluasi_ajukan(evaluasi=evaluasi, oleh=request.user)
    except DomainError as e:
        messages.error(request, f"Evaluasi belum diajukan. {e.pesan}")
        return redirect("evaluasi:detail", code=evaluasi.code)
    messages.success(
        request,
        f"Penilaian mandiri {evaluasi.penyelenggara.nama_pendek} diajukan ke Biro Organisasi. "
        "Biro akan menilai pada jendela penilaian; isian kini terkunci.",
    )
    return redirect("evaluasi:detail", code=evaluasi.code)
