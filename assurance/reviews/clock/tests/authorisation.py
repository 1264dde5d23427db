"""The authorisation matrix rows of the partnership's closure days and settings of the clock:
the business unit's (the demo has saved its settings, so their history exists)."""

from assurance.core.tests.matrix import BU, expect
from assurance.reviews.clock.models import ClosureDay

LOOKUPS = {
    "closure_day": lambda: ClosureDay.unscoped.filter(partnership__slug="northfield").first().pk,  # type: ignore[union-attr]
}

EXPECTED = {
    "reviews:closure_day_list": expect(allow=BU),
    "reviews:closure_day_add": expect(allow=BU),
    "reviews:closure_day_remove": expect(allow=BU, kwargs={"pk": "closure_day"}),
    "reviews:review_settings": expect(allow=BU),
    "reviews:review_settings_history": expect(allow=BU),
}
