"""View app survei: ``publik`` (formulir survei tanpa login), ``periode`` (kelola periode, QR, impor, NRR),
``hasil`` (IKM dan RTL), ``ombudsman`` (hasil kepatuhan, Biro)."""
