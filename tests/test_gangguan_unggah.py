"""Unggahan yang terputus di tengah jalan tidak meninggalkan apa pun setengah tersimpan.

Bukti dukung F-01 diunggah Operator ke live_server lewat soket mentah: header dengan Content-Length badan
multipart utuh (±6 MB, lebih dari FILE_UPLOAD_MAX_MEMORY_SIZE sehingga Django menulis berkas sementara),
separuh badan dikirim, lalu soket ditutup. Tidak boleh ada baris BuktiDukung baru, berkas baru di MEDIA_ROOT,
atau berkas sementara yang tertinggal; bukti yang sudah tersimpan sebelumnya tidak berubah.
"""

import secrets
import socket
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from evaluasi import services
from evaluasi.jendela import hari_ini
from evaluasi.models import BuktiDukung, Indikator, InstrumenVersi, SiklusMonev
from evaluasi.tests.alur import PDF_KECIL, pasang_instrumen_2025
from evaluasi.tests.conftest import jendela_siklus

pytestmark = pytest.mark.django_db(transaction=True)

UKURAN_BERKAS = 6 * 1024 * 1024
BATAS_TUNGGU = 10  # detik


@pytest.fixture
def evaluasi_dinkes(biro, dinkes):
    # Uji transaksional sebelumnya mengosongkan tabel, termasuk instrumen dari migrasi: pasang ulang.
    pasang_instrumen_2025()
    siklus = SiklusMonev(
        tahun=2033,
        nama="Monev uji unggahan terputus",
        instrumen=InstrumenVersi.objects.get(tahun=2025, jenis="A"),
        **jendela_siklus(hari_ini(), "pengisian"),
    )
    siklus = services.siklus_buka(siklus=siklus, oleh=biro, lokus=[dinkes])
    return siklus.evaluasi.get()


@pytest.fixture
def folder_sementara(settings, tmp_path):
    """Berkas sementara unggahan besar ditulis ke sini, agar kebocorannya dapat dihitung."""
    folder = tmp_path / "unggahan-sementara"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    return folder


def _berkas_di(folder) -> set[Path]:
    return {p for p in Path(folder).rglob("*") if p.is_file()}


def _badan_multipart(batas: str, bidang: dict[str, str], nama_berkas: str, isi: bytes) -> bytes:
    bagian = [
        f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"\r\n\r\n{nilai}\r\n'.encode()
        for nama, nilai in bidang.items()
    ]
    bagian.append(
        f'--{batas}\r\nContent-Disposition: form-data; name="berkas"; filename="{nama_berkas}"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + isi
        + f"\r\n--{batas}--\r\n".encode()
    )
    return b"".join(bagian)


def _kirim_separuh(alamat: tuple[str, int], path: str, cookie: str, badan: bytes) -> None:
    header = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: {alamat[0]}:{alamat[1]}\r\n"
        f"Cookie: {cookie}\r\n"
        f"Content-Type: multipart/form-data; boundary={BATAS_MULTIPART}\r\n"
        f"Content-Length: {len(badan)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(alamat, timeout=10) as soket:
        soket.sendall(header + badan[: len(badan) // 2])
        time.sleep(0.5)  # server sudah membaca sebagian dan menulis berkas sementara
    # Soket ditutup: sisa badan tidak pernah datang.


BATAS_MULTIPART = "----gangguan" + secrets.token_hex(8)


def test_unggahan_terputus_tidak_menyimpan_apa_pun(
    live_server, client, settings, operator_dinkes, evaluasi_dinkes, folder_sementara
):
    indikator = Indikator.objects.get(aspek__instrumen=evaluasi_dinkes.siklus.instrumen, nomor=2)
    slot = indikator.slot_bukti.get(urutan=1)
    lama = services.bukti_unggah(
        evaluasi=evaluasi_dinkes,
        slot=slot,
        berkas=SimpleUploadedFile("bukti-lama.pdf", PDF_KECIL, content_type="application/pdf"),
        berlaku_tanggal=hari_ini(),
        oleh=operator_dinkes,
    )
    media_sebelum = _berkas_di(settings.MEDIA_ROOT)
    assert Path(lama.berkas.path) in media_sebelum

    client.force_login(operator_dinkes)  # sesi di basis data bersama live_server
    csrf = secrets.token_hex(16)  # rahasia CSRF 32 karakter: cookie dan isian formulir yang sama
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}"
    bidang = {"csrfmiddlewaretoken": csrf, "slot": str(slot.code), "berlaku_tanggal": str(hari_ini())}
    isi = b"%PDF-1.4\n" + secrets.token_bytes(UKURAN_BERKAS) + b"\n%%EOF\n"
    badan = _badan_multipart(BATAS_MULTIPART, bidang, "bukti-besar.pdf", isi)
    path = reverse("evaluasi:bukti_unggah", args=[evaluasi_dinkes.code, 2])
    alamat = (live_server.thread.host, live_server.thread.port)

    _kirim_separuh(alamat, path, cookie, badan)

    batas = time.monotonic() + BATAS_TUNGGU
    while _berkas_di(folder_sementara) and time.monotonic() < batas:
        time.sleep(0.1)
    assert not _berkas_di(folder_sementara), "Berkas sementara unggahan terputus tertinggal"
    assert list(BuktiDukung.objects.values_list("pk", flat=True)) == [lama.pk]
    assert _berkas_di(settings.MEDIA_ROOT) == media_sebelum
    with open(lama.berkas.path, "rb") as berkas:
        assert berkas.read() == PDF_KECIL

    # Kendali: permintaan yang sama dikirim utuh memang tersimpan (cookie sesi dan CSRF sah).
    with socket.create_connection(alamat, timeout=30) as soket:
        soket.sendall(
            (
                f"POST {path} HTTP/1.1\r\nHost: {alamat[0]}:{alamat[1]}\r\nCookie: {cookie}\r\n"
                f"Content-Type: multipart/form-data; boundary={BATAS_MULTIPART}\r\n"
                f"Content-Length: {len(badan)}\r\nConnection: close\r\n\r\n"
            ).encode()
            + badan
        )
        jawaban = soket.recv(1024)
    assert jawaban.startswith(b"HTTP/1.1 302"), jawaban[:200]
    assert BuktiDukung.objects.count() == 2
    assert not _berkas_di(folder_sementara)


def test_galat_setelah_tulisan_pertama_membatalkan_semuanya(
    settings, operator_dinkes, evaluasi_dinkes, monkeypatch
):
    """Penulisan kedua service (jejak audit) gagal setelah berkas dan baris bukti tertulis: semuanya batal."""
    from django.test import Client

    from evaluasi.services import f01
    from kaltim_yanlik.core.models import JejakAudit

    def audit_rusak(*args, **kwargs):
        raise RuntimeError("Gangguan buatan setelah tulisan pertama")

    monkeypatch.setattr(f01, "_audit", audit_rusak)
    slot = Indikator.objects.get(aspek__instrumen=evaluasi_dinkes.siklus.instrumen, nomor=2).slot_bukti.get(
        urutan=1
    )
    media_sebelum = _berkas_di(settings.MEDIA_ROOT)
    audit_sebelum = JejakAudit.objects.count()
    client = Client(raise_request_exception=False)
    client.force_login(operator_dinkes)
    respons = client.post(
        reverse("evaluasi:bukti_unggah", args=[evaluasi_dinkes.code, 2]),
        {
            "slot": str(slot.code),
            "berlaku_tanggal": str(hari_ini()),
            "berkas": SimpleUploadedFile("bukti.pdf", PDF_KECIL, content_type="application/pdf"),
        },
    )
    assert respons.status_code == 500
    assert not BuktiDukung.objects.exists()
    assert JejakAudit.objects.count() == audit_sebelum
    assert _berkas_di(settings.MEDIA_ROOT) == media_sebelum, "Berkas bukti yatim tertinggal di MEDIA_ROOT"
