"""The authorisation matrix rows of quarterly collection (merged into authorisation.py).

Agency leads submit for their own agency only (another agency's values are a 404); the
business unit sees every agency, chases, unlocks and publishes, but submits nothing; the other
roles have no part in collection (published values reach them through the data set's pages).
"""

from typing import Any

from assurance.core.tests.matrix import (
    BU,
    LEADS,
    NORTHFIELD,
    NOT_ALLOWED,
    UNAUTHENTICATED,
    Expected,
    expect,
)


def _open_round() -> int:
    from assurance.dataset.collection.models import CollectionRound

    return (
        CollectionRound.unscoped.filter(partnership__slug="northfield", status="open")
        .order_by("-period_start")
        .values_list("pk", flat=True)
        .first()
    )


def _police() -> int:
    from assurance.partnerships.models import Agency

    return Agency.unscoped.get(partnership__slug="northfield", statutory_role="police").pk


def _council_value() -> int:
    from assurance.dataset.collection.models import IndicatorValue

    return (
        IndicatorValue.unscoped.filter(
            partnership__slug="northfield",
            round__status="published",
            agency__statutory_role="local_authority",
            indicator__code="CSC-REF",
        )
        .order_by("round__period_start")
        .values_list("pk", flat=True)
        .first()
    )


LOOKUPS: dict[str, Any] = {
    "collection_round": _open_round,
    "collection_police": _police,
    "collection_council_value": _council_value,
}

ROUND = {"round_pk": "collection_round"}
POLICE = {"round_pk": "collection_round", "agency_pk": "collection_police"}
VALUE = {"pk": "collection_council_value"}
POLICE_LEAD = {"police-lead"}
COUNCIL_LEAD = {"la-lead"}


def _post_only(roles: frozenset[str], **kwargs: Any) -> Expected:
    expected = expect(**kwargs)
    for role in roles:
        expected.outcomes[role] = NOT_ALLOWED
    return expected


EXPECTED = {
    "dataset:collection_rounds": expect(allow=BU | LEADS),
    "dataset:collection_round_create": expect(allow=BU),
    "dataset:collection_round": expect(allow=BU | LEADS, kwargs=ROUND),
    "dataset:collection_round_history": expect(allow=BU | LEADS, kwargs=ROUND),
    "dataset:collection_publish": _post_only(BU, kwargs=ROUND),
    "dataset:collection_values": expect(allow=LEADS, kwargs=ROUND),
    "dataset:collection_sign_off": expect(allow=LEADS, kwargs=ROUND),
    "dataset:collection_workbook": expect(allow=LEADS, kwargs=ROUND),
    "dataset:collection_upload": expect(allow=LEADS, kwargs=ROUND),
    "dataset:collection_agency": expect(
        allow=BU | POLICE_LEAD, hidden=LEADS - POLICE_LEAD, kwargs=POLICE
    ),
    "dataset:collection_unlock": expect(allow=BU, kwargs=POLICE),
    "dataset:collection_chase": expect(allow=BU, kwargs=POLICE),
    "dataset:collection_sign_off_history": expect(
        allow=BU | POLICE_LEAD, hidden=LEADS - POLICE_LEAD, kwargs=POLICE
    ),
    "dataset:collection_revise": expect(
        allow=COUNCIL_LEAD, hidden=LEADS - COUNCIL_LEAD, kwargs=VALUE
    ),
    "dataset:collection_value_history": expect(
        allow=BU | COUNCIL_LEAD, hidden=LEADS - COUNCIL_LEAD, kwargs=VALUE
    ),
    "api:partnership_indicator_series": expect(
        allow=NORTHFIELD, anonymous=UNAUTHENTICATED, kwargs={"code": "indicator_code"}
    ),
    "api:collection_round_values": expect(
        allow=BU | LEADS, anonymous=UNAUTHENTICATED, kwargs={"pk": "collection_round"}
    ),
}
