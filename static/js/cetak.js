/* Tombol [data-cetak] membuka dialog cetak peramban (pengganti onclick inline, yang diblokir CSP). */
document.querySelectorAll("[data-cetak]").forEach(function (tombol) {
  tombol.addEventListener("click", function () { window.print(); });
});
