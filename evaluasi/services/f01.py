"""F-01, penilaian mandiri oleh unit lokus: isian per indikator, bukti dukung, dan pengajuan oleh Kepala."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from akun import akses
from akun.akses import Kemampuan
from akun.models import Pengguna, Peran
from kaltim_yanlik.core.audit import audit_catat
from kaltim_yanlik.core.exceptions import DomainError
from kaltim_yanlik.core.notifikasi import notifikasi_kirim
from kaltim_yanlik.core.unggahan import periksa_berkas

from ..final import wajib_siklus_belum_final
from ..jendela import wajib_dalam_jendela
from ..models import BuktiDukung, Evaluasi, Indikator, JawabanIndikator, SlotBukti
from ..usulan_level import usulkan_level

Status = Evaluasi.Status


def _wajib_boleh_isi(evaluasi: Evaluasi, oleh) -> None:
    """Unit lokus boleh mengubah F-01 saat draf (jendela pengisian) atau dikembalikan (jendela perbaikan)."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.ISI_EVALUASI, evaluasi.penyelenggara)
    # Lokus yang tidak mengajukan pada siklus final tetap "tidak mengajukan": hasilnya sudah terbit.
    wajib_siklus_belum_final(evaluasi.siklus, "Perubahan penilaian mandiri")
    if evaluasi.status == Status.DRAF:
        wajib_dalam_jendela(evaluasi.siklus, "pengisian")
    elif evaluasi.status == Status.DIKEMBALIKAN:
        wajib_dalam_jendela(evaluasi.siklus, "perbaikan")
    else:
        raise DomainError(
            f"Evaluasi berstatus {evaluasi.get_status_display().lower()}; isian tidak dapat diubah lagi."
        )


def _audit(objek, aksi, oleh, evaluasi, data=None):
    audit_catat(objek=objek, aksi=aksi, oleh=oleh, penyelenggara_id=evaluasi.penyelenggara_id, data=data)


@transaction.atomic
def jawaban_simpan(
    *, evaluasi: Evaluasi, indikator: Indikator, isian: dict, catatan: str, versi: int, oleh
) -> JawabanIndikator:
    """Simpan isian satu indikator. ``versi`` adalah versi yang dilihat pengisi saat membuka formulir:
    bila orang lain menyimpan lebih dulu, simpan ini ditolak agar isian mereka tidak tertimpa diam-diam.
    """
    _wajib_boleh_isi(evaluasi, oleh)
    if indikator.aspek.instrumen_id != evaluasi.siklus.instrumen_id:
        raise DomainError("Indikator ini bukan bagian dari instrumen siklus evaluasi.")
    try:
        level = usulkan_level(indikator, isian)
    except ValueError as e:
        raise DomainError(f"Isian tidak sah: {e}") from e
    jawaban, _ = JawabanIndikator.objects.select_for_update().get_or_create(
        evaluasi=evaluasi, indikator=indikator
    )
    if jawaban.versi != versi:
        siapa = jawaban.diubah_oleh or "pengguna lain"
        kapan = (
            date_format(timezone.localtime(jawaban.diubah_pada), "j F Y H:i") if jawaban.diubah_pada else ""
        )
        raise DomainError(
            f"Indikator {indikator.nomor} baru saja disimpan oleh {siapa} ({kapan}). Isian Anda belum "
            "disimpan: muat ulang halaman untuk melihat isian terbaru, lalu ulangi perubahan Anda."
        )
    level_lama = jawaban.level_usulan
    jawaban.isian, jawaban.catatan, jawaban.level_usulan = isian, catatan, level
    jawaban.versi += 1
    jawaban.diubah_oleh, jawaban.diubah_pada = oleh, timezone.now()
    jawaban.save(update_fields=["isian", "catatan", "level_usulan", "versi", "diubah_oleh", "diubah_pada"])
    _audit(
        jawaban,
        "evaluasi.f01.disimpan",
        oleh,
        evaluasi,
        {"indikator": indikator.nomor, "level_usulan_lama": level_lama, "level_usulan": level},
    )
    return jawaban


@transaction.atomic
def bukti_unggah(*, evaluasi: Evaluasi, slot: SlotBukti, berkas, berlaku_tanggal, oleh) -> BuktiDukung:
    """Simpan satu bukti dukung (PDF/JPG/PNG, diperiksa dari isinya, paling besar 10 MB)."""
    _wajib_boleh_isi(evaluasi, oleh)
    if slot.indikator.aspek.instrumen_id != evaluasi.siklus.instrumen_id:
        raise DomainError("Slot bukti ini bukan bagian dari instrumen siklus evaluasi.")
    if berlaku_tanggal is None:
        raise DomainError("Isi tanggal berlakunya dokumen.")
    if berlaku_tanggal > timezone.localdate():
        raise DomainError("Tanggal berlaku dokumen tidak boleh di masa depan.")
    jenis = periksa_berkas(berkas)
    bukti = BuktiDukung(
        evaluasi=evaluasi,
        slot=slot,
        nama_asli=berkas.name[:255],
        jenis_isi=jenis.jenis_isi,
        ukuran=berkas.size,
        berlaku_tanggal=berlaku_tanggal,
        diunggah_oleh=oleh,
    )
    bukti.berkas.save(berkas.name, berkas, save=False)
    try:
        # Baris dan jejak auditnya satu kesatuan: gagal di mana pun, keduanya batal dan berkas yang sudah
        # tertulis dibuang, tidak ada unggahan setengah jadi (tests/test_gangguan_unggah.py).
        with transaction.atomic():
            bukti.save()
            data = {"slot": slot.nama, "berkas": bukti.nama_asli}
            _audit(bukti, "evaluasi.bukti.diunggah", oleh, evaluasi, data)
    except Exception:
        bukti.berkas.storage.delete(bukti.berkas.name)
        raise
    return bukti


@transaction.atomic
def bukti_hapus(*, bukti: BuktiDukung, oleh) -> None:
    evaluasi = bukti.evaluasi
    _wajib_boleh_isi(evaluasi, oleh)
    nama, storage = bukti.berkas.name, bukti.berkas.storage
    _audit(
        bukti, "evaluasi.bukti.dihapus", oleh, evaluasi, {"slot": bukti.slot.nama, "berkas": bukti.nama_asli}
    )
    bukti.delete()
    transaction.on_commit(lambda: storage.delete(nama))


def slot_wajib_kosong(evaluasi: Evaluasi) -> list[SlotBukti]:
    """Slot wajib yang belum berisi bukti, untuk indikator yang diklaim di atas level 0."""
    diklaim = evaluasi.jawaban.filter(level_usulan__gt=0).values("indikator_id")
    terisi = evaluasi.bukti.values("slot_id")
    return list(
        SlotBukti.objects.filter(wajib=True, indikator__in=diklaim)
        .exclude(pk__in=terisi)
        .select_related("indikator")
        .order_by("indikator__nomor", "urutan")
    )


@transaction.atomic
def evaluasi_ajukan(*, evaluasi: Evaluasi, oleh) -> Evaluasi:
    """Kepala Penyelenggara mengajukan F-01 kepada Biro; hanya bila semua slot wajib terisi."""
    akses.wajib_ubah_di_unit(oleh, Kemampuan.AJUKAN_EVALUASI, evaluasi.penyelenggara)
    evaluasi = Evaluasi.objects.select_for_update().select_related("siklus").get(pk=evaluasi.pk)
    _wajib_boleh_isi(evaluasi, oleh)
    if not evaluasi.jawaban.exists():
        raise DomainError("Belum ada indikator yang diisi.")
    kosong = slot_wajib_kosong(evaluasi)
    if kosong:
        daftar = "; ".join(f"indikator {s.indikator.nomor}: {s.nama}" for s in kosong)
        raise DomainError(f"Bukti dukung wajib belum lengkap ({len(kosong)}): {daftar}.")
    status_lama = evaluasi.status
    evaluasi.status, evaluasi.diajukan_pada = Status.DIAJUKAN, timezone.now()
    evaluasi.save(update_fields=["status", "diajukan_pada", "updated_at"])
    _audit(evaluasi, "evaluasi.diajukan", oleh, evaluasi, {"dari": status_lama, "ke": evaluasi.status})
    notifikasi_kirim(
        penerima=Pengguna.objects.filter(peran=Peran.BIRO, is_active=True),
        judul=f"Evaluasi diajukan: {evaluasi.penyelenggara}",
        isi=f"{evaluasi.penyelenggara} mengajukan penilaian mandiri {evaluasi.siklus}.",
        tautan=reverse("evaluasi:nilai", args=[evaluasi.code]),
    )
    return evaluasi
