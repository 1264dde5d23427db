"""Each stage's questionnaire is a framework of the assessment engine, made from the course's
learning outcomes and kept in step with them: a version with answers never changes."""

from __future__ import annotations

from assurance.frameworks.assessments import framework_freeze
from assurance.frameworks.models import FrameworkKind, Item, Section
from assurance.training.courses.models import LearningOutcome
from assurance.training.evaluation.models import Questionnaire
from assurance.training.evaluation.services import questionnaire_for
from assurance.training.tests.factories import CourseFactory


def test_a_questionnaire_is_made_once_from_the_outcomes(northfield):
    course = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it", "Act on it"])
    framework = questionnaire_for(course=course, stage="end")
    assert framework.kind == FrameworkKind.TRAINING_EVALUATION
    assert framework.partnership == northfield.partnership
    outcomes = list(LearningOutcome.unscoped.filter(course=course).order_by("order"))
    assert list(
        Section.objects.filter(framework=framework).order_by("order").values_list("code", "title")
    ) == [(f"O{o.pk}", o.text) for o in outcomes] + [("REACTION", "The course")]
    assert Item.objects.filter(section__framework=framework, response_type="scale").count() == 5
    assert questionnaire_for(course=course, stage="end") == framework
    assert Questionnaire.unscoped.filter(course=course).count() == 1


def test_changed_outcomes_make_a_new_version_and_keep_the_answered_one(northfield):
    course = CourseFactory(partnership=northfield.partnership, outcomes=["Spot it"])
    first = framework_freeze(framework=questionnaire_for(course=course, stage="before"))
    LearningOutcome.unscoped.create(
        partnership=northfield.partnership, course=course, text="Act on it", order=2
    )
    second = questionnaire_for(course=course, stage="before")
    assert second.pk != first.pk
    assert (second.family, second.version, second.based_on) == (first.family, 2, first)
    assert Section.objects.filter(framework=first).count() == 1
    assert Section.objects.filter(framework=second).count() == 2
    assert Questionnaire.unscoped.get(course=course, stage="before").framework == second
