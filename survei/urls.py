from django.urls import re_path
from django.views.generic import RedirectView

app_name = "survei"

# Model SKM, RTL, dan Ombudsman pindah dari app evaluasi (isu 15): alamat admin lama yang dimarkahi atau
# dicetak diarahkan ke alamat barunya; admin sendiri tetap memeriksa hak aksesnya.
_MODEL_PINDAH = "periodeskm|responskm|rencanatindaklanjut|zonaombudsman|kepatuhanombudsman"

urlpatterns = [
    re_path(
        rf"^admin/evaluasi/(?P<model>{_MODEL_PINDAH})/(?P<sisa>.*)$",
        RedirectView.as_view(url="/admin/survei/%(model)s/%(sisa)s", permanent=True, query_string=True),
        name="admin_lama",
    ),
]
