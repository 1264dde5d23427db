"""The summary of what children and families told us, for a quarter or a year: counts by
source, age band and theme, the quotes chosen, the “you said, we did” answers; page, PDF and
Word; and the API's yearly figures, the same as the page's. Never a possible disclosure."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from assurance.core.documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, Report
from assurance.improvement.actions.models import ImpactOutcome
from assurance.improvement.actions.tests.factories import ActionFactory, ImpactAssessmentFactory
from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.voice.feedback.models import AgeBand, FeedbackSource
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.summary.periods import quarter_of
from assurance.voice.themes.models import QuotePart
from assurance.voice.themes.tests.factories import ChosenQuoteFactory, FeedbackThemeFactory
from assurance.voice.you_said_we_did.tests.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_feedback(northfield: Tenant) -> dict:
    """Feedback of 2025/26 in two quarters, one piece before it, and a possible disclosure."""
    p = northfield.partnership
    hearing = LearningThemeFactory(partnership=p, title="Hearing the child")
    LearningThemeFactory(partnership=p, title="Sharing information")
    q1 = [
        FeedbackFactory(partnership=p, received_on=date(2025, 5, 1), age_band=AgeBand.AGE_8_12),
        FeedbackFactory(partnership=p, received_on=date(2025, 6, 30), good="She listened"),
        FeedbackFactory(
            partnership=p,
            received_on=date(2025, 6, 1),
            source=FeedbackSource.EVENT,
            link=None,
            age_band=AgeBand.PARENT_CARER,
        ),
    ]
    FeedbackFactory(partnership=p, received_on=date(2026, 1, 10))  # quarter 4
    FeedbackFactory(partnership=p, received_on=date(2025, 3, 31))  # 2024/25
    flagged = FeedbackFactory(
        partnership=p, received_on=date(2025, 5, 2), flagged=True, good="Frightening words"
    )
    FeedbackThemeFactory(partnership=p, feedback=q1[0], theme=hearing)
    FeedbackThemeFactory(partnership=p, feedback=q1[1], theme=hearing)
    FeedbackThemeFactory(partnership=p, feedback=flagged, theme=hearing)
    ChosenQuoteFactory(partnership=p, feedback=q1[1], part=QuotePart.GOOD)
    ChosenQuoteFactory(partnership=p, feedback=flagged, part=QuotePart.GOOD)
    return {"hearing": hearing}


def test_the_quarters_figures_leave_out_a_possible_disclosure(
    northfield: Tenant, amira: Person, year_of_feedback: dict, client_for
) -> None:
    url = reverse("voice:summary", args=[northfield.slug]) + "?period=2025-Q1"
    response = client_for(amira).get(url)
    report: Report = response.context["report"]
    tables = {b.table.caption: b.table.rows for b in report.blocks if b.table}
    assert tables["Feedback by how it came"] == [
        ["Online form", "2"],
        ["Participation event", "1"],
        ["Gathered by an agency", "0"],
    ]
    ages = dict(map(tuple, tables["Feedback by age"]))
    assert (ages["8 to 12"], ages["13 to 15"], ages["Parents and carers"]) == ("1", "1", "1")
    assert tables["Feedback by theme"] == [["Hearing the child", "2"], ["Sharing information", "0"]]
    html = response.content.decode()
    assert "3 pieces of feedback" in html and "Not yet tagged: 1" in html
    assert "“She listened” (aged 13 to 15, online form, 30 June 2025)" in html
    assert "Frightening words" not in html
    assert "Quarter 1 of 2025/26 (April to June 2025)" in html
    assert "No “you said, we did” answer was given in this period." in html


def test_the_periods_answers_with_their_actions_impact(
    northfield: Tenant, amira: Person, client_for
) -> None:
    p = northfield.partnership
    action = ActionFactory(partnership=p, title="Write to the child after every meeting")
    ImpactAssessmentFactory(action=action, outcome=ImpactOutcome.ACHIEVED, summary="9 in 10")
    YouSaidWeDidFactory(
        partnership=p, action=action, answered_on=date(2025, 5, 2), we_did="Letters now"
    )
    YouSaidWeDidFactory(partnership=p, answered_on=date(2025, 7, 1), we_did="Next quarter")
    url = reverse("voice:summary", args=[northfield.slug]) + "?period=2025-Q1"
    html = client_for(amira).get(url).content.decode()
    assert "We did: Letters now" in html and "Next quarter" not in html
    assert "Action: Write to the child after every meeting" in html
    assert "Measured impact: Achieved. 9 in 10" in html


def test_the_summary_downloads_as_pdf_and_word(
    northfield: Tenant, amira: Person, year_of_feedback: dict, client_for
) -> None:
    client = client_for(amira)
    for name, content_type in (
        ("voice:summary_pdf", PDF_CONTENT_TYPE),
        ("voice:summary_docx", DOCX_CONTENT_TYPE),
    ):
        response = client.get(reverse(name, args=[northfield.slug]) + "?period=2025-Q1")
        assert response["Content-Type"] == content_type
        assert 'filename="voice-summary-2025-Q1.' in response["Content-Disposition"]
        assert len(response.content) > 1000


def test_the_apis_figures_are_the_pages(
    northfield: Tenant, amira: Person, year_of_feedback: dict, client_for
) -> None:
    client = client_for(amira)
    page = client.get(reverse("voice:summary", args=[northfield.slug]) + "?period=2025")
    tables = {b.table.caption: b.table.rows for b in page.context["report"].blocks if b.table}
    response = client.get(reverse("api:voice_feedback_summary") + "?year=2025")
    assert response.status_code == 200
    [summary] = response.json()
    assert summary["partnership"] == northfield.slug and summary["year_label"] == "2025/26"
    for key, caption in (
        ("by_source", "Feedback by how it came"),
        ("by_age_band", "Feedback by age"),
        ("by_theme", "Feedback by theme"),
    ):
        assert [[row["name"], str(row["count"])] for row in summary[key]] == tables[caption]
    assert summary["total"] == 4  # three in quarter 1, one in quarter 4; never the disclosure
    assert f"{summary['total']} pieces of feedback" in page.content.decode()
    assert summary["untagged"] == 2


def test_the_api_names_a_bad_year(amira: Person, client_for) -> None:
    response = client_for(amira).get(reverse("api:voice_feedback_summary") + "?year=twenty")
    assert response.status_code == 400
    assert response.json()["year"].startswith("Give a business year from 2000 to")


def test_the_page_opens_on_this_quarter(northfield: Tenant, amira: Person, client_for) -> None:
    response = client_for(amira).get(reverse("voice:summary", args=[northfield.slug]))
    assert quarter_of(timezone.localdate()).label in response.content.decode()
