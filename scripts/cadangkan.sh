#!/usr/bin/env bash
# Cadangkan basis data PostgreSQL (pg_dump format custom) dan MEDIA_ROOT (tar) ke satu folder bertanggal
# di bawah CADANGAN_DIR (bawaan var/cadangan), beserta MANIFEST.txt dan SHA256SUMS. Dipulihkan dengan
# scripts/pulihkan.sh. Panduan lengkap: docs/cadangan.md.
#
# Pemakaian:  scripts/cadangkan.sh            (atau: make cadangkan)
# Lingkungan: DATABASE_URL, MEDIA_ROOT, CADANGAN_DIR. Bila DATABASE_URL/MEDIA_ROOT tidak ada di lingkungan,
#             dibaca dari .env di akar repo, lalu bawaan settings.py (SQLite di var/, var/media) — sama
#             urutannya dengan kaltim_yanlik/settings.py.
set -euo pipefail

AKAR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$AKAR"
# Cadangan memuat data pribadi pengadu dan pegawai: hanya pemiliknya yang boleh membaca.
umask 077

gagal() {
  echo "GAGAL: $*" >&2
  exit 1
}

# Nilai KUNCI dari .env (baris terakhir menang, kutip di tepi dibuang); kosong bila tidak ada.
baca_env() {
  local kunci="$1"
  [ -f .env ] || return 0
  sed -n -E "s/^[[:space:]]*(export[[:space:]]+)?${kunci}[[:space:]]*=[[:space:]]*//p" .env | tail -n 1 |
    sed -E "s/^\"(.*)\"[[:space:]]*$/\1/; s/^'(.*)'[[:space:]]*$/\1/"
}

DATABASE_URL="${DATABASE_URL:-$(baca_env DATABASE_URL)}"
MEDIA_ROOT="${MEDIA_ROOT:-$(baca_env MEDIA_ROOT)}"
MEDIA_ROOT="${MEDIA_ROOT:-$AKAR/var/media}"
CADANGAN_DIR="${CADANGAN_DIR:-$AKAR/var/cadangan}"

# SQLite (bawaan tertanam) hanya untuk demo dan pengembangan; cadangan produksi selalu PostgreSQL.
case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*) ;;
  pgsql://*) DATABASE_URL="postgresql://${DATABASE_URL#pgsql://}" ;;
  "") gagal "DATABASE_URL tidak diisi (portal memakai SQLite bawaan). Skrip ini hanya mencadangkan PostgreSQL;
       untuk mode demo cukup salin folder var/ saat portal berhenti." ;;
  *) gagal "DATABASE_URL bukan PostgreSQL (${DATABASE_URL%%://*}://...). Skrip ini hanya mencadangkan PostgreSQL." ;;
esac
command -v pg_dump >/dev/null 2>&1 || gagal "pg_dump tidak ditemukan. Pasang paket postgresql-client."
psql "$DATABASE_URL" -Atqc "select 1" >/dev/null || gagal "tidak dapat terhubung ke basis data (lihat pesan psql di atas)."

# Alamat basis data tanpa sandi, untuk manifest dan pesan.
DB_TANPA_SANDI="$(printf '%s' "$DATABASE_URL" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#')"
STEMPEL="$(date -u +%Y%m%dT%H%M%SZ)"
TUJUAN="$CADANGAN_DIR/kaltim-yanlik-$STEMPEL"
SEMENTARA="$TUJUAN.sebagian"
[ -e "$TUJUAN" ] && gagal "folder $TUJUAN sudah ada; tunggu satu detik lalu ulangi."
mkdir -p "$SEMENTARA"
# Folder setengah jadi dibuang bila ada langkah yang gagal, agar tidak dikira cadangan yang utuh.
trap 'rm -rf "$SEMENTARA"' EXIT

echo "Mencadangkan basis data $DB_TANPA_SANDI ..."
pg_dump --format=custom --file="$SEMENTARA/basisdata.dump" "$DATABASE_URL" ||
  gagal "pg_dump gagal; cadangan tidak dibuat."

# Media sesudah basis data: berkas yang terunggah di antara keduanya hanya menjadi berkas tak terpakai,
# sebaliknya baris basis data akan menunjuk berkas yang tidak ada.
echo "Mencadangkan berkas unggahan $MEDIA_ROOT ..."
if [ -d "$MEDIA_ROOT" ]; then
  tar -C "$MEDIA_ROOT" -czf "$SEMENTARA/media.tar.gz" . || gagal "tar MEDIA_ROOT gagal; cadangan tidak dibuat."
else
  echo "PERINGATAN: $MEDIA_ROOT tidak ada; media dicadangkan sebagai arsip kosong." >&2
  tar -czf "$SEMENTARA/media.tar.gz" -T /dev/null
fi

MIGRASI="$(psql "$DATABASE_URL" -Atqc "select app || ' ' || max(name) from django_migrations group by app
  order by app" 2>/dev/null || echo "(tabel django_migrations tidak ada)")"
{
  echo "Cadangan Kaltim YANLIK"
  echo "dibuat_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(hostname)"
  # safe.directory: repo milik root dibaca pengguna layanan tanpa git menolak "dubious ownership".
  echo "commit_git: $(git -c safe.directory="$AKAR" -C "$AKAR" rev-parse HEAD 2>/dev/null || echo tidak-diketahui)"
  echo "basis_data: $DB_TANPA_SANDI"
  echo "versi_server: $(psql "$DATABASE_URL" -Atqc 'show server_version')"
  echo "media_root: $MEDIA_ROOT"
  echo "jumlah_berkas_media: $(tar -tzf "$SEMENTARA/media.tar.gz" | grep -vc '/$' || true)"
  echo "migrasi_terakhir_per_app:"
  printf '%s\n' "$MIGRASI" | sed 's/^/  /'
} >"$SEMENTARA/MANIFEST.txt"
(cd "$SEMENTARA" && sha256sum basisdata.dump media.tar.gz MANIFEST.txt >SHA256SUMS)

mv "$SEMENTARA" "$TUJUAN"
trap - EXIT
echo "Cadangan selesai ($(du -sh "$TUJUAN" | cut -f1)):"
echo "$TUJUAN"
