from django.urls import path

from screener import api

app_name = "screener"

urlpatterns = [
    path("api/v1/screen", api.screen_api, name="screen_api"),
]
