"""Perlindungan formulir publik (tanpa login) dari banjir kiriman: batas per alamat, umpan, dan waktu isi.

Tiga lapis, masing-masing murah dan tanpa layanan luar:

1. **Batas per alamat klien** (``wajib_dalam_batas``): penghitung di cache Django per lingkup dan alamat,
   jendela tetap. Dengan cache bawaan (memori per proses) batasnya per proses; produksi dengan beberapa
   worker sebaiknya memakai Redis (``CACHE_URL``) agar penghitungnya bersama.
2. **Umpan** (honeypot): kolom yang disembunyikan dari manusia; robot pengisi formulir mengisinya.
3. **Waktu isi minimum**: formulir membawa cap waktu bertanda tangan; kiriman yang datang lebih cepat dari
   manusia mana pun membaca dan mengetik ditolak, dan cap yang dipalsukan atau kedaluwarsa juga.

Alamat klien diambil dari ``REMOTE_ADDR``, kecuali ``ALAMAT_KLIEN_HEADER`` diisi (mis. ``HTTP_X_REAL_IP``):
di belakang nginx, ``REMOTE_ADDR`` selalu 127.0.0.1 (gunicorn tidak mengambil alamat dari header), sehingga
tanpa itu semua warga berbagi satu batas. Header itu hanya boleh diaktifkan bila reverse proxy **menimpanya**
dengan alamat yang ia lihat (``proxy_set_header X-Real-IP $remote_addr;``): header yang ditulis klien sendiri
dapat dipalsukan setiap kiriman. Fungsi yang sama dipakai django-axes (``AXES_CLIENT_IP_CALLABLE``).

Dipakai formulir pengaduan (``sanksi``) dan formulir survei kepuasan masyarakat (``survei``).
"""

import hashlib
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache

from .exceptions import DomainError

_GARAM_WAKTU = "kaltim_yanlik.core.pembatas.waktu_isi"
# Cap waktu formulir berlaku sehari: cukup untuk pelapor yang menulis pelan, tidak untuk token yang ditimbun.
UMUR_TOKEN_MAKS_DETIK = 24 * 60 * 60


class BatasTerlampaui(DomainError):
    """Terlalu banyak kiriman dari satu alamat; view menjawabnya dengan HTTP 429."""


@dataclass(frozen=True)
class Batas:
    jumlah: int
    detik: int

    @classmethod
    def dari_teks(cls, teks: str) -> "Batas":
        """Baca ``"5/600"`` (5 kiriman per 600 detik), bentuk yang dipakai variabel lingkungan."""
        jumlah, _, detik = str(teks).partition("/")
        try:
            batas = cls(int(jumlah), int(detik))
        except ValueError as e:
            raise ValueError(f"Batas kiriman harus berbentuk JUMLAH/DETIK, misalnya 5/600: {teks!r}") from e
        if batas.jumlah < 1 or batas.detik < 1:
            raise ValueError(f"Batas kiriman harus positif: {teks!r}")
        return batas


def alamat_ip(request) -> str | None:
    """Alamat IP klien, atau ``None`` bila tidak diketahui (django-axes menyimpannya di kolom IP)."""
    header = getattr(settings, "ALAMAT_KLIEN_HEADER", "")
    if header and request.META.get(header):
        # Nilai paling kanan adalah yang ditulis proxy tepercaya; sebelah kirinya dapat berasal dari klien.
        return request.META[header].split(",")[-1].strip() or None
    return request.META.get("REMOTE_ADDR") or None


def alamat_klien(request) -> str:
    return alamat_ip(request) or "tidak-diketahui"


def _kunci(lingkup: str, alamat: str) -> str:
    # Alamat di-hash: kunci cache tetap pendek dan aman untuk memcached (IPv6 berisi titik dua).
    ringkas = hashlib.sha256(alamat.encode()).hexdigest()[:32]
    return f"pembatas:{lingkup}:{ringkas}"


def _menit(detik: int) -> str:
    menit = max(1, round(detik / 60))
    return f"{menit} menit"


def wajib_dalam_batas(*, lingkup: str, alamat: str, batas: Batas | str) -> None:
    """Hitung satu kiriman ``alamat`` dalam ``lingkup``; tolak bila melampaui ``batas``.

    Setiap percobaan dihitung, termasuk yang kemudian ditolak formulir: banjir kiriman rusak pun dibatasi.
    """
    if isinstance(batas, str):
        batas = Batas.dari_teks(batas)
    kunci = _kunci(lingkup, alamat)
    # add() hanya membuat kunci bila belum ada, sehingga jendela dimulai pada kiriman pertama.
    cache.add(kunci, 0, timeout=batas.detik)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:
        # Kunci kedaluwarsa tepat di antara add() dan incr(): mulai jendela baru.
        cache.set(kunci, 1, timeout=batas.detik)
        jumlah = 1
    if jumlah > batas.jumlah:
        raise BatasTerlampaui(
            f"Terlalu banyak permintaan dari alamat Anda ({batas.jumlah} dalam {_menit(batas.detik)}). "
            f"Tunggu {_menit(batas.detik)} lalu coba lagi. Tidak ada data yang disimpan dari permintaan ini."
        )


# --- Umpan dan waktu isi ---------------------------------------------------------------------------


def token_waktu_baru() -> str:
    return signing.dumps(time.time(), salt=_GARAM_WAKTU)


def wajib_diisi_manusia(*, umpan: str, token: str, minimal_detik: float) -> None:
    """Tolak kiriman yang mengisi kolom umpan, datang terlalu cepat, atau membawa cap waktu tidak sah."""
    if umpan:
        raise DomainError(
            "Kiriman tidak dapat diproses. Bila Anda mengisi formulir ini sendiri, muat ulang halaman lalu "
            "kirim lagi tanpa alat pengisi otomatis."
        )
    try:
        dibuka = float(signing.loads(token or "", salt=_GARAM_WAKTU, max_age=UMUR_TOKEN_MAKS_DETIK))
    except (signing.BadSignature, TypeError, ValueError):
        raise DomainError(
            "Formulir sudah terlalu lama terbuka atau tidak utuh. Periksa isian Anda lalu kirim lagi."
        ) from None
    if time.time() - dibuka < minimal_detik:
        raise DomainError(
            "Formulir dikirim terlalu cepat. Periksa kembali isian Anda, lalu kirim lagi setelah "
            "beberapa detik."
        )


class PenjagaFormulirMixin(forms.Form):
    """Kolom umpan dan cap waktu untuk formulir publik; pemeriksaannya di ``clean``.

    Templat menampilkan ``situs_web`` di dalam wadah tersembunyi (lihat ``core/_penjaga_formulir.html``).
    """

    MINIMAL_DETIK_ISI: float = 3

    situs_web = forms.CharField(
        required=False,
        label="Situs web (kosongkan)",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    waktu_isi = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Setiap tampilan (termasuk tampilan ulang setelah galat) membawa cap waktu baru.
        self.initial["waktu_isi"] = token_waktu_baru()

    def clean(self):
        data = super().clean()
        try:
            wajib_diisi_manusia(
                umpan=data.get("situs_web", ""),
                token=data.get("waktu_isi", ""),
                minimal_detik=getattr(settings, "MINIMAL_DETIK_ISI_PUBLIK", self.MINIMAL_DETIK_ISI),
            )
        except DomainError as e:
            raise forms.ValidationError(e.pesan, code="penjaga") from e
        return data
