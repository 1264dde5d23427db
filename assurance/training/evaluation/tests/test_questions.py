"""The questions of each stage, generated from a course's learning outcomes (pure)."""

from __future__ import annotations

import pytest

from assurance.frameworks.models import FrameworkKind
from assurance.training.evaluation import questions

OUTCOMES = [(12, "Recognise neglect"), (13, "Use the Graded Care Profile 2")]


def codes(plan):
    return [(s["code"], [i["code"] for i in s["items"]]) for s in plan.sections]


@pytest.mark.parametrize(
    ("stage", "extra"),
    [
        ("before", []),
        ("end", [("REACTION", ["R1", "R2", "R3"])]),
        ("three_months", [("PRACTICE", ["P1"])]),
        ("manager", [("PRACTICE", ["P1"])]),
    ],
)
def test_every_stage_rates_knowledge_and_confidence_per_outcome(stage, extra):
    plan = questions.questionnaire_plan(course_title="Neglect", stage=stage, outcomes=OUTCOMES)
    assert plan.kind == FrameworkKind.TRAINING_EVALUATION
    assert codes(plan) == [("O12", ["K", "C"]), ("O13", ["K", "C"]), *extra]
    assert [s["title"] for s in plan.sections[:2]] == [t for _pk, t in OUTCOMES]
    assert plan.scales == [(questions.SCALE, questions.SCALE_OPTIONS)]
    assert [o["label"] for o in questions.SCALE_OPTIONS] == [str(n) for n in range(1, 11)]


def test_the_manager_rates_what_they_see_in_practice():
    plan = questions.questionnaire_plan(course_title="Neglect", stage="manager", outcomes=OUTCOMES)
    assert "their practice" in plan.sections[0]["items"][0]["text"]
    assert plan.name == "Neglect: line manager's view, three months after"


def test_a_long_title_is_shortened_to_fit_the_framework_name():
    plan = questions.questionnaire_plan(course_title="x" * 200, stage="before", outcomes=OUTCOMES)
    assert len(plan.name) <= 200


def test_no_outcome_no_questionnaire():
    with pytest.raises(ValueError, match="learning outcome"):
        questions.questionnaire_plan(course_title="Neglect", stage="before", outcomes=[])


def test_outcome_of_reads_back_the_section_code():
    assert questions.outcome_of(questions.outcome_code(12)) == 12
    assert questions.outcome_of("REACTION") is None
    assert questions.outcome_of("O") is None


def test_same_questions_compares_outcomes_words_and_order():
    plan = questions.questionnaire_plan(course_title="N", stage="before", outcomes=OUTCOMES)
    assert questions.same_questions(plan, [("O12", "Recognise neglect"), ("O13", OUTCOMES[1][1])])
    assert not questions.same_questions(
        plan, [("O13", OUTCOMES[1][1]), ("O12", "Recognise neglect")]
    )
    assert not questions.same_questions(plan, [("O12", "Recognise neglect")])
