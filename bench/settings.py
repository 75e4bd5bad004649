"""Production settings plus one bare view, for the web benchmark only."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
