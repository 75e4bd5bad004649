"""The intake fixtures (organisations, staff in every role, cases) for these tests."""

from tests.intake.conftest import (  # noqa: F401 - fixtures, found by name
    _plain_http,
    admin_a,
    attorney_a,
    make_case,
    member,
    org_a,
    org_b,
    staff_a,
    staff_b,
)
