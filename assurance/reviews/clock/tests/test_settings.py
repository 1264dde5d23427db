"""The partnership's settings of the clock: amira (the business unit) sets the notice before a
practice review's publication and the working days agencies have to answer an information
request; the history says who changed what; farah (an agency lead) may not change them. (New
practice reviews starting with the notice: practice_reviews/tests/test_notice_default.py.)"""

from __future__ import annotations

import pytest

from assurance.reviews.clock.models import ReviewSettings
from assurance.reviews.clock.selectors import review_settings

pytestmark = pytest.mark.django_db

URL = "reviews/settings/"


def test_the_defaults_until_the_business_unit_changes_them(northfield, amira, client_for):
    settings = review_settings(partnership=northfield.partnership)
    assert (settings.pk, settings.notice_working_days, settings.information_working_days) == (
        None,
        7,
        5,
    )
    page = client_for(amira).get(northfield.url(URL)).content.decode()
    assert 'value="7"' in page and 'value="5"' in page
    assert "history" not in page.lower().split("<main")[1].split("</form>")[1]


def test_the_business_unit_changes_them_with_history(northfield, amira, client_for):
    client = client_for(amira)
    response = client.post(
        northfield.url(URL), {"notice_working_days": "10", "information_working_days": "3"}
    )
    assert response.status_code == 302, response.content.decode()
    stored = ReviewSettings.objects_for(northfield.partnership).get()
    assert (stored.notice_working_days, stored.information_working_days) == (10, 3)
    client.get(northfield.url(URL))
    client.post(northfield.url(URL), {"notice_working_days": "8", "information_working_days": "3"})
    assert [h.notice_working_days for h in stored.history.order_by("history_date")] == [10, 8]
    assert {h.history_user for h in stored.history.all()} == {amira.user}
    history = client.get(northfield.url(URL + "history/")).content.decode()
    assert "10" in history and "8" in history


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"notice_working_days": "", "information_working_days": "5"}, "Enter the working days"),
        ({"notice_working_days": "61", "information_working_days": "5"}, "0 to 60 working days"),
        (
            {"notice_working_days": "7", "information_working_days": "15"},
            "fewer than the rapid review",
        ),
        ({"notice_working_days": "seven", "information_working_days": "5"}, "whole number"),
    ],
)
def test_bad_settings_are_refused_with_a_reason(northfield, amira, client_for, data, words):
    response = client_for(amira).post(northfield.url(URL), data)
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not ReviewSettings.unscoped.exists()


def test_only_the_business_unit_changes_them(northfield, farah, client_for):
    client = client_for(farah)
    assert client.get(northfield.url(URL)).status_code == 403
    response = client.post(
        northfield.url(URL), {"notice_working_days": "1", "information_working_days": "1"}
    )
    assert response.status_code == 403
    assert not ReviewSettings.unscoped.exists()
