// Formulir pengaduan: jenis layanan hanya dari unit yang dipilih (grup <optgroup> berlabel nama unit).
// Tanpa JavaScript semua grup tetap tampil; service tetap menolak jenis layanan milik unit lain.
(function () {
  const unit = document.getElementById("id_penyelenggara");
  const layanan = document.getElementById("id_jenis_layanan");
  if (!unit || !layanan) return;
  function saring() {
    const nama = unit.selectedIndex > 0 ? unit.options[unit.selectedIndex].text : "";
    let ada = false;
    for (const grup of layanan.querySelectorAll("optgroup")) {
      const cocok = grup.label === nama;
      grup.hidden = !cocok;
      grup.disabled = !cocok;
      ada = ada || cocok;
    }
    const terpilih = layanan.options[layanan.selectedIndex];
    if (terpilih && terpilih.parentElement.disabled) layanan.value = "";
    layanan.disabled = !ada;
  }
  unit.addEventListener("change", saring);
  saring();
})();
