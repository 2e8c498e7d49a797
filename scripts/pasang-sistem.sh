#!/usr/bin/env bash
# Pasang paket sistem yang dibutuhkan uji (Chromium untuk uji peramban, font untuk PDF, poppler untuk
# membaca PDF) dan pastikan PostgreSQL serta Redis lokal berjalan. Aman dijalankan berulang: hanya
# memasang yang belum ada. Tanpa hak root, langkah pemasangan dilewati dengan peringatan.
set -euo pipefail

paket_perlu=()
command -v chromium >/dev/null 2>&1 || paket_perlu+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || paket_perlu+=(poppler-utils)
# grep tanpa -q: dengan pipefail, grep -q yang berhenti di baris pertama membuat fc-list mati oleh SIGPIPE
# dan pipeline dianggap gagal (paket dipasang ulang setiap kali).
fc-list 2>/dev/null | grep -i "Noto Sans" >/dev/null || paket_perlu+=(fonts-noto-core)
# WeasyPrint (PDF) memanggil Pango lewat cffi.
ldconfig -p 2>/dev/null | grep "libpangoft2-1.0.so.0" >/dev/null || paket_perlu+=(libpango-1.0-0 libpangoft2-1.0-0)

if [ ${#paket_perlu[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Memasang paket sistem: ${paket_perlu[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${paket_perlu[@]}" >/dev/null
  else
    echo "PERINGATAN: paket ${paket_perlu[*]} belum terpasang dan skrip ini tidak berjalan sebagai root." >&2
  fi
fi

if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Menyalakan PostgreSQL..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
fi
if command -v redis-cli >/dev/null 2>&1 && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "Menyalakan Redis..."
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
fi
