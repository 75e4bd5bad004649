"""The legal-aid workspace: consented hand-offs, the encrypted case queue,
attorney drafting, audit and retention.

A separate app from ``screener`` on purpose. The survivor side is anonymous:
no accounts, answers only in the browser's session, nothing kept. This side
is the opposite: named staff accounts with 2FA, case files that live for
months, every read written to an audit log. Keeping them apart keeps the
anonymous app free of auth, lockout and audit machinery (and of the IP
addresses that machinery stores), and makes the one bridge between them, the
consented hand-off in ``intake.handoff``, easy to review.
"""
