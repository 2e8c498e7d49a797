from django import forms


class KodeForm(forms.Form):
    kode = forms.CharField(
        label="Kode",
        max_length=32,
        error_messages={"required": "Masukkan kode dari aplikasi autentikator atau satu kode cadangan."},
        widget=forms.TextInput(
            attrs={
                "class": "form-control form-control-lg",
                "autocomplete": "one-time-code",
                "autofocus": True,
            }
        ),
    )
