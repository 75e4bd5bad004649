from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Legal-aid intake"

    def ready(self) -> None:
        from intake import checks  # noqa: F401 - registers the deploy check
        from intake.stats import count_survivor_screening
        from screener.signals import screening_finished

        screening_finished.connect(
            count_survivor_screening, dispatch_uid="intake-counts"
        )
