"""The authorisation matrix rows of practice reviews: the business unit records them and adds
their findings to the learning cycle (the demo's Christmas review, under way)."""

from assurance.core.tests.matrix import BU, expect

EXPECTED = {
    "reviews:practice_review_record": expect(allow=BU, kwargs={"pk": "decided_review"}),
    "reviews:practice_review_finding": expect(allow=BU, kwargs={"pk": "decided_review"}),
}
