"""Voice is a standing item of the agenda of the groups the business unit chooses (the
Assurance and Review Group), its paper the summary of the last quarter before the meeting."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from assurance.improvement.meetings.tests.factories import MeetingFactory
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import GroupFactory, Tenant
from assurance.voice.summary.models import AgendaGroup

pytestmark = pytest.mark.django_db


def test_every_meeting_of_a_chosen_group_has_voice_on_its_agenda_with_the_quarters_paper(
    northfield: Tenant, amira: Person, corinne: Person, client_for
) -> None:
    p = northfield.partnership
    arg = GroupFactory(partnership=p, name="Assurance and Review Group", short_name="ARG")
    other = GroupFactory(partnership=p, name="Training subgroup", short_name="TRN")
    response = client_for(amira).post(
        reverse("voice:summary_agenda", args=[northfield.slug]), {"groups": [arg.pk]}
    )
    assert response.status_code == 302
    assert [row.group for row in AgendaGroup.unscoped.all()] == [arg]

    july = MeetingFactory(group=arg, held_on=date(2026, 7, 15))
    page = client_for(corinne).get(
        reverse("improvement:meeting_detail", args=[northfield.slug, july.pk])
    )
    html = page.content.decode()
    assert "The voice of children and families" in html
    assert "What children and families told us: Quarter 1 of 2026/27" in html
    assert reverse("voice:summary", args=[northfield.slug]) + "?period=2026-Q1" in html

    january = MeetingFactory(group=arg, held_on=date(2027, 1, 20))
    page = client_for(corinne).get(
        reverse("improvement:meeting_detail", args=[northfield.slug, january.pk])
    )
    assert "Quarter 3 of 2026/27 (October to December 2026)" in page.content.decode()

    theirs = MeetingFactory(group=other, held_on=date(2026, 7, 15))
    page = client_for(corinne).get(
        reverse("improvement:meeting_detail", args=[northfield.slug, theirs.pk])
    )
    assert "The voice of children and families" not in page.content.decode()

    # Unchosen: no longer on the agenda.
    client_for(amira).post(reverse("voice:summary_agenda", args=[northfield.slug]), {})
    assert not AgendaGroup.unscoped.exists()
    page = client_for(corinne).get(
        reverse("improvement:meeting_detail", args=[northfield.slug, july.pk])
    )
    assert "The voice of children and families" not in page.content.decode()
