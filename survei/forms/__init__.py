"""Formulir app survei, dikelompokkan per halaman; diekspor ulang di sini."""

from .ombudsman import KepatuhanOmbudsmanForm
from .periode import ImporSKMForm, NRRForm, PeriodeSKMForm
from .publik import SurveiForm
from .rtl import RTLForm, RTLSelesaiForm

__all__ = [
    "ImporSKMForm",
    "KepatuhanOmbudsmanForm",
    "NRRForm",
    "PeriodeSKMForm",
    "RTLForm",
    "RTLSelesaiForm",
    "SurveiForm",
]
