"""PostgreSQL tidak terjangkau: request dijawab 503 "layanan sedang tidak tersedia", lalu pulih sendiri.

Koneksi benar-benar gagal (alamat basis data sementara diarahkan ke port yang tidak mendengar), bukan galat
yang dipalsukan; skenario mulai-ulang PostgreSQL sungguhan ada di bench/gangguan.py.
"""

import socket

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)


def _port_mati() -> int:
    with socket.socket() as soket:
        soket.bind(("127.0.0.1", 0))
        return soket.getsockname()[1]  # dilepas lagi: tidak ada yang mendengar di port ini


def test_basis_data_mati_503_lalu_pulih_tanpa_mulai_ulang(client, biro):
    if connection.vendor != "postgresql":
        pytest.skip("Uji ini mematikan koneksi PostgreSQL.")
    client.force_login(biro)
    halaman = [reverse("beranda"), reverse("evaluasi:publik_daftar")]
    assert [client.get(url).status_code for url in halaman] == [200, 200]

    asli = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(_port_mati()))
    try:
        for url in halaman:
            respons = client.get(url)
            isi = respons.content.decode()
            assert respons.status_code == 503, url
            assert respons["Retry-After"] == "30"
            assert "Layanan sedang tidak tersedia" in isi
            assert "Traceback" not in isi and "OperationalError" not in isi
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(asli)

    # Pulih tanpa memulai ulang apa pun: koneksi baru dibuka pada request berikutnya, sesi masih berlaku.
    assert [client.get(url).status_code for url in halaman] == [200, 200]
    assert client.get(reverse("beranda")).context["user"] == biro
