"""The authorisation matrix rows of rapid reviews: the business unit records them; the
scrutineer reviews the decision (the demo's Christmas review, decided)."""

from assurance.core.tests.matrix import BU, SCRUTINEER, expect
from assurance.reviews.rapid_reviews.models import RapidReview

LOOKUPS = {
    "decided_review": lambda: (
        RapidReview.unscoped.filter(partnership__slug="northfield", decision="cspr")
        .order_by("incident__became_aware_on")
        .last()
        .incident_id  # type: ignore[union-attr]
    ),
}

EXPECTED = {
    "reviews:rapid_review_record": expect(allow=BU, kwargs={"pk": "review"}),
    "reviews:rapid_review_meeting": expect(allow=BU, kwargs={"pk": "review"}),
    "reviews:rapid_review_scrutinise": expect(allow=SCRUTINEER, kwargs={"pk": "decided_review"}),
}
