from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import reverse, reverse_lazy

from kode_etik import selectors as kode_etik_selectors

from . import akses
from .akses import Kemampuan
from .beranda import kartu_untuk
from .dua_faktor import lolos_dua_faktor
from .dua_faktor.services import sudah_terdaftar
from .forms import FormMasuk
from .models import PERAN_UNIT
from .selectors import ringkasan_beranda


class MasukView(auth_views.LoginView):
    template_name = "akun/masuk.html"
    authentication_form = FormMasuk
    redirect_authenticated_user = True

    def get_success_url(self):
        """Peran istimewa (WAJIB_2FA) melanjutkan ke langkah kedua; tujuan semula dibawa sebagai ``next``."""
        tujuan = super().get_success_url()
        user = self.request.user
        if lolos_dua_faktor(user):
            return tujuan
        langkah = "akun:dua_faktor_verifikasi" if sudah_terdaftar(user) else "akun:dua_faktor_daftar"
        return f"{reverse(langkah)}?{urlencode({'next': tujuan})}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(batas_gagal=settings.AXES_FAILURE_LIMIT, **kwargs)


class GantiSandiView(auth_views.PasswordChangeView):
    template_name = "akun/ganti_sandi.html"
    success_url = reverse_lazy("beranda")

    def form_valid(self, form):
        messages.success(self.request, "Kata sandi Anda telah diganti.")
        return super().form_valid(form)


def beranda(request):
    """Beranda per peran; pengunjung tanpa login melihat halaman sambutan publik."""
    user = request.user
    if not user.is_authenticated:
        return render(request, "beranda_publik.html")
    konteks = {
        "ringkasan": ringkasan_beranda(user=user),
        "lingkup_provinsi": akses.menjangkau_semua_unit(user),
        "boleh_admin": akses.boleh(user, Kemampuan.ADMIN_SITUS),
        "boleh_audit": akses.boleh(user, Kemampuan.LIHAT_AUDIT),
        "boleh_kelola_pelaksana": akses.boleh(user, Kemampuan.KELOLA_PELAKSANA),
        "kartu_app": kartu_untuk(user=user),
    }
    if user.peran in PERAN_UNIT and user.penyelenggara_id:
        konteks["unit_saya"] = user.penyelenggara
        konteks["unit_bawahan"] = kode_etik_selectors.penyelenggara_qs_for_user(user=user).filter(
            induk=user.penyelenggara_id
        )
    return render(request, "akun/beranda.html", konteks)
