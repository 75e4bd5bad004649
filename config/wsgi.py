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
    """Load the offense catalog, the law files and the survivor pages' templates
    before the first visitor, then take them out of the garbage collector's sight.

    They take about 300 ms to read; without this the first survivor to reach
    a results page on each new server process pays for it. They are also
    about 100,000 objects that live as long as the process: every full
    garbage collection walked them all, about 20 ms with the GIL held, which
    stopped every thread of the process at once and showed as the slowest
    pages under load. ``gc.freeze()`` moves everything alive at this point to
    a generation that is never collected.
    """
    import gc

    from django.template import loader

    from screener.rules import catalog, law

    catalog.catalog()
    law.laws()
    for name in ("screener/step.html", "screener/check.html", "screener/results.html"):
        loader.get_template(name)
    gc.collect()
    gc.freeze()


_warm_up()
