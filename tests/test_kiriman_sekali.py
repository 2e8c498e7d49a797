"""Kiriman sekali (core/kiriman.py): klik ganda dan kiriman bersamaan tidak pernah membuat rekaman kedua.

Uji bersamaan sungguhan: beberapa utas mengirim POST yang sama persis (kunci kiriman yang sama) pada saat
yang sama ke ``live_server`` di PostgreSQL, untuk setiap formulir pembuat; hasilnya satu rekaman dan setiap
utas menerima pengalihan ke halaman hasil yang sama. Satu uji peramban mengklik ganda tombol kirim.
"""

import http.client
import importlib
import secrets
import threading
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from kaltim_yanlik.core.kiriman import PESAN_ULANG, isian_kunci
from kaltim_yanlik.core.models import JejakAudit, KirimanFormulir
from sanksi.models import Pengaduan

from . import test_fuzz_formulir as fz

UTAS = 4
MIGRASI_DATA = (
    "kaltim_yanlik.core.migrations.0006_hari_libur_2026_dasar_hukum_awal",
    "kode_etik.migrations.0002_norma_pergub_8_2025",
    "akun.migrations.0004_kewenangan_awal",
    "sanksi.migrations.0003_upaya_administratif_awal",
)


# --- Kiriman berurutan (klien uji) -------------------------------------------------------------------------


@pytest.mark.django_db
def test_kiriman_ulang_dengan_kunci_sama_dijawab_hasil_pertama(client, dinkes, operator_dinkes):
    client.force_login(operator_dinkes)
    data = {
        "penyelenggara": str(dinkes.code),
        "saluran": "surat",
        "uraian": "Surat keluhan: antrean tidak tertib.",
        **isian_kunci(),
    }
    pertama = client.post(reverse("sanksi:pengaduan_catat"), data)
    kedua = client.post(reverse("sanksi:pengaduan_catat"), data, follow=True)
    assert pertama.status_code == 302
    assert kedua.redirect_chain[0][0] == pertama.url and PESAN_ULANG in kedua.text
    assert Pengaduan.objects.count() == 1 and KirimanFormulir.objects.count() == 1


@pytest.mark.django_db
def test_kunci_palsu_hilang_atau_milik_orang_lain_ditolak(client, dinkes, operator_dinkes, kepala_dinkes):
    data = {"penyelenggara": str(dinkes.code), "saluran": "surat", "uraian": "Keluhan."}
    client.force_login(operator_dinkes)
    for kunci in ({}, {"kunci_kiriman": "buatan-sendiri"}, {"kunci_kiriman": ""}):
        r = client.post(reverse("sanksi:pengaduan_catat"), {**data, **kunci})
        assert r.status_code == 400 and "tidak sah atau sudah kedaluwarsa" in r.text
    kunci = isian_kunci()
    assert client.post(reverse("sanksi:pengaduan_catat"), {**data, **kunci}).status_code == 302
    client.force_login(kepala_dinkes)  # kunci yang sama dipakai akun lain: tidak mendapat hasil orang lain
    r = client.post(reverse("sanksi:pengaduan_catat"), {**data, **kunci})
    assert r.status_code == 400 and "tidak sah atau sudah kedaluwarsa" in r.text
    assert Pengaduan.objects.count() == 1


@pytest.mark.django_db
def test_kiriman_yang_ditolak_service_melepas_kuncinya(client, dinkes, operator_dinkes):
    client.force_login(operator_dinkes)
    kunci = isian_kunci()
    data = {"penyelenggara": str(dinkes.code), "saluran": "sp4n_lapor", "uraian": "Dari LAPOR.", **kunci}
    r = client.post(reverse("sanksi:pengaduan_catat"), data)  # nomor SP4N-LAPOR! wajib: ditolak service
    assert r.status_code == 400 and not KirimanFormulir.objects.exists()
    r = client.post(reverse("sanksi:pengaduan_catat"), {**data, "nomor_lapor": "LPR-77"})
    assert r.status_code == 302 and Pengaduan.objects.count() == 1


@pytest.mark.django_db
def test_nomor_sp4n_lapor_ganda_menyebut_kode_lacak_yang_ada(client, dinkes, samsat, operator_dinkes, biro):
    client.force_login(operator_dinkes)
    data = {
        "penyelenggara": str(dinkes.code),
        "saluran": "sp4n_lapor",
        "uraian": "Dari LAPOR.",
        "nomor_lapor": "#123 4567",
    }
    assert client.post(reverse("sanksi:pengaduan_catat"), {**data, **isian_kunci()}).status_code == 302
    kode = Pengaduan.objects.get().kode_lacak
    client.force_login(biro)  # pencatat lain, unit lain, kiriman baru: tetap satu nomor satu pengaduan
    r = client.post(
        reverse("sanksi:pengaduan_catat"), {**data, "penyelenggara": str(samsat.code), **isian_kunci()}
    )
    assert r.status_code == 400 and f"kode lacak {kode}" in r.text and "1234567" in r.text
    # Saluran lain dengan nomor yang sama bukan tiket yang sama.
    r = client.post(reverse("sanksi:pengaduan_catat"), {**data, "saluran": "surat", **isian_kunci()})
    assert r.status_code == 302 and Pengaduan.objects.count() == 2


@pytest.mark.django_db
def test_kunci_lama_dibuang_oleh_tugas_berkala(operator_dinkes):
    from kaltim_yanlik.core.tasks import kiriman_bersihkan_task

    baru = KirimanFormulir.objects.create(kunci="a", lingkup="x", pengguna=operator_dinkes, hasil_url="/")
    lama = KirimanFormulir.objects.create(kunci="b", lingkup="x", pengguna=operator_dinkes, hasil_url="/")
    KirimanFormulir.objects.filter(pk=lama.pk).update(dibuat=timezone.now() - timedelta(days=31))
    assert kiriman_bersihkan_task() == 1
    assert list(KirimanFormulir.objects.values_list("pk", flat=True)) == [baru.pk]


# --- Kiriman bersamaan (utas sungguhan ke live_server, PostgreSQL) -----------------------------------------


@pytest.fixture
def data_migrasi(transactional_db):
    """transactional_db mengosongkan data migrasi; pasang ulang yang dibutuhkan alur (larangan, kewenangan,
    hari libur, upaya administratif, instrumen 2025). Fungsi migrasinya aman diulang."""
    from evaluasi.tests.alur import pasang_instrumen_2025

    for modul in MIGRASI_DATA:
        importlib.import_module(modul).pasang(apps, None)
    pasang_instrumen_2025()


def _hitung_penetapan_gubernur() -> int:
    return JejakAudit.objects.filter(aksi="penghargaan.penyelenggara.ditetapkan").count()


def _keberatan(d):
    from sanksi.tests.test_pelanggaran import _jatuhkan, _sampai_bap

    _jatuhkan(_sampai_bap(d.kasus, d.fx("operator_dinkes")), d.fx("kepala_dinkes"), tanggal=d.hari)
    return {"code": d.kasus.code, "langkah": "keberatan"}, {
        "keberatan-tanggal_diterima": d.hari.isoformat(), "keberatan-alasan": "Saya keberatan.",
    }  # fmt: skip


@dataclass(frozen=True)
class Pembuat:
    nama: str
    url: str
    siapkan: object
    peran: str | None
    model: str | None  # "app.Model" yang bertambah satu; None = hitung lewat ``hitung``
    awalan: str = ""
    hitung: object = None

    def jumlah(self) -> int:
        return self.hitung() if self.hitung else apps.get_model(self.model).objects.count()


PEMBUAT = [
    Pembuat("pengaduan-publik", "sanksi:pengaduan_publik", fz._pengaduan_publik, None, "sanksi.Pengaduan"),
    Pembuat(
        "pengaduan-petugas",
        "sanksi:pengaduan_catat",
        fz._pengaduan_catat,
        "operator_dinkes",
        "sanksi.Pengaduan",
    ),
    Pembuat("kasus", "sanksi:kasus_buka", fz._kasus_buka, "operator_dinkes", "sanksi.Pelanggaran"),
    Pembuat("sanksi", "sanksi:kasus_langkah", fz._kasus_bap, "kepala_dinkes", "sanksi.Sanksi", "sanksi-"),
    Pembuat(
        "keberatan", "sanksi:kasus_langkah", _keberatan, "operator_dinkes", "sanksi.Keberatan", "keberatan-"
    ),
    Pembuat("banding", "sanksi:kasus_langkah", fz._kasus_banding, "biro", "sanksi.Banding", "banding-"),
    Pembuat(
        "sanggahan", "evaluasi:sanggahan_ajukan", fz._sanggahan_ajukan, "kepala_dinkes", "evaluasi.Sanggahan"
    ),
    Pembuat(
        "bukti-f01", "evaluasi:bukti_unggah", fz._bukti_unggah, "operator_dinkes", "evaluasi.BuktiDukung"
    ),
    Pembuat(
        "penghargaan-pelaksana",
        "penghargaan:periode_tetapkan",
        fz._ph_tetapkan,
        "kepala_dinkes",
        "penghargaan.PenerimaPenghargaan",
    ),  # fmt: skip
    Pembuat(
        "penghargaan-gubernur",
        "penghargaan:penyelenggara_tetapkan",
        fz._ph_gubernur,
        "biro",
        None,
        hitung=_hitung_penetapan_gubernur,
    ),  # fmt: skip
]


def _badan(data: dict) -> tuple[bytes, str]:
    """Badan POST: urlencoded, atau multipart bila ada berkas (``Berkas`` uji fuzz)."""
    if not any(isinstance(v, fz.Berkas) for v in data.values()):
        return urlencode(data, doseq=True).encode(), "application/x-www-form-urlencoded"
    batas = "----kiriman" + secrets.token_hex(8)
    bagian = []
    for nama, nilai in data.items():
        for v in nilai if isinstance(nilai, list) else [nilai]:
            if isinstance(v, fz.Berkas):
                kepala = f'Content-Disposition: form-data; name="{nama}"; filename="{v.nama}"\r\n'
                bagian.append(
                    f"--{batas}\r\n{kepala}Content-Type: application/pdf\r\n\r\n".encode() + v.isi + b"\r\n"
                )
            else:
                bagian.append(
                    f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"\r\n\r\n{v}\r\n'.encode()
                )
    return b"".join(bagian) + f"--{batas}--\r\n".encode(), f"multipart/form-data; boundary={batas}"


def _kirim_bersamaan(live_server, path: str, cookie: str, badan: bytes, jenis: str) -> list[tuple[int, str]]:
    host, port = live_server.thread.host, live_server.thread.port
    hasil, galat = [None] * UTAS, []
    serentak = threading.Barrier(UTAS)

    def kirim(i):
        try:
            koneksi = http.client.HTTPConnection(host, port, timeout=60)
            serentak.wait(timeout=30)
            koneksi.request("POST", path, badan, {"Cookie": cookie, "Content-Type": jenis})
            jawaban = koneksi.getresponse()
            hasil[i] = (jawaban.status, jawaban.getheader("Location") or "")
            jawaban.read()
            koneksi.close()
        except Exception as e:  # noqa: BLE001 — dilaporkan oleh uji
            galat.append(repr(e))

    utas = [threading.Thread(target=kirim, args=(i,)) for i in range(UTAS)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(timeout=90)
    assert not galat, galat
    return hasil


@pytest.mark.parametrize("pembuat", PEMBUAT, ids=[p.nama for p in PEMBUAT])
def test_kiriman_bersamaan_hanya_satu_rekaman(request, live_server, client, settings, data_migrasi, pembuat):
    settings.MINIMAL_DETIK_ISI_PUBLIK = 0
    cache.clear()
    d = fz.Dunia(request)
    kwargs, data = pembuat.siapkan(d)
    data = {**data, **isian_kunci(pembuat.awalan)}
    csrf = secrets.token_hex(16)  # rahasia CSRF 32 karakter: cookie dan isian formulir yang sama
    data["csrfmiddlewaretoken"] = csrf
    cookie = f"csrftoken={csrf}"
    if pembuat.peran:
        client.force_login(request.getfixturevalue(pembuat.peran))  # sesi di basis data bersama live_server
        cookie += f"; sessionid={client.cookies['sessionid'].value}"
    sebelum = pembuat.jumlah()
    badan, jenis = _badan(data)

    hasil = _kirim_bersamaan(live_server, reverse(pembuat.url, kwargs=kwargs), cookie, badan, jenis)

    assert {status for status, _ in hasil} == {302}, hasil
    assert len({lokasi for _, lokasi in hasil}) == 1, hasil
    assert pembuat.jumlah() == sebelum + 1
    assert KirimanFormulir.objects.count() == 1


# --- Klik ganda di peramban -------------------------------------------------------------------------


@pytest.mark.browser
def test_klik_ganda_tombol_simpan_pengaduan_satu_rekaman(masuk_lewat_peramban, live_server, operator_dinkes):
    from playwright.sync_api import expect

    page = masuk_lewat_peramban("operator.dinkes", "sandi-uji-123")
    page.goto(live_server.url + reverse("sanksi:pengaduan_catat"))
    page.locator("select[name='penyelenggara']").select_option(label="Dinas Kesehatan")
    page.locator("select[name='saluran']").select_option(value="surat")
    page.locator("textarea[name='uraian']").fill("Surat warga: petugas loket tidak hadir pada jam layanan.")
    page.get_by_role("button", name="Simpan pengaduan").dblclick()
    expect(page.get_by_text("tercatat. Sampaikan kode lacak")).to_be_visible()
    assert Pengaduan.objects.count() == 1
