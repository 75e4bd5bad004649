from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = "Petitions"

    def ready(self) -> None:
        # The results page asks which records a packet covers; screener sits
        # below petitions (docs/architecture.md), so petitions tells it.
        from petitions.packet import packet_record_ids
        from screener import next_steps

        next_steps.register_packet_records(packet_record_ids)
