#!/usr/bin/env bash
# Buat ulang static/fonts/noto-sans-grafik.woff: Noto Sans Regular (fonts-noto-core, OFL 1.1) yang dipangkas
# ke huruf Latin dan tanda baca yang dipakai label grafik. Berkas ini dipakai dua kali: kaltim_yanlik/core/huruf.py
# mengukur lebar label darinya (lewat jalurnya, tanpa cache font sistem), dan peramban memuatnya lewat
# @font-face di portal.css sehingga grafik tampil dengan huruf yang sama dengan ukurannya.
set -euo pipefail
sumber=${1:-/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf}
tujuan=static/fonts/noto-sans-grafik.woff
.venv/bin/pyftsubset "$sumber" --output-file="$tujuan" --flavor=woff --layout-features='kern' \
  --unicodes='U+0020-007E,U+00A0-00FF,U+2007,U+2010-2027,U+2030-203A,U+2044,U+20AC,U+2122,U+2190-2193,U+2212,U+2264-2265'
echo "$tujuan: $(stat -c %s "$tujuan") bita"
