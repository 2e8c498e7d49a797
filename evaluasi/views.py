"""Tampilan evaluasi menyusul; modul ini sengaja masih kosong."""
