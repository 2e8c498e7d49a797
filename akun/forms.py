from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator


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
        # AuthenticationForm hanya memasang maxlength di widget; tanpa validator, nama pengguna sepanjang apa
        # pun sampai ke authenticate() dan django-axes gagal menyimpannya (kolom 255) → 500.
        batas = self.fields["username"].max_length or 150
        self.fields["username"].validators.append(MaxLengthValidator(batas))


class PenggunaAdminForm(forms.ModelForm):
    sandi_baru = forms.CharField(
        label="Kata sandi baru",
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Isi hanya untuk menetapkan atau mengganti kata sandi.",
    )
