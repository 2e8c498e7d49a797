"""Pengingat penutupan jendela pengisian mandiri kepada Kepala dan operator lokus yang belum mengajukan."""

from datetime import date, timedelta

from django.urls import reverse

from akun.models import PERAN_UNIT, Pengguna
from kaltim_yanlik.core.notifikasi import notifikasi_kirim

from ..models import Evaluasi

HARI_PENGINGAT = (7, 3, 1)


def pengingat_pengisian_kirim(*, tanggal: date) -> int:
    """Pengingat untuk siklus yang pengisiannya ditutup 7, 3, atau 1 hari lagi; aman dijalankan ulang."""
    tutup = [tanggal + timedelta(days=h) for h in HARI_PENGINGAT]
    belum = Evaluasi.objects.filter(status=Evaluasi.Status.DRAF, siklus__pengisian_selesai__in=tutup)
    penerima_per_unit: dict[int, list] = {}
    for pengguna in Pengguna.objects.filter(
        peran__in=PERAN_UNIT, is_active=True, penyelenggara__in=belum.values("penyelenggara_id")
    ):
        penerima_per_unit.setdefault(pengguna.penyelenggara_id, []).append(pengguna)
    terkirim = 0
    for evaluasi in belum.select_related("siklus"):
        sisa = (evaluasi.siklus.pengisian_selesai - tanggal).days
        terkirim += notifikasi_kirim(
            penerima=penerima_per_unit.get(evaluasi.penyelenggara_id, []),
            judul=f"Pengisian mandiri {evaluasi.siklus} ditutup {sisa} hari lagi",
            isi=(
                f"Penilaian mandiri unit Anda belum diajukan. Jendela pengisian ditutup pada "
                f"{evaluasi.siklus.pengisian_selesai:%d-%m-%Y}; Kepala Penyelenggara mengajukannya setelah "
                "semua bukti dukung wajib terunggah."
            ),
            tautan=reverse("evaluasi:detail", args=[evaluasi.code]),
            kunci=f"pengingat:{evaluasi.code}:{sisa}",
        )
    return terkirim
