from kaltim_yanlik.core.models import Notifikasi

from .dua_faktor import wajib_dua_faktor
from .selectors import menu_untuk


def navigasi(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"menu": []}
    return {
        "menu": menu_untuk(user=user),
        "wajib_dua_faktor": wajib_dua_faktor(user),
        # Satu kueri COUNT per halaman untuk lencana notifikasi di navbar.
        "jumlah_notifikasi_baru": Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).count(),
    }
