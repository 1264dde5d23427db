"""The authorisation matrix rows of the search page: everyone in the partnership may search
(what each finds is scoped by each capability's selectors; see test_search.py)."""

from assurance.core.tests.matrix import NORTHFIELD, expect

LOOKUPS: dict = {}

EXPECTED = {
    "search:results": expect(allow=NORTHFIELD),
}
