"""Kartu beranda monev: status evaluasi unit sendiri, atau antrean penilaian bagi Biro."""

from akun import akses
from akun.akses import Kemampuan

from . import selectors
from .models import Evaluasi


def kartu_beranda(user) -> list[dict]:
    siklus = selectors.siklus_qs_for_user(user=user).first()
    if siklus is None:
        return []
    if akses.menjangkau_semua_unit(user):
        jumlah = selectors.jumlah_per_status(siklus=siklus, user=user)
        konteks = {
            "siklus": siklus,
            "jumlah": jumlah,
            "boleh_nilai": akses.boleh(user, Kemampuan.NILAI_EVALUASI),
        }
        return [{"template": "evaluasi/_kartu_beranda_biro.html", "konteks": konteks}]
    evaluasi = list(
        selectors.evaluasi_qs_for_user(user=user)
        .filter(siklus=siklus)
        .order_by("penyelenggara__jenis", "penyelenggara__nama")
    )
    return [
        {
            "template": "evaluasi/_kartu_beranda_unit.html",
            "konteks": {"siklus": siklus, "evaluasi": evaluasi, "status": Evaluasi.Status},
        }
    ]
