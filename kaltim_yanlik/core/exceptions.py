class DomainError(Exception):
    """Aturan bisnis dilanggar; pesannya ditujukan kepada pengguna, dalam Bahasa Indonesia."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan
