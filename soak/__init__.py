"""``make soak``: survivors by the hundred, a database restart, a server
killed, a burst of downloads, all on loopback, bounded in count and time.

Run as ``python -m soak.run`` (``SOAK=short`` for the form CI runs).
"""
