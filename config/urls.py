"""URL map. Survivor pages carry no answer in any URL."""

from django.urls import include, path

from core import availability

urlpatterns = [
    # For load balancers and process managers (docs/deploy.md).
    path("healthz", availability.health, name="health"),
    path("healthz/db", availability.health_db, name="health_db"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("screener.urls")),
    path("petition/", include("petitions.urls")),
    # Staff pages live under /staff/; the survivor's hand-off is /send/, so
    # a shared phone's history shows nothing that names legal aid.
    path("", include("intake.urls")),
    path("", include("rapsheet.urls")),
]

handler400 = "core.errors.bad_request"
handler403 = "core.errors.forbidden"
handler404 = "core.errors.not_found"
# A lost database answers a calm 503; anything else the plain 500 page.
handler500 = "core.errors.server_error"
