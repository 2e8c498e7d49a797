"""Aplikasi Celery portal; konfigurasi dibaca dari settings dengan awalan CELERY_."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaltim_yanlik.settings")

app = Celery("kaltim_yanlik")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
