"""URL map. Survivor pages carry no answer in any URL."""

from django.urls import include, path

urlpatterns = [
    path("", include("screener.urls")),
]
