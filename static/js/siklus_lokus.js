/* Pemilih lokus: saring nama, pilih/kosongkan semua atau per jenis, hitung yang dipilih. Tanpa JS semua
   kotak tetap berfungsi (bawaan tercentang semua). */
(function () {
  var akar = document.getElementById("pemilih-lokus");
  if (!akar) { return; }
  var kotak = function (wadah) { return wadah.querySelectorAll("input[type=checkbox]"); };
  var label = akar.querySelector("[data-lokus-jumlah]");
  function hitung() {
    var semua = kotak(akar), dipilih = 0;
    semua.forEach(function (k) { if (k.checked) { dipilih += 1; } });
    label.textContent = dipilih + " dari " + semua.length + " dipilih";
  }
  function tandai(wadah, nilai) {
    wadah.querySelectorAll("[data-lokus-item]").forEach(function (item) {
      if (!item.hidden) { kotak(item).forEach(function (k) { k.checked = nilai; }); }
    });
    hitung();
  }
  akar.querySelectorAll("[data-lokus-semua]").forEach(function (tombol) {
    tombol.addEventListener("click", function () { tandai(akar, tombol.dataset.lokusSemua === "1"); });
  });
  akar.querySelectorAll("[data-kelompok-semua]").forEach(function (tombol) {
    tombol.addEventListener("click", function () {
      tandai(tombol.closest("[data-lokus-kelompok]"), tombol.dataset.kelompokSemua === "1");
    });
  });
  var cari = akar.querySelector("[data-lokus-cari]");
  cari.hidden = false;
  cari.addEventListener("input", function () {
    var kata = cari.value.trim().toLowerCase();
    akar.querySelectorAll("[data-lokus-item]").forEach(function (item) {
      item.hidden = kata !== "" && item.dataset.cari.indexOf(kata) === -1;
    });
  });
  akar.addEventListener("change", hitung);
  hitung();
})();
