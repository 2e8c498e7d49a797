"""Hasil penilaian kepatuhan Ombudsman RI per unit dan tahun (regulations.md §4), dicatat Biro Organisasi.

Zona tidak pernah diketik: ia ditentukan dari baris ambang ``ZonaOmbudsman`` yang berlaku untuk tahunnya,
sehingga perbaikan ambang oleh admin berlaku untuk catatan berikutnya tanpa mengubah kode. Kode aksi audit
tetap ``evaluasi.ombudsman.*`` (pengenal historis, lihat ``services/skm.py``).
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q

from akun import akses
from akun.akses import Kemampuan
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError

from ..models import KepatuhanOmbudsman, ZonaOmbudsman

TAHUN_PERTAMA = 2015  # penilaian kepatuhan Ombudsman dimulai 2015 (regulations.md §4)
DUA_DESIMAL = Decimal("0.01")


def _nilai_sah(nilai) -> Decimal:
    try:
        angka = Decimal(str(nilai).replace(",", "."))
    except InvalidOperation:
        raise DomainError(f"Nilai kepatuhan harus angka 0–100, bukan «{nilai}».") from None
    if not angka.is_finite() or not 0 <= angka <= 100:
        raise DomainError("Nilai kepatuhan harus di antara 0 dan 100.")
    if angka != angka.quantize(DUA_DESIMAL):
        raise DomainError("Nilai kepatuhan paling banyak dua angka di belakang koma.")
    return angka.quantize(DUA_DESIMAL)


def zona_untuk(tahun: int, nilai) -> str:
    """Kode zona (hijau/kuning/merah) untuk ``nilai`` pada ``tahun`` menurut ambang yang berlaku.

    Bila beberapa rentang tahun sama-sama mencakup ``tahun`` (admin menambah ambang baru tanpa menutup yang
    lama), rentang yang mulai paling akhir yang berlaku.
    """
    nilai = _nilai_sah(nilai)
    berlaku = ZonaOmbudsman.objects.filter(
        Q(tahun_selesai__isnull=True) | Q(tahun_selesai__gte=tahun), tahun_mulai__lte=tahun
    )
    mulai = berlaku.order_by("-tahun_mulai").values_list("tahun_mulai", flat=True).first()
    if mulai is None:
        raise DomainError(f"Ambang zona Ombudsman untuk tahun {tahun} belum ada. Minta admin menambahkannya.")
    zona = (
        berlaku.filter(tahun_mulai=mulai, batas_bawah__lte=nilai, batas_atas__gte=nilai)
        .values_list("zona", flat=True)
        .first()
    )
    if zona is None:
        raise DomainError(
            f"Nilai {nilai} tidak masuk ambang zona Ombudsman mana pun untuk tahun {tahun}. "
            "Periksa ambang zona bersama admin."
        )
    return zona


def _tahun_sah(tahun) -> int:
    if isinstance(tahun, bool) or not isinstance(tahun, int) or not TAHUN_PERTAMA <= tahun <= 2100:
        raise DomainError(f"Tahun penilaian harus bilangan {TAHUN_PERTAMA} atau sesudahnya.")
    return tahun


@transaction.atomic
def kepatuhan_ombudsman_catat(*, penyelenggara, tahun: int, nilai, grade: str, oleh) -> KepatuhanOmbudsman:
    """Catat (atau koreksi) hasil Ombudsman satu unit untuk satu tahun; zona dihitung dari ambangnya."""
    akses.wajib(oleh, Kemampuan.KELOLA_OMBUDSMAN)
    tahun = _tahun_sah(tahun)
    nilai = _nilai_sah(nilai)
    grade = (grade or "").strip().upper()
    if len(grade) > 2:
        raise DomainError("Grade/opini paling banyak dua huruf, mis. A atau B.")
    zona = zona_untuk(tahun, nilai)
    catatan = (
        KepatuhanOmbudsman.objects.select_for_update()
        .filter(penyelenggara=penyelenggara, tahun=tahun)
        .first()
    )
    semula = {"nilai": str(catatan.nilai), "zona": catatan.zona, "grade": catatan.grade} if catatan else None
    catatan = catatan or KepatuhanOmbudsman(penyelenggara=penyelenggara, tahun=tahun)
    catatan.nilai, catatan.zona, catatan.grade, catatan.dicatat_oleh = nilai, zona, grade, oleh
    catatan.full_clean()
    catatan.save()
    audit_catat(
        objek=catatan,
        aksi="evaluasi.ombudsman.dikoreksi" if semula else "evaluasi.ombudsman.dicatat",
        oleh=oleh,
        penyelenggara_id=penyelenggara.pk,
        data={"tahun": tahun, "nilai": str(nilai), "zona": zona, "grade": grade, "semula": semula},
    )
    return catatan


def _nilai_ambang(zona: ZonaOmbudsman) -> dict:
    kolom = ("tahun_mulai", "tahun_selesai", "zona", "batas_bawah", "batas_atas")
    return {f: str(getattr(zona, f)) for f in kolom}


@transaction.atomic
def zona_ombudsman_simpan(*, zona: ZonaOmbudsman, oleh) -> ZonaOmbudsman:
    """Simpan ambang zona (lewat admin). Ambang menentukan zona setiap catatan kepatuhan berikutnya, maka
    perubahannya dicatat di jejak audit dengan nilai semula."""
    akses.wajib(oleh, Kemampuan.KELOLA_OMBUDSMAN)
    baru = zona._state.adding
    semula = None if baru else _nilai_ambang(ZonaOmbudsman.objects.get(pk=zona.pk))
    zona.full_clean()
    zona.save()
    data = _nilai_ambang(zona)
    if semula:
        data["semula"] = {k: v for k, v in semula.items() if v != data[k]}
    aksi = "evaluasi.ombudsman.ambang_dibuat" if baru else "evaluasi.ombudsman.ambang_diubah"
    audit_catat(objek=zona, aksi=aksi, oleh=oleh, data=data)
    return zona
