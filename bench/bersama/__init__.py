"""Bantuan bersama bench: basis data sekali pakai bernama, pengukuran berselang-seling, dan keadaan mesin."""
