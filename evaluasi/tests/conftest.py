import pytest

from evaluasi.models import InstrumenVersi
from evaluasi.skor import muat_instrumen_skor


@pytest.fixture
def instrumen_2025(db):
    """Instrumen yang dipasang migrasi 0002_instrumen_2025."""
    return InstrumenVersi.objects.get(tahun=2025, jenis="A")


@pytest.fixture
def potret_2025(instrumen_2025):
    return muat_instrumen_skor(instrumen_2025)


@pytest.fixture
def hari_ini():
    from evaluasi.jendela import hari_ini as sekarang

    return sekarang()


def jendela_siklus(hari_ini, fase_berjalan: str = "pengisian") -> dict:
    """Jendela fase berurutan dengan ``fase_berjalan`` memuat hari ini (fase lain sebelum/sesudahnya)."""
    from datetime import timedelta

    urutan = ["pengisian", "penilaian", "perbaikan", "finalisasi"]
    posisi = urutan.index(fase_berjalan)
    jendela = {}
    for i, fase in enumerate(urutan):
        mulai = hari_ini + timedelta(days=30 * (i - posisi) - 10)
        jendela[f"{fase}_mulai"], jendela[f"{fase}_selesai"] = mulai, mulai + timedelta(days=20)
    return jendela


@pytest.fixture
def buat_siklus(instrumen_2025, biro, hari_ini):
    from evaluasi.models import SiklusMonev
    from evaluasi.services import siklus_buka

    def buat(*lokus, fase="pengisian", tahun=2025):
        siklus = SiklusMonev(
            tahun=tahun,
            nama=f"Monev PEKPPP {tahun}",
            instrumen=instrumen_2025,
            **jendela_siklus(hari_ini, fase),
        )
        return siklus_buka(siklus=siklus, oleh=biro, lokus=list(lokus) or None)

    return buat


@pytest.fixture
def geser_fase():
    """Pindahkan jendela siklus agar ``fase`` sedang berjalan hari ini."""
    from evaluasi.jendela import hari_ini as sekarang

    def geser(siklus, fase):
        for nama, nilai in jendela_siklus(sekarang(), fase).items():
            setattr(siklus, nama, nilai)
        siklus.save()
        return siklus

    return geser
