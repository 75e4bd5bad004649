from django.apps import AppConfig


class RapsheetConfig(AppConfig):
    name = "rapsheet"
    verbose_name = "RAP sheet import"
