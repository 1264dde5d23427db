"""The course that delivers an action is named from the action's own form, not only from the
course's (ADR 038's registry: the action log does not import training).

amira (business unit) edits Northfield's action "Train every agency on neglect": she picks the
neglect course from the partnership's courses, later moves it to the refresher, then takes it
away; each course's history says who added or removed the action. Another partnership's course
is not offered, and a forged choice is refused with nothing changed."""

from __future__ import annotations

from assurance.improvement.actions.models import Action, MeasureKind
from assurance.improvement.actions.tests.factories import ActionFactory
from assurance.partnerships.tests.factories import PartnershipFactory
from assurance.training.courses.models import Course
from assurance.training.tests.factories import CourseFactory


def _form(action: Action, delivered_by: str) -> dict[str, str]:
    return {
        "title": action.title,
        "owner_agency": str(action.owner_agency_id),
        "owner": "",
        "start_date": "",
        "due_date": action.due_date.isoformat(),
        "delivery_type": "training",
        "measure_kind": MeasureKind.TRAINING,
        "measure": "The change in the practitioners trained",
        "delivered_by": delivered_by,
    }


def _deliverer(action: Action) -> list[str]:
    return list(Course.unscoped.filter(actions=action).values_list("title", flat=True))


def test_the_delivering_course_is_named_moved_and_removed_from_the_action_s_form(
    northfield, amira, client_for
):
    action = ActionFactory(
        partnership=northfield.partnership,
        owner_agency=northfield.council,
        title="Train every agency on neglect",
    )
    neglect = CourseFactory(partnership=northfield.partnership, title="Recognising neglect")
    refresher = CourseFactory(partnership=northfield.partnership, title="Neglect refresher")
    elsewhere = CourseFactory(partnership=PartnershipFactory(), title="Somewhere else's course")
    client = client_for(amira)
    url = northfield.url(f"actions/{action.pk}/edit/")

    form = client.get(url).content.decode()
    assert "The training course that delivers it" in form
    assert "Recognising neglect" in form and "Neglect refresher" in form
    assert "Somewhere else" not in form

    assert client.post(url, _form(action, str(neglect.pk))).status_code == 302
    assert _deliverer(action) == ["Recognising neglect"]
    page = client.get(northfield.url(f"actions/{action.pk}/")).content.decode()
    assert "Recognising neglect" in page
    assert f'value="{neglect.pk}" selected' in client.get(url).content.decode()

    assert client.post(url, _form(action, str(refresher.pk))).status_code == 302
    assert _deliverer(action) == ["Neglect refresher"]  # one course at most: moved

    refused = client.post(url, _form(action, str(elsewhere.pk)))
    assert refused.status_code == 200 and "Select a valid choice" in refused.content.decode()
    assert _deliverer(action) == ["Neglect refresher"]  # nothing changed

    assert client.post(url, _form(action, "")).status_code == 302
    assert _deliverer(action) == []

    # each course's history keeps the action added and taken away, and who did it
    for course, reasons in (
        (
            neglect,
            [
                "Delivers “Train every agency on neglect”",
                "No longer delivers “Train every agency on neglect”",
            ],
        ),
        (
            refresher,
            [
                "Delivers “Train every agency on neglect”",
                "No longer delivers “Train every agency on neglect”",
            ],
        ),
    ):
        history = list(course.history.order_by("history_id"))
        found = [h.history_change_reason for h in history if h.history_change_reason]
        assert found == reasons, course.title
        assert all(h.history_user == amira.user for h in history if h.history_change_reason)
    added = neglect.history.filter(history_change_reason__startswith="Delivers").get()
    assert [a.action_id for a in added.actions.all()] == [action.pk]


def test_leaving_the_course_as_it_was_changes_no_course(northfield, amira, client_for):
    action = ActionFactory(partnership=northfield.partnership, owner_agency=northfield.council)
    course = CourseFactory(partnership=northfield.partnership)
    course.actions.add(action)
    before = course.history.count()
    url = northfield.url(f"actions/{action.pk}/edit/")
    assert client_for(amira).post(url, _form(action, str(course.pk))).status_code == 302
    assert _deliverer(action) == [course.title] and course.history.count() == before
