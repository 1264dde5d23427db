"""The demo holds a year of the learning cycle in Northfield: meetings of the ARG, the
executive and the RDG with attendance (one executive inquorate), learning from the demo
audits and other sources grouped into themes, recommendations, decisions and challenges."""

import pytest
from django.test import Client

from assurance.improvement.learning.models import LearningItem, LearningTheme, Recommendation
from assurance.improvement.meetings.models import AgendaItem, Decision, Meeting
from assurance.improvement.scrutiny.models import Challenge

pytestmark = pytest.mark.django_db


def test_a_year_of_the_cycle(demo, demo_user):
    meetings = Meeting.unscoped.filter(partnership__slug="northfield")
    by_group = {g: meetings.filter(group__short_name=g).count() for g in ("ARG", "LSCP", "RDG")}
    # the executive (LSCP) also met to decide each rapid review of the reviews' demo
    assert by_group == {"ARG": 4, "LSCP": 8, "RDG": 4}
    decisions = Decision.unscoped.filter(partnership__slug="northfield")
    inquorate = decisions.filter(quorate=False)
    assert inquorate.count() == 1
    assert "police" in inquorate.get().quorum_explanation
    assert decisions.filter(quorate=True, voted=True, carried=True).count() == 2
    sources = set(
        LearningItem.unscoped.filter(partnership__slug="northfield").values_list(
            "source", flat=True
        )
    )
    assert len(sources) == 9  # every kind of source
    assert LearningItem.unscoped.filter(audit__isnull=False, standard__isnull=False).exists()
    drift = LearningTheme.unscoped.get(
        partnership__slug="northfield", title="Drift in neglect cases"
    )
    assert drift.items.values("source").distinct().count() >= 3
    statuses = set(
        Recommendation.unscoped.filter(partnership__slug="northfield").values_list(
            "status", flat=True
        )
    )
    assert {"proposed", "accepted", "deferred"} <= statuses
    challenges = Challenge.unscoped.filter(partnership__slug="northfield")
    assert set(challenges.values_list("status", flat=True)) == {"open", "answered", "closed"}
    # The data set's exception report reaches the executive's agenda
    assert AgendaItem.unscoped.filter(
        meeting__group__short_name="LSCP",
        kind="exception",
        learning_item=None,
        title__startswith="Data set exception: ",
    ).exists()
    # The next executive is still to come, with its agenda and highlight report ready
    upcoming = meetings.filter(group__short_name="LSCP").order_by("-held_on").first()
    assert upcoming.agenda_items.filter(kind="recommendation").exists()
    client = Client()
    client.force_login(demo_user("group-member"))
    page = client.get(f"/p/northfield/meetings/{upcoming.pk}/highlight-report/").content.decode()
    assert "Proposals awaiting decision" in page and "Evidence that supervision" in page
