"""The course's evaluation page and the API: figures worked by hand from answers given through
the personal links' service, and an analyst's recomputation of every figure from the responses
API. amira is Northfield's business unit; corinne the scrutineer; dev a viewer; tamsin
Southvale's business unit."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assurance.frameworks.models import Item
from assurance.improvement.actions.models import ActionState, MeasureKind
from assurance.improvement.actions.services import impact_assess
from assurance.improvement.actions.tests.factories import ActionFactory
from assurance.partnerships.access import actor_for_person
from assurance.training.courses.services import course_save
from assurance.training.evaluation import analysis
from assurance.training.evaluation.models import Invitation
from assurance.training.evaluation.services import (
    invitations_create,
    questionnaire_for,
    response_submit,
)
from assurance.training.tests.factories import BookingFactory, CourseFactory, SessionFactory

# Each respondent's rating (the same for every question of a stage), by stage. R3 did not
# answer three months on; R4's manager answered but R4 did not answer before.
SCORES = {
    "R1": {"before": 3, "end": 6, "three_months": 5, "manager": 5},
    "R2": {"before": 4, "end": 6, "three_months": 7, "manager": 5},
    "R3": {"before": 5, "end": 8},
    "R4": {"end": 7, "three_months": 7, "manager": 7},
}


def _answer(invitation: Invitation, score: int, when) -> None:
    session = invitation.booking.session
    framework = questionnaire_for(course=session.course, stage=invitation.stage)
    answers = {}
    for item in Item.objects.filter(section__framework=framework).select_related("scale"):
        if item.scale_id:
            answers[item.pk] = {"option": item.scale.options.get(label=str(score)).pk}
        elif item.code == "P1":
            answers[item.pk] = {"text": f"I record who lives in the household ({invitation.pk})."}
    response_submit(invitation=invitation, framework=framework, answers=answers, now=when)


@pytest.fixture
def course(northfield):
    course = CourseFactory(
        partnership=northfield.partnership, title="Neglect", outcomes=["Spot it", "Act on it"]
    )
    session = SessionFactory(partnership=northfield.partnership, course=course, days=-100)
    bookings = {
        ref: BookingFactory(
            session=session,
            agency=northfield.school,
            respondent_id=ref,
            confirmed_at=session.starts_at - timedelta(days=20),
            attended=True,
        )
        for ref in SCORES
    }
    # Booked, answered before, did not come: left out of every figure.
    absent = BookingFactory(
        session=session,
        agency=northfield.school,
        respondent_id="R9",
        confirmed_at=session.starts_at - timedelta(days=20),
        attended=False,
    )
    invitations_create(now=session.starts_at - timedelta(days=1))
    invitations_create(now=session.ends_at + timedelta(hours=1))
    moments = {
        "before": session.starts_at - timedelta(hours=2),
        "end": session.ends_at,
        "three_months": session.ends_at + timedelta(days=95),
        "manager": session.ends_at + timedelta(days=96),
    }
    for ref, stages in SCORES.items():
        for stage, score in stages.items():
            invitation = Invitation.unscoped.get(booking=bookings[ref], stage=stage)
            _answer(invitation, score, moments[stage])
    _answer(Invitation.unscoped.get(booking=absent, stage="before"), 1, moments["before"])
    return course


def test_figures_worked_by_hand(course, northfield, amira, client_for):
    page = client_for(amira).get(northfield.url(f"training/courses/{course.pk}/evaluation/"))
    body = page.content.decode()
    assert page.status_code == 200
    # before → end: R1 3→6, R2 4→6, R3 5→8: changes 3, 2, 3; mean 2.7 (4.0 → 6.7)
    assert "4.0</td>" in body and "6.7</td>" in body and "+2.7 (" in body
    # before → three months: R1 3→5, R2 4→7: changes 2, 3; mean 2.5 (3.5 → 6.0)
    assert "+2.5 (" in body and "3.5</td>" in body
    assert "Only 2 people answered both questionnaires" in body
    # the chart of the three-month change, its figures beside each row (t(1) interval)
    chart = body[body.index('id="change-chart"') :]
    chart = chart[: chart.index("</svg>")]
    assert 'aria-label="Neglect: mean change in ratings' in chart
    assert chart.count("<circle") == 4  # 2 outcomes × knowledge, confidence
    assert "Outcome 1: knowledge" in chart and "+2.5 (-3.9 to +8.9), 2 pairs" in chart
    assert "Outcome 1: Spot it (knowledge)" in body  # the tables number the outcomes alike
    # R1, R2 and R4 answered three months on and their managers too: differences 0, −2, 0
    assert "3 rated the same practitioners; 67% within one point" in body
    # response rates among the 4 who attended (R9 did not): before 3 of 4, manager 3 of 4
    assert "75% (" in body
    assert "I record who lives in the household" in body
    # no respondent id or name (as a word: a page's random CSRF token may hold the letters)
    assert not re.search(r"\bR1\b|\bSam\b", body)


def test_an_analyst_recomputes_every_figure_from_the_responses_api(course, corinne, client_for):
    client = client_for(corinne)
    figures = client.get(f"/api/v1/training/courses/{course.pk}/evaluation").json()
    ratings = client.get(f"/api/v1/training/courses/{course.pk}/responses").json()
    assert {r["respondent"] for r in ratings} == {"R1", "R2", "R3", "R4"}  # not R9
    answers = [
        analysis.Answer(
            r["respondent"],
            analysis.Stage(r["stage"]),
            f"{r['outcome_id']}:{r['measure']}",
            r["score"],
        )
        for r in ratings
    ]
    assert len(figures["outcomes"]) == 4  # 2 outcomes × knowledge, confidence
    for row in figures["outcomes"]:
        mine = analysis.evaluate_outcome(answers, f"{row['outcome_id']}:{row['measure']}")
        for given in row["comparisons"]:
            change = mine.changes[analysis.Comparison(given["comparison"])]
            for field in ("n_pairs", "mean_before", "mean_after", "mean_change"):
                assert given[field] == pytest.approx(getattr(change, field)), field
            for field in ("ci_low", "ci_high", "p_value"):
                assert given[field] == pytest.approx(getattr(change, field)), field
        assert row["manager_agreement"]["n_pairs"] == mine.agreement.n_pairs
    first = figures["outcomes"][0]["comparisons"][0]
    assert (first["n_pairs"], first["mean_change"]) == (3, pytest.approx(8 / 3))


def test_the_course_list_api_counts_responses(course, amira, tamsin, client_for):
    listed = client_for(amira).get("/api/v1/training/courses/").json()
    [mine] = [c for c in listed if c["id"] == course.pk]
    assert mine["responses"] == {"before": 3, "end": 4, "three_months": 3, "manager": 3}
    assert [o["text"] for o in mine["outcomes"]] == ["Spot it", "Act on it"]
    assert client_for(tamsin).get("/api/v1/training/courses/").json() == []
    other = client_for(tamsin).get(f"/api/v1/training/courses/{course.pk}/evaluation")
    assert other.status_code == 404


def test_a_viewer_sees_neither_the_figures_nor_the_answers(course, northfield, dev, client_for):
    client = client_for(dev)
    assert (
        client.get(northfield.url(f"training/courses/{course.pk}/evaluation/")).status_code == 403
    )
    assert client.get(f"/api/v1/training/courses/{course.pk}/responses").status_code == 403


def test_the_course_page_links_to_its_evaluation(course, northfield, amira, client_for):
    body = client_for(amira).get(northfield.url(f"training/courses/{course.pk}/")).content.decode()
    assert f"/training/courses/{course.pk}/evaluation/" in body


def test_a_course_with_no_answers_says_so(northfield, amira, client_for):
    course = CourseFactory(partnership=northfield.partnership)
    body = (
        client_for(amira)
        .get(northfield.url(f"training/courses/{course.pk}/evaluation/"))
        .content.decode()
    )
    assert "No one answered both questionnaires" in body
    assert timezone.now()  # the page was drawn at all


def test_the_annual_report_per_course_as_page_pdf_and_word(course, northfield, amira, client_for):
    from assurance.core.business_year import business_year_of

    session = course.sessions.get()
    year = business_year_of(timezone.localtime(session.starts_at).date())
    client = client_for(amira)
    page = client.get(northfield.url(f"training/report/?year={year}"))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Courses run in the year" in body and "Neglect" in body
    assert "Attendance by agency" in body
    assert "Spot it (knowledge)" in body and "+2.7 (" in body
    assert "Change three months after, in the same practitioners" in body
    assert "+2.5 (-3.9 to +8.9), 2 pairs" in body  # the change chart, its figures beside it
    assert "I record who lives in the household" in body
    assert not re.search(r"\bR1\b", body)
    pdf = client.get(northfield.url(f"training/report/pdf/?year={year}"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(northfield.url(f"training/report/docx/?year={year}"))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    import io
    import zipfile

    pictures = [n for n in zipfile.ZipFile(io.BytesIO(docx.content)).namelist() if "media/" in n]
    assert len(pictures) == 2  # the response rates and the change, as pictures
    other_year = client.get(northfield.url(f"training/report/?year={year - 1}")).content.decode()
    assert "No course was run in the year." in other_year


def _deliver(amira, course, *actions):
    return course_save(
        actor=actor_for_person(amira),
        course=course,
        title=course.title,
        summary=course.summary,
        audience=course.audience,
        level=course.level,
        outcomes=["Spot it", "Act on it"],
        actions=list(actions),
    )


def test_an_action_delivered_by_the_course_takes_its_three_month_change(
    course, northfield, amira, client_for
):
    action = ActionFactory(
        partnership=northfield.partnership,
        owner_agency=northfield.council,
        title="Train the front door in neglect",
        measure_kind=MeasureKind.TRAINING,
        state=ActionState.COMPLETE,
        completed_at=timezone.localdate(),
    )
    assert impact_assess(action=action).outcome == "not_yet"  # no course names it yet
    _deliver(amira, course, action)
    assessment = impact_assess(action=action)
    # before → three months, each person's mean rating: R1 3→5, R2 4→7; changes 2 and 3, mean
    # 2.5, s = 0.7071, se = 0.5; 2.5 ± 12.7062 × 0.5 = −3.853 to 8.853 (t(0.975, 1) = 12.7062)
    assert assessment.method == "training" and assessment.outcome == "no_clear_change"
    figures = assessment.figures
    assert figures["n_pairs"] == 2 and figures["caution"] is True
    assert figures["mean_change"] == pytest.approx(2.5)
    assert figures["ci_low"] == pytest.approx(-3.8531, abs=1e-4)
    assert figures["ci_high"] == pytest.approx(8.8531, abs=1e-4)
    assert "a mean change of +2.5 (95% interval -3.9 to +8.9" in assessment.summary
    assert "Only 2 people answered both questionnaires" in assessment.summary

    client = client_for(amira)
    page = client.get(northfield.url(f"actions/{action.pk}/")).content.decode()
    assert f'href="/p/{northfield.slug}/training/courses/{course.pk}/">Neglect</a>' in page
    assert "a mean change of +2.5" in page
    thread = client.get(northfield.url(f"actions/{action.pk}/thread/")).content.decode()
    assert "a mean change of +2.5" in thread  # the golden thread shows the measured impact


def test_an_action_is_delivered_by_one_course_at_most(course, northfield, amira):
    action = ActionFactory(partnership=northfield.partnership, owner_agency=northfield.council)
    _deliver(amira, course, action)
    other = CourseFactory(partnership=northfield.partnership, title="Neglect, advanced")
    with pytest.raises(ValidationError, match="already delivered by the course “Neglect”"):
        course_save(
            actor=actor_for_person(amira),
            course=other,
            title=other.title,
            summary=other.summary,
            audience=other.audience,
            level=other.level,
            outcomes=["Recognise neglect", "Act on it"],
            actions=[action],
        )
    assert list(other.actions.all()) == []
