"""Halaman galat berbahasa Indonesia."""

from django.shortcuts import render


def galat_403(request, exception=None):
    return render(request, "403.html", status=403)


def galat_404(request, exception=None):
    return render(request, "404.html", status=404)


def galat_500(request):
    # Tanpa konteks request: halaman 500 tidak boleh bergantung pada apa pun yang mungkin sedang rusak.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
