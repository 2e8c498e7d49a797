// Kartu dokumen PDF yang masih antri/diproses: tanya status tiap 2 detik, muat ulang halaman setelah
// selesai atau gagal agar tautan unduh atau alasan gagal tampil.
(function () {
  document.querySelectorAll(".kartu-dokumen[data-status-url]").forEach(function (kartu) {
    var url = kartu.dataset.statusUrl;
    var teks = kartu.querySelector(".status-teks");
    var tanya = function () {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          if (data.status === "selesai" || data.status === "gagal") { window.location.reload(); return; }
          if (teks) { teks.textContent = data.label + "…"; }
          window.setTimeout(tanya, 2000);
        })
        .catch(function () { window.setTimeout(tanya, 5000); });
    };
    window.setTimeout(tanya, 1500);
  });
})();
