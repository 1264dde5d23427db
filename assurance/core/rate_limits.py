"""The hourly rate limit of the open forms anyone can send without signing in (the child's
feedback form, the practitioners' survey): the rule (pure). The network a form came from is
kept only as `core.clients.client_digest`.

Each form counts what it took in the current clock hour, from one network and through one
link; one more is refused once either count has reached its limit."""

from __future__ import annotations


def over_hourly_limit(*, from_network: int, by_link: int, per_network: int, per_link: int) -> bool:
    """Whether one more form must be refused (the counts are of the forms taken this hour)."""
    return from_network >= per_network or by_link >= per_link
