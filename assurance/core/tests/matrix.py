"""The vocabulary of the authorisation matrix (see ``test_authorisation_matrix.py``).

Each app describes its own URLs in ``assurance/<app>/tests/authorisation.py``::

    from assurance.core.tests.matrix import BU, PRACTITIONERS, expect

    LOOKUPS = {  # how to fill a URL's arguments from the demo data (evaluated after loading it)
        "audit": lambda: Audit.unscoped.get(partnership__slug="northfield", title="…").pk,
    }
    EXPECTED = {
        "audits:audit_list": expect(allow=PRACTITIONERS),
        "audits:audit_detail": expect(allow=PRACTITIONERS, kwargs={"pk": "audit"}),
        "audits:audit_create": expect(allow=BU),
    }

``expect`` gives every role an outcome: the roles you name get what you say, the other Northfield
roles get ``northfield`` (default DENY), an anonymous visitor gets ``anonymous`` (default LOGIN)
and the Southvale business unit gets ``southvale`` (default HIDDEN: another partnership's pages do
not exist for them). ``kwargs`` names, for each URL argument, a lookup from any app's ``LOOKUPS``;
``partnership_slug`` is always Northfield's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# Outcomes of a GET request
ALLOW = "allow"  # 200
DENY = "deny"  # 403
HIDDEN = "hidden"  # 404
LOGIN = "login"  # redirect to the sign-in page
REDIRECT = "redirect"  # redirect somewhere else (for example home → the only partnership)
UNAUTHENTICATED = "unauthenticated"  # API without credentials: 401 or 403
NOT_ALLOWED = "not-allowed"  # 405: the URL does not answer GET (sign-out is POST only)
# 410: an open link (no sign-in) that exists but takes no more answers shows its closed page
# to everyone alike (ADR 045)
GONE = "gone"

OUTCOMES = {ALLOW, DENY, HIDDEN, LOGIN, REDIRECT, UNAUTHENTICATED, NOT_ALLOWED, GONE}

# The demo roles the matrix signs in as: ROLE@northfield.example, and Southvale's business unit.
ANONYMOUS = "anonymous"
SOUTHVALE = "southvale"
BU = frozenset({"business-unit"})
SCRUTINEER = frozenset({"scrutineer"})
VIEWER = frozenset({"viewer"})
MEMBER = frozenset({"group-member"})
LEADS = frozenset({"la-lead", "police-lead", "health-lead"})
AUDITORS = frozenset({"la-auditor", "police-auditor"})
NORTHFIELD = BU | SCRUTINEER | VIEWER | MEMBER | LEADS | AUDITORS
PRACTITIONERS = NORTHFIELD - VIEWER
# A Northfield school's designated safeguarding lead (ADR 027): a user of that school only, who
# sees nothing else of the partnership. Unless a row names them, they get what the partnership's
# other people get (``northfield``), the default being a refusal.
SETTING_USERS = frozenset({"school-dsl"})
ROLES = (ANONYMOUS, *sorted(NORTHFIELD | SETTING_USERS), SOUTHVALE)

Lookup = Callable[[], Any]


@dataclass(frozen=True)
class Expected:
    outcomes: dict[str, str]
    kwargs: dict[str, str] = field(default_factory=dict)


def expect(
    *,
    allow: Iterable[str] = (),
    deny: Iterable[str] = (),
    hidden: Iterable[str] = (),
    redirect: Iterable[str] = (),
    northfield: str = DENY,
    anonymous: str = LOGIN,
    southvale: str = HIDDEN,
    kwargs: dict[str, str] | None = None,
) -> Expected:
    outcomes = dict.fromkeys(NORTHFIELD | SETTING_USERS, northfield)
    for outcome, roles in ((ALLOW, allow), (DENY, deny), (HIDDEN, hidden), (REDIRECT, redirect)):
        for role in roles:
            if role not in NORTHFIELD | SETTING_USERS:
                raise ValueError(f"{role!r} is not a Northfield demo role of the matrix")
            outcomes[role] = outcome
    outcomes[ANONYMOUS] = anonymous
    outcomes[SOUTHVALE] = southvale
    if not set(outcomes.values()) <= OUTCOMES:
        raise ValueError(f"Unknown outcome in {outcomes}")
    return Expected(outcomes=outcomes, kwargs=dict(kwargs or {}))


def public(*, signed_in: str = ALLOW, anonymous: str = ALLOW) -> Expected:
    """A page for everyone, signed in or not, whatever their partnership."""
    return expect(northfield=signed_in, southvale=signed_in, anonymous=anonymous)


def any_signed_in(**kwargs: Any) -> Expected:
    """A page for anyone signed in, whatever their partnership (their account, for example)."""
    return expect(northfield=ALLOW, southvale=ALLOW, **kwargs)
