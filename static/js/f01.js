/* Halaman F-01 (penilaian mandiri unit lokus). Tanpa pustaka; halaman tetap berfungsi penuh tanpa JS.
   Skrip ini hanya memudahkan:
   - setiap isian berubah, server diminta pratinjau usulan level dan IPP mandiri (tanpa menyimpan),
     ditunda sebentar agar mengetik angka tidak mengirim satu permintaan per tombol;
   - isian yang belum disimpan tidak hilang diam-diam saat meninggalkan halaman, mengunggah, atau menghapus
     bukti (ketiganya memuat ulang halaman);
   - tindakan besar (ajukan, hapus berkas) meminta konfirmasi;
   - pesan hasil unggah/hapus dipindah ke kartu slotnya agar terlihat tanpa menggulir ke atas. */
(function () {
  "use strict";

  var JEDA_MS = 400;
  var formF01 = document.querySelector("form[data-form-f01]");
  var belumDisimpan = false;

  function tandaiTangga(level) {
    document.querySelectorAll("[data-tangga] [data-level]").forEach(function (baris) {
      var cocok = level !== null && baris.dataset.level === String(level);
      baris.classList.toggle("border-warning", cocok);
      baris.classList.toggle("bg-warning-subtle", cocok);
      var lencana = baris.querySelector("[data-tanda-usulan]");
      if (lencana) { lencana.hidden = !cocok; }
    });
  }

  function terapkanPratinjau(data, pesan) {
    document.querySelector("[data-nilai-level]").textContent =
      data.level_usulan === null ? "—" : String(data.level_usulan);
    document.querySelector("[data-nilai-ipp]").textContent = data.ipp_mandiri;
    var kategori = document.querySelector("[data-nilai-kategori]");
    kategori.textContent = data.kategori;
    kategori.title = data.predikat;
    document.querySelector("[data-tanda-pratinjau]").hidden = false;
    tandaiTangga(data.level_usulan);
    pesan.textContent = "";
  }

  function pasangPratinjau(form) {
    var pesan = form.querySelector("[data-pesan-pratinjau]");
    var pengatur = null;
    var urutan = 0;

    function minta() {
      var nomor = ++urutan;
      fetch(form.dataset.pratinjauUrl, {
        method: "POST",
        body: new FormData(form),  // memuat csrfmiddlewaretoken dari formulir
        credentials: "same-origin",
        headers: { "X-Requested-With": "XMLHttpRequest" }
      })
        .then(function (r) {
          return r.json().then(function (data) { return { ok: r.ok, data: data }; });
        })
        .then(function (hasil) {
          if (nomor !== urutan) { return; }  // jawaban lama yang tiba terlambat diabaikan
          if (hasil.ok) {
            terapkanPratinjau(hasil.data, pesan);
          } else {
            pesan.textContent = hasil.data.pesan || "Pratinjau gagal.";
          }
        })
        .catch(function () {
          if (nomor === urutan) { pesan.textContent = "Pratinjau tidak tersedia; isian tetap dapat disimpan."; }
        });
    }

    function jadwalkan() {
      belumDisimpan = true;
      window.clearTimeout(pengatur);
      pengatur = window.setTimeout(minta, JEDA_MS);
    }
    form.addEventListener("input", jadwalkan);
    form.addEventListener("change", jadwalkan);
    form.addEventListener("submit", function () { belumDisimpan = false; });
    window.addEventListener("beforeunload", function (e) {
      if (belumDisimpan) { e.preventDefault(); e.returnValue = ""; }
    });
  }

  function pasangKonfirmasi(form) {
    form.addEventListener("submit", function (e) {
      var teks = form.dataset.konfirmasi || "";
      if (belumDisimpan) {
        teks = (teks ? teks + "\n\n" : "") + "Isian F-01 yang belum disimpan akan hilang. Lanjutkan?";
      }
      if (teks && !window.confirm(teks)) {
        e.preventDefault();
        return;
      }
      belumDisimpan = false;  // sudah disetujui: jangan bertanya lagi saat halaman berganti
    });
  }

  function pindahkanPesan() {
    var id = window.location.hash.slice(1);
    if (!/^bukti-[0-9a-f-]+$/.test(id)) { return; }
    var isi = document.querySelector("#" + id + " .card-body");
    if (!isi) { return; }
    // Hanya pesan dari sistem pesan Django (dapat ditutup), bukan peringatan halaman sendiri.
    document.querySelectorAll("main > .alert-dismissible").forEach(function (p) {
      isi.insertBefore(p, isi.firstChild);
    });
    isi.parentElement.scrollIntoView();
  }

  if (formF01) { pasangPratinjau(formF01); }
  document.querySelectorAll("form[data-form-bukti], form[data-konfirmasi]").forEach(pasangKonfirmasi);
  pindahkanPesan();
})();
