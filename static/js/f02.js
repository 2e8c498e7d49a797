/* Halaman F-02 (penilaian evaluator). Tanpa pustaka; halaman tetap berfungsi penuh tanpa JS, skrip ini
   hanya memudahkan: pesan tampil di indikator yang baru disimpan, alasan diminta saat level diubah,
   pengembalian hanya mengirim alasan yang diisi, dan tindakan besar meminta konfirmasi. */
(function () {
  "use strict";

  // Setelah simpan, halaman kembali ke #indikator-N: pesan dipindah ke kartu itu agar terlihat tanpa
  // menggulir ke atas halaman.
  function pindahkanPesan() {
    var id = window.location.hash.slice(1);
    if (!/^indikator-\d+$/.test(id)) { return; }
    var kartu = document.getElementById(id);
    var wadah = kartu && kartu.querySelector("[data-pesan-indikator]");
    if (!wadah) { return; }
    document.querySelectorAll("main > .alert").forEach(function (pesan) { wadah.appendChild(pesan); });
    kartu.scrollIntoView();
  }

  // Mengubah level yang sudah ada wajib beralasan (disimpan di riwayat); service tetap memeriksanya.
  function alasanSaatLevelBerubah(form) {
    var awal = form.dataset.levelAwal;
    var alasan = form.querySelector("textarea[name$='-alasan']");
    var tanda = form.querySelector("[data-alasan-wajib]");
    if (awal === "" || !alasan || !tanda) { return; }
    function perbarui() {
      var dipilih = form.querySelector("input[type=radio]:checked");
      var berubah = Boolean(dipilih) && dipilih.value !== awal;
      alasan.required = berubah;
      tanda.hidden = !berubah;
    }
    form.addEventListener("change", perbarui);
    perbarui();
  }

  function kotakTerisi(form) {
    return Array.prototype.filter.call(form.querySelectorAll("textarea"), function (t) {
      return t.value.trim() !== "";
    });
  }

  // Hanya alasan yang diisi yang dikirim; kotak kosong dinonaktifkan sesaat sebelum kirim.
  function formKembalikan(form) {
    var jumlah = form.querySelector("[data-jumlah-alasan]");
    var peringatan = form.querySelector("[data-peringatan-kembalikan]");
    function hitung() { jumlah.textContent = String(kotakTerisi(form).length); }
    form.addEventListener("input", hitung);
    form.addEventListener("submit", function (e) {
      if (kotakTerisi(form).length === 0) {
        e.preventDefault();
        peringatan.textContent = "Tulis alasan pada sedikitnya satu indikator.";
        peringatan.classList.add("text-danger");
        return;
      }
      form.querySelectorAll("textarea").forEach(function (t) { t.disabled = t.value.trim() === ""; });
    });
    // Kembali dengan tombol Back (bfcache): kotak yang tadi dinonaktifkan harus bisa diisi lagi.
    window.addEventListener("pageshow", function () {
      form.querySelectorAll("textarea").forEach(function (t) { t.disabled = false; });
    });
    hitung();
  }

  document.querySelectorAll("form[data-konfirmasi]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      if (!window.confirm(form.dataset.konfirmasi)) { e.preventDefault(); }
    });
  });
  document.querySelectorAll("form[data-form-nilai]").forEach(alasanSaatLevelBerubah);
  document.querySelectorAll("form[data-form-kembalikan]").forEach(formKembalikan);
  pindahkanPesan();
})();
