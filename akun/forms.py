from django import forms
from django.contrib.auth.forms import AuthenticationForm


class FormMasuk(AuthenticationForm):
    error_messages = {
        "invalid_login": "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil.",
        "inactive": "Akun ini tidak aktif. Hubungi admin Biro Organisasi.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Nama pengguna"
        self.fields["password"].label = "Kata sandi"
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "autofocus": True})


class PenggunaAdminForm(forms.ModelForm):
    sandi_baru = forms.CharField(
        label="Kata sandi baru",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Isi hanya untuk menetapkan atau mengganti kata sandi.",
    )
