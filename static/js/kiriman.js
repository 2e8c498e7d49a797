// Kiriman sekali: tombol kirim formulir pembuat rekaman dinonaktifkan setelah klik pertama, agar klik ganda
// tidak mengirim dua kali. Pengaman sesungguhnya ada di server (kunci kiriman, core/kiriman.py); ini hanya
// kenyamanan. Penonaktifan ditunda satu giliran agar nilai tombol yang diklik tetap ikut terkirim.
(function () {
  "use strict";
  document.addEventListener("submit", function (kejadian) {
    var form = kejadian.target;
    if (!form.querySelector("input[name$='kunci_kiriman']") || kejadian.defaultPrevented) {
      return;
    }
    if (form.dataset.terkirim === "1") {
      kejadian.preventDefault();
      return;
    }
    form.dataset.terkirim = "1";
    window.setTimeout(function () {
      form.querySelectorAll("button[type='submit'], input[type='submit']").forEach(function (tombol) {
        tombol.disabled = true;
        tombol.setAttribute("aria-disabled", "true");
      });
    }, 0);
  });
  // Kembali ke halaman lewat tombol "kembali" peramban (bfcache): tombol aktif lagi.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-terkirim='1']").forEach(function (form) {
      form.dataset.terkirim = "";
      form.querySelectorAll("[aria-disabled='true']").forEach(function (tombol) {
        tombol.disabled = false;
        tombol.removeAttribute("aria-disabled");
      });
    });
  });
})();
