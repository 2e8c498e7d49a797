#!/usr/bin/env bash
# Pasang paket sistem yang dibutuhkan portal dan uji, hanya yang belum ada (aman dijalankan berulang).
#
#   bash scripts/pasang-sistem.sh        # make test / CI: Chromium (uji peramban), poppler (membaca PDF),
#                                        # Pango dan font Noto (PDF); nyalakan PostgreSQL dan Redis lokal
#   bash scripts/pasang-sistem.sh pdf    # make run / make demo: hanya yang dibutuhkan PDF (Pango, Noto)
#
# Tanpa hak root atau tanpa apt-get, pemasangan dilewati. Mode pdf lalu mencetak SATU baris yang menyebut
# paket yang harus dipasang: portal tetap berjalan, tetapi setiap PDF (juga PDF demo) akan berstatus "gagal".
set -euo pipefail

mode=${1:-uji}
paket_perlu=()
# grep tanpa -q: dengan pipefail, grep -q yang berhenti di baris pertama membuat fc-list mati oleh SIGPIPE
# dan pipeline dianggap gagal (paket dipasang ulang setiap kali).
fc-list 2>/dev/null | grep -i "Noto Sans" >/dev/null || paket_perlu+=(fonts-noto-core)
# WeasyPrint (PDF) memanggil Pango lewat cffi.
ldconfig -p 2>/dev/null | grep "libpangoft2-1.0.so.0" >/dev/null || paket_perlu+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "$mode" != "pdf" ]; then
  command -v chromium >/dev/null 2>&1 || paket_perlu+=(chromium)
  command -v pdftoppm >/dev/null 2>&1 || paket_perlu+=(poppler-utils)
fi

if [ ${#paket_perlu[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang paket sistem: ${paket_perlu[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${paket_perlu[@]}" >/dev/null
  elif [ "$mode" = "pdf" ]; then
    echo "PERHATIAN: portal berjalan, tetapi setiap PDF (juga PDF demo) akan gagal sampai paket sistem ini dipasang: ${paket_perlu[*]} (Debian/Ubuntu: sudo apt-get install ${paket_perlu[*]})." >&2
    exit 0
  else
    echo "PERINGATAN: paket ${paket_perlu[*]} belum terpasang dan skrip ini tidak berjalan sebagai root." >&2
  fi
fi

[ "$mode" = "pdf" ] && exit 0

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Menyalakan PostgreSQL..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
if command -v redis-cli >/dev/null 2>&1 && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Menyalakan Redis..."
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
fi
