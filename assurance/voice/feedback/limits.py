"""How often the child's form may be sent (pure): a limit per network and per link in one
clock hour, so that a script cannot flood the duty inbox or drown real answers. A class of
children on one school network is well within it."""

from __future__ import annotations

from assurance.core.rate_limits import over_hourly_limit

PER_NETWORK = 60  # from one network (a digest of the address), in the hour
PER_LINK = 600  # through one link, from anywhere, in the hour

TOO_MANY = (
    "Lots of forms have been sent from here in the last hour, so we cannot take yours just "
    "now. Please try again later."
)


def rate_limit_refusal(*, from_network: int, by_link: int) -> str:
    """Why one more form is refused, or "" (the counts are of the forms taken this hour)."""
    refused = over_hourly_limit(
        from_network=from_network, by_link=by_link, per_network=PER_NETWORK, per_link=PER_LINK
    )
    return TOO_MANY if refused else ""
