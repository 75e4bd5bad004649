"""WSGI entry point; the one place production start-up is refused."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()


def _require_production_settings() -> None:
    from django.conf import settings

    if settings.DEBUG:
        return
    if not settings.SECRET_KEY_FROM_ENVIRONMENT:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment to serve.")
    if not settings.ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment to serve.")


_require_production_settings()


def _warm_up() -> None:
    """Load the offense catalog and the law files before the first visitor.

    They take about 300 ms to read; without this the first survivor to reach
    a results page on each new server process pays for it.
    """
    from screener.rules import catalog, law

    catalog.catalog()
    law.laws()


_warm_up()
