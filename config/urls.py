"""URL map. Survivor pages carry no answer in any URL."""

from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("screener.urls")),
    path("petition/", include("petitions.urls")),
    # Staff pages live under /staff/; the survivor's hand-off is /send/, so
    # a shared phone's history shows nothing that names legal aid.
    path("", include("intake.urls")),
]

handler400 = "screener.views.bad_request"
handler403 = "screener.views.forbidden"
handler404 = "screener.views.not_found"
