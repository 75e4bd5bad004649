"""Staff URLs for importing a RAP sheet; only ids, never content."""

from django.urls import path

from rapsheet import views

app_name = "rapsheet"

urlpatterns = [
    path("staff/cases/<int:pk>/rapsheet/", views.upload, name="upload"),
    path(
        "staff/cases/<int:pk>/rapsheet/<int:sheet_id>/",
        views.progress,
        name="progress",
    ),
    path(
        "staff/cases/<int:pk>/rapsheet/<int:sheet_id>/review/",
        views.review,
        name="review",
    ),
    path(
        "staff/cases/<int:pk>/rapsheet/<int:sheet_id>/results/",
        views.results,
        name="results",
    ),
]
