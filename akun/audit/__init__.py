"""Halaman jejak audit ``/audit/`` (Biro dan Admin): siapa mengubah apa dan kapan di seluruh portal.

Di app ``akun`` karena halaman ini memakai pengguna, unit, dan kebijakan akses; ``core`` hanya mencatat jejak
(``core.audit``) dan memegang label kode aksinya (``core.audit_label``).
"""
