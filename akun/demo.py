"""Akun demo setiap peran. Kata sandinya dicetak dan tercantum di README (hanya untuk demo)."""

from .models import Pengguna, Peran
from .services import pengguna_simpan

SANDI_DEMO = "yanlik-demo-2025"

AKUN_PROVINSI = [
    ("admin", "Administrator Sistem", Peran.ADMIN),
    ("biro", "Rahmawati, S.Sos. (Evaluator Biro Organisasi)", Peran.BIRO),
    ("pimpinan", "Drs. H. Sekretaris Daerah (Pimpinan)", Peran.PIMPINAN),
]

AKUN_UNIT = [
    # Nama akun kepala diambil dari Kepala Penyelenggara yang tercatat di unitnya (None di sini).
    ("kepala.dinkes", None, Peran.KEPALA, "PD-DINKES"),
    ("operator.dinkes", "Siti Aminah, S.KM.", Peran.OPERATOR, "PD-DINKES"),
    ("kepala.samsat", None, Peran.KEPALA, "UPTD-SAMSAT-SMD"),
    ("operator.samsat", "Andi Pratama, A.Md.", Peran.OPERATOR, "UPTD-SAMSAT-SMD"),
]


def _pastikan_admin() -> Pengguna:
    """Akun admin pertama dibuat langsung: belum ada admin lain yang berwenang membuatnya."""
    admin, _ = Pengguna.objects.get_or_create(
        username="admin", defaults={"nama": "Administrator Sistem", "peran": Peran.ADMIN}
    )
    admin.peran, admin.is_staff, admin.is_superuser, admin.is_active = Peran.ADMIN, True, True, True
    admin.set_password(SANDI_DEMO)
    admin.save()
    return admin


def _simpan_akun(admin, username, nama, peran, penyelenggara=None, nip=""):
    pengguna = Pengguna.objects.filter(username=username).first() or Pengguna(username=username)
    pengguna.nama, pengguna.nip, pengguna.peran = nama, nip, peran
    pengguna.penyelenggara, pengguna.is_active = penyelenggara, True
    pengguna_simpan(pengguna=pengguna, oleh=admin, sandi=SANDI_DEMO)


def akun_provinsi(konteks):
    admin = _pastikan_admin()
    konteks["admin"] = admin
    for username, nama, peran in AKUN_PROVINSI[1:]:
        _simpan_akun(admin, username, nama, peran)


def akun_unit(konteks):
    from kode_etik.models import Penyelenggara

    kode_unit = {a[3] for a in AKUN_UNIT}
    unit = {p.kode: p for p in Penyelenggara.objects.select_related("kepala").filter(kode__in=kode_unit)}
    for username, nama, peran, kode in AKUN_UNIT:
        kepala = unit[kode].kepala if nama is None else None
        nama, nip = (kepala.nama, kepala.nip) if kepala else (nama, "")
        _simpan_akun(konteks["admin"], username, nama, peran, unit[kode], nip)
    out = konteks["stdout"]
    out.write("\nAkun demo (kata sandi sama untuk semua): " + SANDI_DEMO)
    for username, *_ in AKUN_PROVINSI + AKUN_UNIT:
        out.write(f"  - {username}")


LANGKAH = [(10, akun_provinsi), (30, akun_unit)]
