"""The authorisation matrix rows of the data set: the catalogue and benchmark pages are for
every Northfield role (published information); the API's catalogue and national series are for
anyone signed in."""

from assurance.core.tests.matrix import ALLOW, NORTHFIELD, UNAUTHENTICATED, expect

LOOKUPS = {
    "indicator_code": lambda: "CSC-REREF",
}

EXPECTED = {
    "dataset:indicator_list": expect(allow=NORTHFIELD),
    "dataset:indicator_detail": expect(allow=NORTHFIELD, kwargs={"code": "indicator_code"}),
    "api:indicator_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:indicator_series": expect(
        northfield=ALLOW,
        southvale=ALLOW,
        anonymous=UNAUTHENTICATED,
        kwargs={"code": "indicator_code"},
    ),
    "api:indicator_spc": expect(
        northfield=ALLOW,
        southvale=ALLOW,
        anonymous=UNAUTHENTICATED,
        kwargs={"code": "indicator_code"},
    ),
}

# Quarterly collection's rows live in collection_authorisation.py.
from assurance.dataset.tests.collection_authorisation import (  # noqa: E402
    COLLECTION_EXPECTED,
    COLLECTION_LOOKUPS,
)

LOOKUPS.update(COLLECTION_LOOKUPS)
EXPECTED.update(COLLECTION_EXPECTED)
