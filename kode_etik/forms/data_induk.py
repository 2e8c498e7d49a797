"""Formulir data induk di portal: Penyelenggara, Pelaksana, jenis layanan, dan saringan daftarnya."""

from django import forms

from ..models import JenisLayanan, Pelaksana, Penyelenggara

_PILIH = forms.Select(attrs={"class": "form-select"})


class PenyelenggaraForm(forms.ModelForm):
    class Meta:
        model = Penyelenggara
        fields = ["kode", "nama", "singkatan", "jenis", "induk", "kepala", "alamat", "aktif"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["induk"].queryset = Penyelenggara.objects.filter(jenis=Penyelenggara.Jenis.PD, aktif=True)
        # Kepala dipilih dari Pelaksana unit ini sendiri; unit baru belum punya Pelaksana.
        pelaksana_unit = Pelaksana.objects.filter(penyelenggara=self.instance.pk, aktif=True)
        self.fields["kepala"].queryset = pelaksana_unit if self.instance.pk else Pelaksana.objects.none()
        self.fields["kepala"].help_text = "Dipilih dari Pelaksana aktif pada unit ini."


class PelaksanaForm(forms.ModelForm):
    # Lebih longgar dari 18 agar NIP yang ditulis berspasi ("19920315 201903 2 011") bisa dibersihkan dulu.
    nip = forms.CharField(
        label="NIP", required=False, max_length=30, help_text="18 digit, boleh dikosongkan untuk non-ASN."
    )

    class Meta:
        model = Pelaksana
        fields = ["nama", "nip", "jabatan", "kategori", "penyelenggara", "atasan_langsung", "aktif"]

    def __init__(self, *args, penyelenggara_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penyelenggara"].queryset = penyelenggara_pilihan
        # Atasan dari unit yang dijangkau; model memastikan unitnya sama dan rantainya tidak melingkar.
        atasan = Pelaksana.objects.filter(penyelenggara__in=penyelenggara_pilihan, aktif=True)
        if self.instance.pk:
            atasan = atasan.filter(penyelenggara=self.instance.penyelenggara_id).exclude(pk=self.instance.pk)
        self.fields["atasan_langsung"].queryset = atasan.select_related("penyelenggara").order_by(
            "penyelenggara__nama", "nama"
        )
        self.fields["atasan_langsung"].label_from_instance = lambda p: f"{p.nama} — {p.jabatan or '–'}"
        self.fields["atasan_langsung"].help_text = "Pelaksana pada unit yang sama (pembinaan berjenjang)."

    def clean_nip(self):
        return self.cleaned_data["nip"].replace(" ", "")


class JenisLayananForm(forms.ModelForm):
    class Meta:
        model = JenisLayanan
        fields = ["nama", "keterangan", "aktif"]
        widgets = {"keterangan": forms.Textarea(attrs={"rows": 3})}


class PenyelenggaraFilterForm(forms.Form):
    cari = forms.CharField(required=False, max_length=100, label="Cari")
    jenis = forms.ChoiceField(
        required=False, choices=[("", "Semua jenis"), *Penyelenggara.Jenis.choices], widget=_PILIH
    )
    aktif = forms.ChoiceField(
        required=False,
        choices=[("", "Aktif dan nonaktif"), ("ya", "Aktif"), ("tidak", "Nonaktif")],
        widget=_PILIH,
    )


class PelaksanaFilterForm(forms.Form):
    cari = forms.CharField(required=False, max_length=100, label="Cari nama, NIP, jabatan")
    kategori = forms.ChoiceField(
        required=False, choices=[("", "Semua kategori"), *Pelaksana.Kategori.choices], widget=_PILIH
    )
    penyelenggara = forms.ModelChoiceField(
        required=False,
        queryset=Penyelenggara.objects.none(),
        empty_label="Semua unit",
        to_field_name="code",
        widget=_PILIH,
    )
    aktif = forms.ChoiceField(
        required=False,
        initial="ya",
        choices=[("ya", "Aktif"), ("tidak", "Nonaktif"), ("semua", "Aktif dan nonaktif")],
        widget=_PILIH,
    )

    def __init__(self, *args, penyelenggara_pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penyelenggara"].queryset = penyelenggara_pilihan


class PenempatanForm(forms.Form):
    """Penempatan baru seorang Pelaksana: jenis layanan unitnya dan/atau tempat bernama, sejak tanggal.

    Hanya bentuk isian; aturan (jenis layanan milik unit, penempatan berjalan berakhir) dijaga service.
    """

    jenis_layanan = forms.ModelChoiceField(
        label="Jenis layanan",
        required=False,
        queryset=JenisLayanan.objects.none(),
        to_field_name="code",
        empty_label="— tempat lain (tulis di bawah) —",
        widget=_PILIH,
    )
    tempat = forms.CharField(
        label="Tempat",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        help_text="Mis. Loket 3 atau Bagian Arsip.",
    )
    mulai = forms.DateField(
        label="Mulai",
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
        error_messages={"required": "Isi tanggal mulai penempatan.", "invalid": "Tanggal tidak valid."},
        help_text="Penempatan sekarang berakhir pada tanggal ini.",
    )
    keterangan = forms.CharField(
        label="Keterangan",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )

    def __init__(self, *args, pelaksana, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jenis_layanan"].queryset = JenisLayanan.objects.filter(
            penyelenggara=pelaksana.penyelenggara_id, aktif=True
        )
