"""Completing a framework: answers are checked against their item's response type, a draft may
be incomplete, submission needs everything, and two editors never overwrite each other."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assurance.frameworks import selectors, services
from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.models import Answer, Framework, Item, ScaleOption
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _item(framework: Framework, response_type: str) -> Item:
    return Item.objects.filter(section__framework=framework, response_type=response_type).first()


def _option(item: Item, label: str) -> ScaleOption:
    return ScaleOption.objects.get(scale=item.scale, label=label)


def test_yes_no_na_items_share_the_partnerships_built_in_scale(general, northfield):
    scale = services.scale_yes_no_na(partnership=northfield.partnership)
    assert scale == services.scale_yes_no_na(partnership=northfield.partnership)
    assert [(o.label, o.meets_standard, o.is_not_applicable) for o in scale.options.all()] == [
        ("Yes", True, False),
        ("No", False, False),
        ("Not applicable", False, True),
    ]
    assert _item(general, "yes_no_na").scale == scale
    graded = Item.objects.filter(
        section__framework=general, response_type__in=["scale", "yes_no_na"]
    )
    assert not graded.filter(scale__isnull=True).exists()


def test_starting_an_assessment_freezes_the_framework(general, northfield, southvale):
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    general.refresh_from_db()
    assert general.is_frozen and assessment.revision == 0
    with pytest.raises(ValidationError):
        services.assessment_start(framework=general, partnership=southvale.partnership)


def test_a_draft_saves_each_response_type_and_records_history(general, northfield, amira):
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    scale_item, yes_no = _item(general, "scale"), _item(general, "yes_no_na")
    number, day, text = _item(general, "number"), _item(general, "date"), _item(general, "text")
    saved = services.assessment_save_answers(
        assessment=assessment,
        answers={
            scale_item.pk: {"option": _option(scale_item, "Met").pk, "evidence": "Seen weekly."},
            yes_no.pk: {"option": str(_option(yes_no, "No").pk)},
            number.pk: {"number": "3"},
            day.pk: {"date": "2026-05-04"},
            text.pk: {"text": "  A clear plan.  "},
        },
        expected_revision=0,
        user=amira.user,
    )
    assert saved.revision == 1
    answers = {a.item_id: a for a in Answer.objects.filter(assessment=assessment)}
    assert answers[scale_item.pk].option.label == "Met"
    assert answers[scale_item.pk].evidence == "Seen weekly."
    assert answers[number.pk].number == Decimal("3")
    assert answers[day.pk].date == date(2026, 5, 4)
    assert answers[text.pk].text == "A clear plan."
    assert answers[scale_item.pk].history.first().history_user == amira.user
    # Saving the same answers again changes nothing but the revision: no new history.
    before = Answer.history.count()
    services.assessment_save_answers(
        assessment=assessment,
        answers={number.pk: {"number": "3"}},
        expected_revision=1,
        user=amira.user,
    )
    assert Answer.history.count() == before


@pytest.mark.parametrize(
    ("response_type", "raw", "message"),
    [
        ("scale", {"option": "not-a-number"}, "choose one of the options given"),
        ("number", {"number": "three"}, "enter a number"),
        ("number", {"number": "NaN"}, "enter a number"),
        ("date", {"date": "31/02/2026"}, "enter a date"),
    ],
)
def test_an_answer_that_does_not_fit_its_item_is_refused(
    general, northfield, amira, response_type, raw, message
):
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    item = _item(general, response_type)
    with pytest.raises(ValidationError, match=message):
        services.assessment_save_answers(
            assessment=assessment, answers={item.pk: raw}, expected_revision=0, user=amira.user
        )
    assessment.refresh_from_db()
    assert assessment.revision == 0 and not Answer.objects.exists()


def test_an_option_from_another_scale_is_refused(general, northfield, amira):
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    scale_item, yes_no = _item(general, "scale"), _item(general, "yes_no_na")
    with pytest.raises(ValidationError, match=f"{scale_item.code}: choose one"):
        services.assessment_save_answers(
            assessment=assessment,
            answers={scale_item.pk: {"option": _option(yes_no, "Yes").pk}},
            expected_revision=0,
            user=amira.user,
        )


def test_an_item_from_another_framework_is_refused(general, northfield, amira):
    other = import_file(
        name="neglect.yaml",
        content=(EXAMPLES / "neglect.yaml").read_bytes(),
        partnership=northfield.partnership,
    )
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    with pytest.raises(ValidationError, match="not in this framework"):
        services.assessment_save_answers(
            assessment=assessment,
            answers={_item(other, "text").pk: {"text": "x"}},
            expected_revision=0,
            user=amira.user,
        )


def test_a_stale_revision_is_a_conflict_and_writes_nothing(general, northfield, amira, priya):
    """Amira and Priya open the same return at revision 0; Amira saves first. Priya's save
    must not overwrite Amira's answer."""
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    item = _item(general, "scale")
    services.assessment_save_answers(
        assessment=assessment,
        answers={item.pk: {"option": _option(item, "Met").pk, "evidence": "Amira's"}},
        expected_revision=0,
        user=amira.user,
    )
    with pytest.raises(services.ConflictError):
        services.assessment_save_answers(
            assessment=assessment,
            answers={item.pk: {"option": _option(item, "Not met").pk, "evidence": "Priya's"}},
            expected_revision=0,
            user=priya.user,
        )
    answer = Answer.objects.get(assessment=assessment, item=item)
    assert (answer.option.label, answer.evidence) == ("Met", "Amira's")
    assessment.refresh_from_db()
    assert assessment.revision == 1


def test_missing_lists_unanswered_items_and_evidence_except_not_applicable(
    general, northfield, amira
):
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    items = list(
        Item.objects.filter(section__framework=general).order_by("section__order", "order")
    )
    assert len(services.assessment_missing(assessment=assessment)) == len(items)
    answers = {}
    for item in items:
        if item.response_type in {"scale", "yes_no_na"}:
            answers[item.pk] = {
                "option": ScaleOption.objects.filter(scale=item.scale).first().pk,
                "evidence": "Seen on file.",
            }
        elif item.response_type == "number":
            answers[item.pk] = {"number": 2, "evidence": "Counted."}
        elif item.response_type == "date":
            answers[item.pk] = {"date": date(2026, 1, 5), "evidence": "On file."}
        else:
            answers[item.pk] = {"text": "Something", "evidence": "On file."}
    first = next(i for i in items if i.response_type == "scale" and i.evidence_required)
    answers[first.pk] = {"option": _option(first, "Partially met").pk, "evidence": ""}
    services.assessment_save_answers(
        assessment=assessment, answers=answers, expected_revision=0, user=amira.user
    )
    assert services.assessment_missing(assessment=assessment) == [
        f"{first.code}: give the evidence for your response."
    ]
    answers[first.pk] = {"option": _option(first, "Not applicable").pk, "evidence": ""}
    services.assessment_save_answers(
        assessment=assessment, answers=answers, expected_revision=1, user=amira.user
    )
    assert services.assessment_missing(assessment=assessment) == []


def test_a_frozen_version_cannot_gain_sections_or_items(general, northfield, amira):
    actor = actor_for_person(amira)
    section = services.section_create(
        actor=actor, framework=general, code="KLOE 7", title="Extra line of enquiry"
    )
    assert section.order == 7
    services.assessment_start(framework=general, partnership=northfield.partnership)
    stale = Framework.unscoped.get(pk=general.pk)
    stale.is_frozen = False  # an instance loaded before the freeze
    with pytest.raises(services.FrozenError, match="Make a new version"):
        services.section_create(actor=actor, framework=stale, code="KLOE 8", title="Another")


def test_framework_create_makes_an_empty_first_version(northfield, amira):
    framework = services.framework_create(
        actor=actor_for_person(amira), name="Early help audit tool", theme="early help"
    )
    assert (framework.version, framework.is_frozen, framework.sections.count()) == (1, False, 0)


def test_only_the_business_unit_manages_frameworks(general, priya):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.framework_new_version(actor=actor_for_person(priya), framework=general)


def test_the_tree_takes_a_constant_number_of_queries(general, northfield):
    with CaptureQueriesContext(connection) as small:
        sections = selectors.framework_tree(framework=general)
        [o.label for s in sections for i in s.items.all() if i.scale for o in i.scale.options.all()]
    bigger = import_file(
        name="exploitation.yaml",
        content=(EXAMPLES / "exploitation.yaml").read_bytes(),
        partnership=northfield.partnership,
    )
    with CaptureQueriesContext(connection) as large:
        sections = selectors.framework_tree(framework=bigger)
        [o.label for s in sections for i in s.items.all() if i.scale for o in i.scale.options.all()]
    assert len(small) == len(large) <= 4


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_one_wins_one_conflicts(northfield, amira, priya):
    """Real concurrency: both editors opened revision 0 and press Save together. The
    conditional UPDATE lets exactly one through; the other gets ConflictError."""
    import threading

    from django.db import connections

    general = import_file(
        name="general.yaml",
        content=(EXAMPLES / "general.yaml").read_bytes(),
        partnership=northfield.partnership,
    )
    assessment = services.assessment_start(framework=general, partnership=northfield.partnership)
    item = _item(general, "text")
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(who, words) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            services.assessment_save_answers(
                assessment=assessment,
                answers={item.pk: {"text": words}},
                expected_revision=0,
                user=who.user,
            )
            outcomes.append("saved")
        except services.ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(amira, "Amira's words")),
        threading.Thread(target=save, args=(priya, "Priya's words")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    assessment.refresh_from_db()
    assert assessment.revision == 1
    assert Answer.objects.get(assessment=assessment, item=item).text in {
        "Amira's words",
        "Priya's words",
    }
