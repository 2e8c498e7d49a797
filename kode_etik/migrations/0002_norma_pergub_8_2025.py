"""Norma Pergub Kaltim No. 8 Tahun 2025 sebagai data, dari bahan diseminasi Biro Organisasi (21 Mei 2025).

Teksnya disalin dari bahan diseminasi dengan singkatan (dlm, yg, dgn, ...) ditulis lengkap. Admin dapat
memperbaikinya di halaman admin bila teks resmi Pergub berbeda; migrasi ini hanya memasang isi awal.
"""

from django.db import migrations

BAB2 = "BAB 2 – Landasan Perilaku dan Kode Etik"
BAB3 = "BAB 3 – Perilaku dan Kode Etik Pelayanan Publik"
BAB4 = "BAB 4 – Budaya Pelayanan"

NORMA = {
    "prinsip": (
        BAB2,
        [
            "Kejujuran dan transparansi dalam melakukan hubungan dengan para pihak yang berkepentingan dengan "
            "menjunjung tinggi ketaatan pada ketentuan peraturan perundang-undangan.",
            "Kesadaran akan tanggung jawab pada masyarakat, komunitas sekitar, lingkungan hidup serta "
            "kehidupan berbangsa dan bernegara.",
            "Memperhatikan nilai luhur kemanusiaan.",
            "Menjunjung tinggi nilai keadilan dan tidak berpihak dalam melakukan hubungan dengan para pemangku "
            "kepentingan.",
            "Selalu siap dan loyal dalam melaksanakan tugas dan tanggung jawabnya selaku ASN dan abdi "
            "masyarakat.",
            "Memiliki komitmen yang tinggi dalam melaksanakan tugas dan tanggung jawabnya serta berupaya untuk "
            "melakukan inovasi demi peningkatan kinerja dan kualitas pekerjaan.",
        ],
    ),
    "asas": (
        BAB2,
        [
            "Kepentingan umum, yaitu Pelayanan Publik digunakan, dimanfaatkan, dan ditujukan untuk kepentingan "
            "masyarakat umum.",
            "Kepastian hukum, yaitu Pelayanan Publik memiliki dan mengikuti kepastian hukum, khususnya dalam "
            "penyelenggaraan pelayanannya.",
            "Kesamaan hak, yaitu masyarakat memiliki kesamaan hak dalam menerima Pelayanan Publik.",
            "Keseimbangan hak dan kewajiban, yaitu pihak-pihak yang berkaitan dengan Pelayanan Publik memiliki "
            "hak dan kewajiban yang sama.",
            "Keprofesionalan, yaitu pihak yang terlibat dalam Pelayanan Publik haruslah bersikap profesional "
            "dalam menjalankan tugas.",
            "Partisipatif, yaitu pihak yang terlibat dalam Pelayanan Publik harus bersikap partisipatif.",
            "Persamaan perlakuan/tidak diskriminatif, yaitu semua masyarakat, tanpa terkecuali harus mendapat "
            "perlakuan yang sama atau tidak diskriminatif.",
            "Keterbukaan, yaitu seluruh pihak yang terlibat dalam Pelayanan Publik harus terbuka, misalnya "
            "dalam penyampaian informasi.",
            "Akuntabilitas, yaitu pihak Pelayanan Publik harus memiliki akuntabilitas atau bertanggung jawab.",
            "Fasilitas dan perlakuan khusus bagi kelompok masyarakat yang rentan, yaitu pihak Pelayanan Publik "
            "harus memberikan fasilitas serta perlakuan khusus bagi mereka yang masuk dalam kelompok rentan.",
            "Ketepatan waktu, yaitu pelayanan dan tugas harus senantiasa dilakukan dengan mengutamakan "
            "ketepatan waktu.",
            "Kecepatan, kemudahan, dan keterjangkauan, yaitu pelayanan publik harus cepat, mudah atau tidak "
            "berbelit-belit, dan terjangkau atau aksesnya mudah.",
        ],
    ),
    "tata_aturan": (
        BAB3,
        [
            "Jujur, disiplin, proporsional dan profesional.",
            "Adil dan tidak diskriminatif.",
            "Peduli, teliti dan cermat.",
            "Ramah, bersahabat dan tersenyum.",
            "Tegas dan memberikan pelayanan tidak berbelit-belit.",
            "Mandiri dan dilarang menerima imbalan dalam bentuk apapun.",
        ],
    ),
    "hak": (
        BAB3,
        [
            "Segala hak yang melekat padanya sebagai ASN sesuai dengan ketentuan peraturan "
            "perundang-undangan.",
            "Melaksanakan pelayanan tanpa dihambat oleh pihak lain yang bukan tugasnya.",
            "Melakukan kegiatan pelayanan sesuai penugasan dan Standar Pelayanan serta memperoleh istirahat di "
            "luar jam pelayanan.",
            "Memperoleh penghargaan/apresiasi atas kinerja dalam pemberian Pelayanan Publik di luar jam "
            "pelayanan atau pemberian pelayanan pada hari libur berdasarkan kebijakan penyelenggara.",
            "Memperoleh tambahan penghasilan/insentif sesuai ketentuan yang berlaku dan sesuai kemampuan "
            "keuangan daerah.",
            "Mendapatkan pendidikan dan pelatihan terkait Pelayanan Publik dan/atau terkait tugas pokok dan "
            "fungsi dan/atau terkait pengembangan diri.",
            "Mendapatkan jaminan keamanan dan keselamatan selama menjalankan tugas pelayanan dari "
            "penyelenggara.",
            "Memperoleh fasilitas/sarana prasarana dalam tugas pelayanan.",
            "Menggunakan kearifan lokal untuk mempermudah proses pelayanan kepada pengguna layanan/Masyarakat.",
            "Melakukan pembelaan yang disampaikan kepada penyelenggara atau atasannya terhadap pengaduan dan "
            "tuntutan yang tidak sesuai dengan kenyataan dalam penyelenggaraan Pelayanan Publik.",
            "Menolak permintaan pelayanan yang bertentangan dengan ketentuan peraturan perundang-undangan.",
        ],
    ),
    "kewajiban": (
        BAB3,
        [
            "Menerima dengan baik setiap permohonan pelayanan.",
            "Menerapkan prinsip kehati-hatian, ketelitian dan kecermatan dalam memeriksa kelengkapan "
            "dokumen/rujukan/rekomendasi yang dipersyaratkan dalam pemberian pelayanan, baik pada saat bertatap "
            "muka langsung, melalui telepon, surat elektronik, media aplikasi, media sosial, media online maupun "
            "media lainnya.",
            "Memberitahukan dengan sopan dan profesional apabila terdapat kekurangan dalam hal pengajuan "
            "permohonan layanan, baik pada saat bertatap muka langsung, melalui telepon, surat elektronik, media "
            "aplikasi, media sosial, media online maupun media lainnya.",
            "Menyelesaikan pelayanan dalam tenggang waktu yang telah ditentukan dalam Standar Pelayanan dan SOP.",
            "Menyimpan rahasia negara dan/atau rahasia jabatan yang diembannya selama dan sesudah menjalankan "
            "tugas sesuai ketentuan yang berlaku.",
            "Melakukan kegiatan pelayanan sesuai dengan penugasan yang diberikan oleh Kepala Penyelenggara.",
            "Memberikan pertanggungjawaban atas pelaksanaan pelayanan sesuai dengan ketentuan peraturan "
            "perundang-undangan.",
            "Memenuhi panggilan untuk hadir atau melaksanakan perintah suatu tindakan hukum atas permintaan "
            "pejabat yang berwenang dari lembaga negara atau instansi pemerintah yang berhak, berwenang, dan sah "
            "sesuai dengan ketentuan peraturan perundang-undangan.",
            "Memberikan pertanggungjawaban apabila mengundurkan diri atau melepaskan tanggung jawab sesuai dengan "
            "ketentuan peraturan perundang-undangan.",
            "Melakukan evaluasi dan membuat laporan keuangan dan kinerja pelayanan kepada penyelenggara.",
            "Menindaklanjuti setiap Pengaduan dari Masyarakat sesuai prosedur yang telah ditetapkan.",
        ],
    ),
    "nilai": (
        BAB3,
        [
            "Beriman dan bertakwa kepada Tuhan Yang Maha Esa.",
            "Menjunjung tinggi disiplin, integritas dan profesionalisme serta mematuhi ketentuan peraturan "
            "perundang-undangan.",
            "Menempatkan diri sebagai pihak yang melayani, bukan sebagai pihak yang dilayani.",
            "Bersikap ramah dan hormat dalam memberikan pelayanan, baik pada saat bertatap muka langsung, melalui "
            "telepon, surat elektronik, media aplikasi, media sosial, media online maupun media lainnya.",
            "Sanggup bekerja keras sesuai dengan tuntutan pekerjaan.",
            "Mampu bekerja sama dengan rekan kerja dan taat pada perintah atasan.",
            "Melaksanakan tugas dengan penuh tanggung jawab, jujur dan profesional.",
            "Tidak menggunakan fasilitas kantor semata-mata untuk keperluan pribadi.",
            "Mengutamakan kepentingan pihak yang dilayani di atas kepentingan pribadi.",
            "Bersikap netral dan tidak memihak.",
        ],
    ),
    "budaya": (
        BAB4,
        [
            "Menggunakan identitas nama/id card/tanda pengenal.",
            "Menggunakan pin/atribut/logo pelayanan.",
            "Mempraktekkan senyum, salam, sapa, sopan, dan santun.",
            "Mengenakan pakaian seragam khusus pelayanan.",
            "Sambutan selamat datang kepada pengguna layanan/Masyarakat dalam bentuk sapaan yang ramah atau "
            "tarian selamat datang.",
            "Menjunjung Kearifan Lokal.",
            "Menggunakan bentuk Budaya Pelayanan lainnya sesuai kekhasan masing-masing penyelenggara.",
        ],
    ),
}

# Pasal 10 huruf a–n. Jalur sanksi menurut BAB 7: huruf c, d, f, k → peraturan perundang-undangan;
# selebihnya → sanksi administratif oleh Kepala Penyelenggara.
LARANGAN = [
    (
        "a",
        "Meninggalkan tugas dan kewajiban, kecuali mempunyai alasan yang jelas, rasional, dan sah sesuai "
        "dengan ketentuan peraturan perundang-undangan.",
    ),
    ("b", "Diskriminatif dalam pelayanan."),
    ("c", "Meminta dan/atau menerima imbalan/biaya di luar ketentuan atau melakukan pungutan liar."),
    ("d", "Melakukan korupsi, kolusi, dan nepotisme."),
    ("e", "Meminta sesuatu dari pemohon pelayanan di luar yang telah ditentukan."),
    (
        "f",
        "Menerima sesuatu atau janji dari pemohon pelayanan dengan maksud agar diberikan kemudahan mengurus "
        "permohonan dan/atau sebagai pengganti untuk menutup kekurangan persyaratan yang telah ditentukan.",
    ),
    ("g", "Menjanjikan kemudahan pemberian layanan dengan mengharapkan pemberian imbalan."),
    (
        "h",
        "Mempersulit pemberian layanan dengan maksud untuk mendapatkan imbalan dari pengguna "
        "layanan/Masyarakat.",
    ),
    ("i", "Menggunakan bahasa yang tidak pantas/kasar kepada pengguna layanan/Masyarakat."),
    ("j", "Menambah personil pelaksana tanpa persetujuan Kepala Penyelenggara."),
    ("k", "Membuat perjanjian kerjasama dengan pihak lain tanpa persetujuan penyelenggara."),
    (
        "l",
        "Merangkap sebagai komisaris atau pengurus organisasi usaha bagi pelaksana yang berasal dari "
        "lingkungan instansi pemerintah, Badan Usaha Milik Negara, dan Badan Usaha Milik Daerah.",
    ),
    ("m", "Melanggar asas Penyelenggaraan Pelayanan Publik."),
    (
        "n",
        "Menghambat, menghindari, menolak melakukan pelayanan terhadap publik kecuali tidak sesuai dengan "
        "asas dan Standar Pelayanan yang telah ditetapkan.",
    ),
]
HURUF_PERUNDANG_UNDANGAN = {"c", "d", "f", "k"}


def pasang(apps, schema_editor):
    Norma = apps.get_model("kode_etik", "Norma")
    Larangan = apps.get_model("kode_etik", "Larangan")
    for kelompok, (sumber, butir) in NORMA.items():
        for urutan, teks in enumerate(butir, start=1):
            Norma.objects.update_or_create(
                kelompok=kelompok, urutan=urutan, defaults={"teks": teks, "sumber": sumber}
            )
    for huruf, teks in LARANGAN:
        jalur = "perundang_undangan" if huruf in HURUF_PERUNDANG_UNDANGAN else "administratif"
        Larangan.objects.update_or_create(huruf=huruf, defaults={"teks": teks, "jalur_sanksi": jalur})


def lepas(apps, schema_editor):
    apps.get_model("kode_etik", "Norma").objects.all().delete()
    apps.get_model("kode_etik", "Larangan").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kode_etik", "0001_initial")]

    operations = [migrations.RunPython(pasang, lepas)]
