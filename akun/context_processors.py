from kaltim_yanlik.core.models import Notifikasi

from .dua_faktor import lolos_dua_faktor, wajib_dua_faktor
from .selectors import menu_untuk


def navigasi(request):
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"menu": []}
    if not lolos_dua_faktor(user):
        # Sesi yang baru lolos kata sandi: tanpa menu (semua halaman lain dialihkan ke langkah kedua).
        return {"menu": [], "menunggu_dua_faktor": True}
    return {
        "menu": menu_untuk(user=user),
        "wajib_dua_faktor": wajib_dua_faktor(user),
        # Satu kueri COUNT per halaman untuk lencana notifikasi di navbar.
        "jumlah_notifikasi_baru": Notifikasi.objects.filter(penerima=user, dibaca_pada__isnull=True).count(),
    }
