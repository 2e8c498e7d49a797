"""Bagian-bagian bench/beban.py: data, proses latar, klien HTTP, pengguna maya, dan laporan angka.

Sengaja berada di subpaket: ``make bench`` menjalankan setiap ``bench/*.py`` di tingkat atas.
"""
