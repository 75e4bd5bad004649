"""Signals other apps may listen to, so the survivor app depends on none of them.

``screening_finished`` is sent once per screening, when a survivor first asks
for results. It carries the rules' output and the counties only: the
legal-aid app turns it into anonymous monthly counts for advocacy.
"""

from django.dispatch import Signal

# Arguments: output (the screen() result), counties (list), today (date).
screening_finished = Signal()
