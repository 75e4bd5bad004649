from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The plumbing every app shares: sessions, safety headers, rate limits, errors.

    Every app may import ``core``; ``core`` imports none of ours
    (docs/architecture.md), so it can never pull an app's views or models
    into another app.
    """

    name = "core"
    verbose_name = "Core"
