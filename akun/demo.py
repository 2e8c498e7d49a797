"""Akun demo setiap peran dan pejabat penanda tangan. Kata sandinya dicetak dan tercantum di README (hanya
untuk demo). Nama Sekretaris Daerah dan Kepala Biro fiktif; Biro mencatat pejabat sebenarnya di admin.
"""

from datetime import date

from .akses import Kemampuan
from .models import Pejabat, Pengguna, Peran
from .services import data_acuan_simpan, pengguna_simpan

SANDI_DEMO = "yanlik-demo-2025"
NAMA_SEKDA = "Dr. H. Arif Santoso, M.Si."

AKUN_PROVINSI = [
    ("admin", "Administrator Sistem", Peran.ADMIN),
    ("biro", "Rahmawati, S.Sos. (Evaluator Biro Organisasi)", Peran.BIRO),
    ("sekda", NAMA_SEKDA, Peran.SEKDA),
    ("pimpinan", "Drs. H. Staf Khusus Gubernur (Pimpinan)", Peran.PIMPINAN),
]

# jabatan, jabatan tercetak, nama, NIP, mulai, selesai. Gubernur dan Pj. Gubernur dari sumber berita; Sekda
# dan Kepala Biro fiktif (demo).
PEJABAT = [
    ("gubernur", "Pj. Gubernur Kalimantan Timur", "Dr. Akmal Malik, M.Si.", "", date(2023, 10, 2),
     date(2025, 2, 19)),
    ("gubernur", "Gubernur Kalimantan Timur", "Dr. H. Rudy Mas'ud, S.E., M.E.", "", date(2025, 2, 20), None),
    ("sekda", "Sekretaris Daerah Provinsi Kalimantan Timur", NAMA_SEKDA, "197103152000031004",
     date(2025, 1, 1), None),
    ("kepala_biro", "Kepala Biro Organisasi Sekretariat Daerah Provinsi Kalimantan Timur",
     "Hj. Nurlaila Fitriani, S.Sos., M.A.P.", "197608242002122005", date(2024, 3, 1), None),
]  # fmt: skip

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


def pejabat_demo(konteks):
    """Gubernur, Sekda (bertaut akun ``sekda``), dan Kepala Biro Organisasi dengan masa jabatannya."""
    admin, sekda = konteks["admin"], Pengguna.objects.get(username="sekda")
    for jabatan, teks, nama, nip, mulai, selesai in PEJABAT:
        if Pejabat.objects.filter(jabatan=jabatan, mulai=mulai).exists():
            continue
        pejabat = Pejabat(
            jabatan=jabatan, jabatan_teks=teks, nama=nama, nip=nip, mulai=mulai, selesai=selesai,
            pengguna=sekda if jabatan == "sekda" else None,
        )  # fmt: skip
        data_acuan_simpan(objek=pejabat, nama="pejabat", kemampuan=Kemampuan.KELOLA_DATA_ACUAN, oleh=admin)


def akun_kepala_unit(unit, admin) -> Pengguna:
    """Akun Kepala unit (tanpa kata sandi bila baru): pelaku demo yang berwenang atas unitnya."""
    ada = Pengguna.objects.filter(peran=Peran.KEPALA, penyelenggara=unit, is_active=True).first()
    if ada:
        return ada
    nama = unit.kepala.nama if unit.kepala_id else f"Kepala {unit.nama_pendek}"
    pengguna = Pengguna(
        username=f"kepala.{unit.kode.lower()}", nama=nama, peran=Peran.KEPALA, penyelenggara=unit
    )
    return pengguna_simpan(pengguna=pengguna, oleh=admin)


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


LANGKAH = [(10, akun_provinsi), (12, pejabat_demo), (30, akun_unit)]
