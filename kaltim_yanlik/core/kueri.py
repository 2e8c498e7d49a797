"""Parameter kueri URL yang bisa diketik tangan: dibaca aman, nilai aneh menjadi ``None`` (bukan 500)."""


def tahun_dari_kueri(request, nama: str = "tahun") -> int | None:
    """Tahun empat angka dari ``?tahun=``; selain itu ``None``."""
    tahun = request.GET.get(nama, "")
    # Hanya angka ASCII: isdigit() juga menerima "²" atau "①", yang membuat int() galat (500).
    return int(tahun) if tahun.isascii() and tahun.isdigit() and len(tahun) <= 4 else None
