"""Bacaan jejak audit untuk halaman audit Biro/Admin: saringan, pilihan saringan, dan baris ekspor.

Jejak audit tidak dibatasi lingkup unit: hanya peran yang menjangkau semua unit yang boleh membukanya
(``Kemampuan.LIHAT_AUDIT``), dan itu diperiksa view sebelum memanggil modul ini.
"""

import uuid
from collections import defaultdict
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse

from kaltim_yanlik.core.models import JejakAudit
from kode_etik.models import Penyelenggara

from ..models import Pengguna


def _nama_unit_subquery() -> Subquery:
    # penyelenggara_id sengaja bukan FK (jejak tetap ada walau unit dihapus); nama diambil dalam kueri yang
    # sama agar jumlah kueri tidak bertambah dengan jumlah baris.
    nama = Coalesce(NullIf("singkatan", Value("")), "nama", output_field=CharField())
    return Subquery(
        Penyelenggara.objects.filter(pk=OuterRef("penyelenggara_id")).annotate(n=nama).values("n")[:1]
    )


def _q_unit(unit: Penyelenggara, termasuk_bawahan: bool) -> Q:
    q = Q(penyelenggara_id=unit.pk)
    if termasuk_bawahan:
        q |= Q(penyelenggara_id__in=Penyelenggara.objects.filter(induk=unit).values("pk"))
    return q


def _model_ber_code(content_types) -> list:
    return [
        ct.model_class()
        for ct in content_types
        if ct.model_class() is not None and any(f.name == "code" for f in ct.model_class()._meta.fields)
    ]


def _q_objek(teks: str, content_type: ContentType | None) -> Q:
    """Teks bebas pada nama objek, atau persis kode (UUID) / pk objek.

    Kode kasus pelanggaran juga cocok dengan semua langkahnya (pemanggilan, BAP, sanksi, ...), karena
    service sanksi menyimpan kode kasus di ``data["pelanggaran"]``.
    """
    q = Q(objek_repr__icontains=teks)
    if teks.isdigit():
        return q | Q(object_id=teks)
    try:
        kode = uuid.UUID(teks)
    except ValueError:
        return q
    jenis = [content_type] if content_type else jenis_objek_tercatat()
    for model in _model_ber_code(jenis):
        pk = model._default_manager.filter(code=kode).values_list("pk", flat=True).first()
        if pk is not None:
            q |= Q(content_type=ContentType.objects.get_for_model(model), object_id=str(pk))
    return q | Q(data__pelanggaran=str(kode))


def jejak_audit_daftar(
    *,
    unit: Penyelenggara | None = None,
    termasuk_bawahan: bool = False,
    pengguna: Pengguna | None = None,
    jenis_objek: ContentType | None = None,
    objek: str = "",
    aksi: str = "",
    dari: date | None = None,
    sampai: date | None = None,
) -> QuerySet:
    """Jejak terbaru lebih dulu, dengan pengguna, jenis objek dan nama unit dalam satu kueri."""
    qs = JejakAudit.objects.select_related("pengguna", "content_type")
    qs = qs.annotate(unit_nama=_nama_unit_subquery())
    if unit is not None:
        qs = qs.filter(_q_unit(unit, termasuk_bawahan))
    if pengguna is not None:
        qs = qs.filter(pengguna=pengguna)
    if jenis_objek is not None:
        qs = qs.filter(content_type=jenis_objek)
    if objek:
        qs = qs.filter(_q_objek(objek.strip(), jenis_objek))
    if aksi:
        qs = qs.filter(aksi__startswith=aksi.strip())
    # Tanggal dibaca dalam zona waktu portal (WITA), sama dengan yang tampil di tabel.
    if dari:
        qs = qs.filter(waktu__date__gte=dari)
    if sampai:
        qs = qs.filter(waktu__date__lte=sampai)
    return qs.order_by("-waktu", "-id")


def unit_pilihan() -> QuerySet:
    return Penyelenggara.objects.select_related("induk").order_by("nama")


def pengguna_pilihan() -> QuerySet:
    return Pengguna.objects.order_by("nama", "username")


def jenis_objek_tercatat() -> QuerySet:
    """Jenis objek yang pernah dicatat; daftar pendek karena hanya model yang ditulis lewat service."""
    # EXISTS per jenis memakai indeks (content_type, object_id); IN atas seluruh jejak memindai tabel.
    tercatat = Exists(JejakAudit.objects.filter(content_type=OuterRef("pk")))
    return ContentType.objects.filter(tercatat).order_by("app_label", "model")


# Halaman detail per jenis objek (app_label, model) → nama URL ber-``code``. Jenis lain tampil tanpa tautan.
# Hanya nama URL (teks, di-``reverse`` saat halaman dibuka): akun tidak mengimpor app di kanannya.
HALAMAN_OBJEK = {
    ("kode_etik", "penyelenggara"): "kode_etik:penyelenggara_detail",
    ("kode_etik", "pelaksana"): "kode_etik:pelaksana_detail",
    ("evaluasi", "siklusmonev"): "evaluasi:siklus_detail",
    ("evaluasi", "evaluasi"): "evaluasi:detail",
    ("evaluasi", "sanggahan"): "evaluasi:sanggahan_detail",
    ("survei", "periodeskm"): "survei:skm_detail",
    ("sanksi", "pengaduan"): "sanksi:pengaduan_detail",
    ("sanksi", "pelanggaran"): "sanksi:kasus_detail",
}


def tautan_objek(daftar_jejak) -> dict[int, str]:
    """id jejak → alamat halaman objeknya. Satu kueri per jenis objek di halaman, bukan per baris.

    Langkah kasus (pemanggilan, BAP, sanksi, keberatan, rujukan) menaut ke kasusnya lewat kode kasus yang
    disimpan service sanksi di ``data["pelanggaran"]``, tanpa kueri.
    """
    tautan, per_jenis = {}, defaultdict(list)
    for jejak in daftar_jejak:
        kunci = (jejak.content_type.app_label, jejak.content_type.model)
        if kunci in HALAMAN_OBJEK:
            per_jenis[jejak.content_type].append(jejak)
        elif isinstance(jejak.data, dict) and jejak.data.get("pelanggaran"):
            tautan[jejak.pk] = reverse("sanksi:kasus_detail", args=[jejak.data["pelanggaran"]])
    for ct, daftar in per_jenis.items():
        nama_url = HALAMAN_OBJEK[(ct.app_label, ct.model)]
        kode = _kode_per_pk(ct, {j.object_id for j in daftar})
        for jejak in daftar:
            if jejak.object_id in kode:
                tautan[jejak.pk] = reverse(nama_url, args=[kode[jejak.object_id]])
    return tautan


def _kode_per_pk(ct: ContentType, id_objek: set[str]) -> dict[str, uuid.UUID]:
    model = ct.model_class()
    if model is None:
        return {}
    # object_id disimpan sebagai teks; objek yang sudah dihapus tidak mendapat tautan.
    pk_sah = [i for i in id_objek if i.isdigit()]
    return {
        str(pk): kode for pk, kode in model._default_manager.filter(pk__in=pk_sah).values_list("pk", "code")
    }
