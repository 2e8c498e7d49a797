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
