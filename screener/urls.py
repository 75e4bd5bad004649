from django.urls import path, re_path

from screener import api, views
from screener.wizard import DONE, URL_NAME, ScreeningWizard

app_name = "screener"

wizard = ScreeningWizard.as_view(url_name=URL_NAME, done_step_name=DONE)

urlpatterns = [
    path("api/v1/screen", api.screen_api, name="screen_api"),
    path("", views.start, name="start"),
    path("safety/", views.safety, name="safety"),
    path("begin/", views.begin, name="begin"),
    re_path(r"^q/(?P<step>[a-z0-9]{1,8})/$", wizard, name="step"),
    path("q/", wizard, name="wizard"),
    path("check/", views.check, name="check"),
    path("change/<int:index>/<slug:step>/", views.change, name="change"),
    path("results/", views.results_page, name="results"),
    path("exit/", views.leave, name="exit"),
    path("keep-alive/", views.keep_alive, name="keep_alive"),
    path("timeout/", views.timed_out, name="timeout"),
    path("delete/", views.delete_now, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
]
