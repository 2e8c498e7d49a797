"""Model penghargaan; diisi oleh isu berikutnya (app sudah terdaftar agar migrasi dan impor stabil)."""
