#!/usr/bin/env bash
# Pulihkan satu folder cadangan buatan scripts/cadangkan.sh: basis data (pg_restore) lalu MEDIA_ROOT (tar).
# Menolak bila basis data tujuan sudah berisi tabel atau MEDIA_ROOT sudah berisi berkas, kecuali --timpa.
# Panduan lengkap dan latihan pemulihan: docs/cadangan.md.
#
# Pemakaian:  scripts/pulihkan.sh [--timpa] FOLDER_CADANGAN
#             make pulihkan CADANGAN=FOLDER_CADANGAN [TIMPA=1]
# Lingkungan: DATABASE_URL dan MEDIA_ROOT, dibaca seperti scripts/cadangkan.sh (lingkungan, lalu .env,
#             lalu bawaan settings.py). Basis data tujuan harus sudah ada (createdb), boleh kosong.
set -euo pipefail

AKAR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

gagal() {
  echo "GAGAL: $*" >&2
  exit 1
}

pakai() {
  echo "Pemakaian: scripts/pulihkan.sh [--timpa] FOLDER_CADANGAN" >&2
  exit 2
}

# Nilai KUNCI dari .env (baris terakhir menang, kutip di tepi dibuang); kosong bila tidak ada.
baca_env() {
  local kunci="$1"
  [ -f "$AKAR/.env" ] || return 0
  sed -n -E "s/^[[:space:]]*(export[[:space:]]+)?${kunci}[[:space:]]*=[[:space:]]*//p" "$AKAR/.env" | tail -n 1 |
    sed -E "s/^\"(.*)\"[[:space:]]*$/\1/; s/^'(.*)'[[:space:]]*$/\1/"
}

TIMPA=0
FOLDER=""
for arg in "$@"; do
  case "$arg" in
    --timpa) TIMPA=1 ;;
    -h | --help) pakai ;;
    -*) echo "Opsi tidak dikenal: $arg" >&2; pakai ;;
    *) [ -z "$FOLDER" ] || pakai; FOLDER="$arg" ;;
  esac
done
[ -n "$FOLDER" ] || pakai
# Folder relatif dihitung dari tempat perintah dijalankan, sebelum pindah ke akar repo.
FOLDER_ASAL="$FOLDER"
FOLDER="$(cd "$FOLDER" 2>/dev/null && pwd)" || gagal "folder cadangan $FOLDER_ASAL tidak ditemukan."
cd "$AKAR"

DATABASE_URL="${DATABASE_URL:-$(baca_env DATABASE_URL)}"
MEDIA_ROOT="${MEDIA_ROOT:-$(baca_env MEDIA_ROOT)}"
MEDIA_ROOT="${MEDIA_ROOT:-$AKAR/var/media}"

case "${DATABASE_URL:-}" in
  postgres://* | postgresql://*) ;;
  pgsql://*) DATABASE_URL="postgresql://${DATABASE_URL#pgsql://}" ;;
  "") gagal "DATABASE_URL tidak diisi (portal memakai SQLite bawaan). Skrip ini hanya memulihkan PostgreSQL." ;;
  *) gagal "DATABASE_URL bukan PostgreSQL (${DATABASE_URL%%://*}://...). Skrip ini hanya memulihkan PostgreSQL." ;;
esac
command -v pg_restore >/dev/null 2>&1 || gagal "pg_restore tidak ditemukan. Pasang paket postgresql-client."
DB_TANPA_SANDI="$(printf '%s' "$DATABASE_URL" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#')"

# Semua pemeriksaan dulu, sebelum apa pun diubah.
for berkas in basisdata.dump media.tar.gz SHA256SUMS; do
  [ -f "$FOLDER/$berkas" ] || gagal "$FOLDER bukan folder cadangan yang utuh: $berkas tidak ada."
done
(cd "$FOLDER" && sha256sum --check --quiet SHA256SUMS) ||
  gagal "checksum cadangan tidak cocok (berkas rusak atau diubah); pemulihan dibatalkan."

psql "$DATABASE_URL" -Atqc "select 1" >/dev/null 2>&1 ||
  gagal "tidak dapat terhubung ke $DB_TANPA_SANDI. Bila basis datanya belum ada, buat dulu, misalnya:
       sudo -u postgres createdb -O yanlik kaltim_yanlik"
JUMLAH_TABEL="$(psql "$DATABASE_URL" -Atqc "select count(*) from information_schema.tables
  where table_schema not in ('pg_catalog', 'information_schema')")"
# Folder yang hanya berisi subfolder kosong dianggap kosong.
ISI_MEDIA=0
if [ -d "$MEDIA_ROOT" ] && [ -n "$(find "$MEDIA_ROOT" -mindepth 1 ! -type d -print -quit)" ]; then
  ISI_MEDIA=1
fi
if [ "$TIMPA" -eq 0 ]; then
  [ "$JUMLAH_TABEL" -eq 0 ] || gagal "basis data $DB_TANPA_SANDI tidak kosong ($JUMLAH_TABEL tabel).
       Pulihkan ke basis data kosong, atau tambahkan --timpa (make pulihkan ... TIMPA=1) untuk menimpanya."
  [ "$ISI_MEDIA" -eq 0 ] || gagal "MEDIA_ROOT $MEDIA_ROOT tidak kosong.
       Kosongkan atau pindahkan dulu, atau tambahkan --timpa (make pulihkan ... TIMPA=1) untuk menimpanya."
fi

echo "Memulihkan basis data $DB_TANPA_SANDI dari $FOLDER ..."
# Satu transaksi: bila ada yang gagal, basis data tujuan tetap seperti sebelumnya. Pemilik dan hak akses
# objek tidak dibawa: semuanya menjadi milik pengguna DATABASE_URL (satu peran untuk portal).
pg_restore --clean --if-exists --no-owner --no-acl --single-transaction --dbname="$DATABASE_URL" \
  "$FOLDER/basisdata.dump" || gagal "pg_restore gagal; basis data tidak diubah (transaksi dibatalkan)."

echo "Memulihkan berkas unggahan ke $MEDIA_ROOT ..."
mkdir -p "$MEDIA_ROOT"
# Dengan --timpa berkas yang sama namanya ditimpa; berkas lain yang tidak ada di cadangan dibiarkan.
tar -C "$MEDIA_ROOT" -xzf "$FOLDER/media.tar.gz" || gagal "tar gagal mengekstrak media.tar.gz ke $MEDIA_ROOT."

echo "Pemulihan selesai. Jalankan 'manage.py migrate' bila kode lebih baru dari cadangan, lalu nyalakan layanan."
