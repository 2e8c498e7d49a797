import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models


class BaseModel(models.Model):
    """Dasar setiap objek domain: kode UUID publik untuk URL (bukan id berurutan) dan cap waktu."""

    code = models.UUIDField("kode", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    updated_at = models.DateTimeField("diperbarui", auto_now=True)

    class Meta:
        abstract = True


class JejakAudit(models.Model):
    """Satu perubahan keadaan: siapa, kapan, apa (kode aksi), pada objek mana, dengan data apa."""

    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aksi = models.CharField(max_length=80, db_index=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    objek_repr = models.CharField("objek", max_length=255)
    # Unit pemilik objek, agar jejak dapat disaring per Penyelenggara tanpa membuka objeknya.
    penyelenggara_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-waktu", "-id"]
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            # Halaman audit menyaring per unit atau per pengguna lalu mengurutkan terbaru lebih dulu.
            models.Index(fields=["penyelenggara_id", "-waktu"], name="jejak_unit_waktu"),
            models.Index(fields=["pengguna", "-waktu"], name="jejak_pengguna_waktu"),
        ]

    def __str__(self):
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi} {self.objek_repr}"


class Notifikasi(models.Model):
    """Pemberitahuan di portal untuk satu pengguna; e-mail yang sama dikirim lewat tugas Celery.

    ``kunci`` mencegah pemberitahuan ganda ketika pengirimnya (mis. pengingat terjadwal) dijalankan ulang.
    """

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi"
    )
    judul = models.CharField(max_length=200)
    isi = models.TextField(blank=True)
    tautan = models.CharField(max_length=255, blank=True)
    kunci = models.CharField(max_length=150, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True, db_index=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat", "-id"]
        verbose_name = "notifikasi"
        verbose_name_plural = "notifikasi"
        constraints = [
            models.UniqueConstraint(
                fields=["penerima", "kunci"], condition=~models.Q(kunci=""), name="notifikasi_kunci_unik"
            )
        ]

    def __str__(self):
        return self.judul


def _lokasi_dokumen(instance, filename: str) -> str:
    # Nama di disk acak per render: berkas lama tetap utuh sampai render baru selesai dan ditukar.
    return f"dokumen/{instance.jenis}/{uuid.uuid4().hex}.pdf"


class DokumenPDF(BaseModel):
    """Dokumen PDF hasil render di latar untuk satu subjek (mis. satu evaluasi), dengan status prosesnya.

    Satu baris per (jenis, subjek) yang memegang status permintaan dan berkas terbarunya. Setiap render yang
    selesai adalah satu ``RevisiDokumen`` bernomor yang berkasnya tidak pernah ditimpa atau dihapus: naskah
    yang sudah terbit disimpan sebagaimana terbit. Hak melihatnya adalah hak melihat subjeknya, diperiksa
    oleh app pemilik subjek lewat registri ``core.dokumen``; hak menerbitkan (ulang) per jenis dokumen.
    """

    class Status(models.TextChoices):
        ANTRI = "antri", "Dalam antrean"
        DIPROSES = "diproses", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    jenis = models.CharField(max_length=60)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    subjek = GenericForeignKey("content_type", "object_id")
    # Unit pemilik subjek (kosong untuk dokumen tingkat provinsi), agar dapat disaring tanpa membuka subjek.
    penyelenggara_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRI)
    alasan_gagal = models.TextField("alasan gagal", blank=True)
    berkas = models.FileField(upload_to=_lokasi_dokumen, max_length=255, blank=True)
    nama_berkas = models.CharField("nama berkas unduhan", max_length=200)
    ukuran = models.PositiveIntegerField(null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(default=0)
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diminta_pada = models.DateTimeField()
    mulai_pada = models.DateTimeField(null=True, blank=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    durasi_md = models.PositiveIntegerField("durasi render (ms)", null=True, blank=True)
    # Alasan permintaan yang sedang diproses; disalin ke revisi saat render selesai.
    alasan_permintaan = models.TextField("alasan permintaan", blank=True)

    class Meta:
        ordering = ["-diminta_pada"]
        verbose_name = "dokumen PDF"
        verbose_name_plural = "dokumen PDF"
        constraints = [
            models.UniqueConstraint(
                fields=["jenis", "content_type", "object_id"], name="dokumen_satu_per_jenis_subjek"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["antri", "diproses", "selesai", "gagal"]),
                name="dokumen_status_valid",
            ),
        ]

    def __str__(self):
        return self.nama_berkas

    @property
    def sedang_berjalan(self) -> bool:
        return self.status in (self.Status.ANTRI, self.Status.DIPROSES)


class HariLibur(models.Model):
    """Hari libur nasional atau cuti bersama: bukan hari kerja untuk tenggat yang dihitung dalam hari kerja.

    Ditetapkan setiap tahun oleh SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB; tanggal
    hari raya yang bergantung pada Keputusan Menteri Agama dapat bergeser sehari. Dimuat dari CSV (migrasi
    ``0005`` untuk 2026) dan dikoreksi di admin; sumber setiap baris dicatat.
    """

    class Jenis(models.TextChoices):
        LIBUR_NASIONAL = "libur_nasional", "Libur nasional"
        CUTI_BERSAMA = "cuti_bersama", "Cuti bersama"

    tanggal = models.DateField(unique=True)
    nama = models.CharField(max_length=150)
    jenis = models.CharField(max_length=16, choices=Jenis.choices)
    sumber = models.CharField(
        max_length=255,
        blank=True,
        help_text="Dasar penetapan, mis. SKB 3 Menteri Nomor 1497, 2, 5 Tahun 2025.",
    )

    class Meta:
        ordering = ["tanggal"]
        verbose_name = "hari libur"
        verbose_name_plural = "hari libur"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(jenis__in=["libur_nasional", "cuti_bersama"]),
                name="hari_libur_jenis_valid",
            )
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class DasarHukum(models.Model):
    """Satu peraturan yang dikutip naskah dinas ("Mengingat") dan instrumen monev.

    Kutipan naskah disusun dari field ini, bukan ditulis di templat: koreksi nomor, tahun, atau judul cukup di
    admin. Rujukan yang belum dipastikan teksnya (mis. Pedoman MenPANRB 5/2023, regulations.md §1) ditandai
    ``terkonfirmasi`` mati beserta catatannya.
    """

    class Jenis(models.TextChoices):
        UU = "uu", "Undang-Undang"
        PP = "pp", "Peraturan Pemerintah"
        PERPRES = "perpres", "Peraturan Presiden"
        PERMEN = "permen", "Peraturan Menteri"
        PEDOMAN = "pedoman", "Pedoman Menteri"
        PERDA = "perda", "Peraturan Daerah"
        PERGUB = "pergub", "Peraturan Gubernur"
        KEPGUB = "kepgub", "Keputusan Gubernur"
        LAINNYA = "lainnya", "Lainnya"

    kode = models.SlugField(
        max_length=60,
        unique=True,
        help_text="Pengenal tetap yang dipakai portal, mis. pergub-kode-etik (jangan diubah).",
    )
    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    penerbit = models.CharField(
        max_length=150,
        blank=True,
        help_text="Pelengkap sebutan jenis: bidang menteri atau nama daerah, mis. “Pendayagunaan Aparatur "
        "Negara dan Reformasi Birokrasi” atau “Kalimantan Timur”.",
    )
    nomor = models.CharField(max_length=30)
    tahun = models.PositiveSmallIntegerField()
    tentang = models.CharField(max_length=300)
    perubahan = models.CharField(
        max_length=300,
        blank=True,
        help_text="Dicetak sesudah judul, mis. “sebagaimana telah diubah dengan … Nomor 4 Tahun 2023”.",
    )
    singkatan = models.CharField(max_length=80, help_text="Sebutan ringkas di halaman, mis. UU 25/2009.")
    urutan = models.PositiveSmallIntegerField(default=0, help_text="Urutan hierarki bawaan (kecil dahulu).")
    terkonfirmasi = models.BooleanField(
        default=True, help_text="Mati bila nomor/judulnya belum dipastikan dari JDIH atau Biro Hukum."
    )
    catatan = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["urutan", "tahun", "nomor"]
        verbose_name = "dasar hukum"
        verbose_name_plural = "dasar hukum"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tahun__gte=1945, tahun__lte=2100), name="dasar_hukum_tahun_wajar"
            )
        ]

    def __str__(self):
        return self.singkatan

    @property
    def judul_jenis(self) -> str:
        """“Peraturan Menteri Pendayagunaan …”, “Peraturan Gubernur Kalimantan Timur”, “Undang-Undang”."""
        return f"{self.get_jenis_display()} {self.penerbit}".strip()

    @property
    def sebutan(self) -> str:
        """“Peraturan Gubernur Kalimantan Timur Nomor 8 Tahun 2025” (untuk kalimat Menimbang)."""
        return f"{self.judul_jenis} Nomor {self.nomor} Tahun {self.tahun}"

    @property
    def kutipan(self) -> str:
        """Butir "Mengingat" lengkap: sebutan, judul, dan perubahannya."""
        teks = f"{self.sebutan} tentang {self.tentang}"
        return f"{teks} {self.perubahan}" if self.perubahan else teks


class DasarHukumNaskah(models.Model):
    """Dasar hukum yang dicetak pada blok "Mengingat" satu jenis naskah (kode jenis ``core.dokumen``)."""

    jenis_naskah = models.CharField(
        "jenis naskah", max_length=60, help_text="Kode jenis dokumen, mis. keputusan-sanksi."
    )
    dasar_hukum = models.ForeignKey(DasarHukum, on_delete=models.PROTECT, related_name="naskah")
    urutan = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["jenis_naskah", "urutan", "id"]
        verbose_name = "dasar hukum naskah"
        verbose_name_plural = "dasar hukum naskah"
        constraints = [
            models.UniqueConstraint(fields=["jenis_naskah", "dasar_hukum"], name="dasar_hukum_naskah_unik")
        ]

    def __str__(self):
        return f"{self.jenis_naskah}: {self.dasar_hukum}"


class KirimanFormulir(models.Model):
    """Satu kiriman formulir pembuat rekaman yang sudah diterima, menurut kunci sekali pakainya.

    Kunci diterbitkan saat formulir ditampilkan (``core/kiriman.py``). Kiriman pertama mencatat barisnya dalam
    transaksi yang sama dengan rekaman yang dibuatnya; kiriman ulang (klik ganda, kirim ulang peramban, dua
    permintaan bersamaan) menabrak indeks unik, menunggu yang pertama selesai, lalu dijawab dengan
    ``hasil_url`` yang pertama — tidak pernah rekaman kedua.
    """

    kunci = models.CharField(max_length=64, unique=True)
    lingkup = models.CharField(max_length=80)
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hasil_url = models.CharField(max_length=500, blank=True)
    data = models.JSONField(default=dict, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-dibuat"]
        verbose_name = "kiriman formulir"
        verbose_name_plural = "kiriman formulir"

    def __str__(self):
        return f"{self.lingkup} {self.kunci[:8]}…"


class RevisiDokumen(BaseModel):
    """Satu terbitan dokumen: nomor revisi, berkasnya, kapan, atas permintaan siapa, dan alasannya.

    Revisi 1 adalah terbitan pertama; setiap "buat ulang" yang selesai menambah revisi berikutnya dengan
    alasan wajib. Berkas revisi lama tetap dapat diunduh (kartu dokumen mencantumkannya beserta tanggalnya).
    """

    dokumen = models.ForeignKey(DokumenPDF, on_delete=models.PROTECT, related_name="revisi")
    nomor = models.PositiveSmallIntegerField()
    berkas = models.FileField(max_length=255)
    ukuran = models.PositiveIntegerField()
    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diminta_pada = models.DateTimeField()
    selesai_pada = models.DateTimeField()
    alasan = models.TextField(blank=True)

    class Meta:
        ordering = ["dokumen", "-nomor"]
        verbose_name = "revisi dokumen"
        verbose_name_plural = "revisi dokumen"
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "nomor"], name="revisi_dokumen_nomor_unik"),
            models.CheckConstraint(condition=models.Q(nomor__gte=1), name="revisi_dokumen_nomor_positif"),
        ]

    def __str__(self):
        return f"{self.dokumen} — revisi {self.nomor}"


class GrafikTersimpan(models.Model):
    """SVG satu grafik yang sudah digambar, dikunci sidik data masukannya (``core.grafik``).

    Data sama → kunci sama → gambar dipakai ulang oleh setiap halaman, PDF, proses web, dan worker; data baru
    → kunci baru. Baris lama tidak pernah diubah, hanya dibuang oleh tugas berkala setelah
    ``GRAFIK_SIMPAN_HARI`` (grafik yang masih dipakai digambar ulang sekali saat dibuka lagi).
    """

    kunci = models.CharField(max_length=64, primary_key=True)
    jenis = models.CharField(max_length=40)
    svg = models.TextField("SVG lebar")
    svg_sempit = models.TextField("SVG sempit")
    dibuat_pada = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "grafik tersimpan"
        verbose_name_plural = "grafik tersimpan"

    def __str__(self):
        return f"{self.jenis} {self.kunci[:12]}"
