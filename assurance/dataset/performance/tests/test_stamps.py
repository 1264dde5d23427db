"""The data version read beside the summary rows' stamps is the same state as read alone."""

from datetime import UTC, datetime, timedelta

import pytest

from assurance.dataset.performance import selectors, services
from assurance.dataset.summaries.models import SummaryVersion
from assurance.dataset.summaries.selectors import summary_stamp, time_of_text

pytestmark = pytest.mark.django_db


def test_the_version_read_with_the_stamps_is_the_version_read_alone(rhi):
    p = rhi.partnership
    services.summaries_refresh(partnership=p, business_year=rhi.year)
    moved = datetime(2026, 12, 4, 21, 30, 5, 123456, tzinfo=UTC)
    SummaryVersion.unscoped.filter(partnership=p).update(changed_at=moved)
    stamp, stamps = selectors.summary_stamps(partnership=p, business_year=rhi.year)
    assert stamp == summary_stamp(partnership=p)
    assert stamp is not None and stamp[1] == moved and stamps


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-04 21:30:05.123456+00",  # PostgreSQL
        "2026-12-04 21:30:05.123456",  # SQLite, stored in UTC
        "2026-12-04 22:30:05.123456+01:00",
    ],
)
def test_a_time_read_as_text_is_the_same_instant(text):
    assert time_of_text(text) == datetime(2026, 12, 4, 21, 30, 5, 123456, tzinfo=UTC)
    assert time_of_text(text).utcoffset() is not None


def test_no_time_is_none_and_nonsense_is_refused():
    assert time_of_text(None) is None
    with pytest.raises(ValueError, match="Not a time"):
        time_of_text("yesterday")
    assert time_of_text("2026-06-01 00:00:00+00") - time_of_text(
        "2026-06-01 01:00:00+01"
    ) == timedelta(0)
    assert time_of_text("2026-06-01 00:00:00").tzinfo in (UTC, UTC)
