"""Test data for challenges: a school's Section 175/157 return filled in by its lead and signed
off by its head through the return's services, so it is submitted as a real one is."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from assurance.frameworks.models import Item, ScaleOption
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.selfassessment.returns import services as return_services
from assurance.selfassessment.returns.models import SelfAssessmentReturn
from assurance.selfassessment.returns.tests.factories import sections_of
from assurance.selfassessment.rounds.models import Participant


def fill_in(participant: Participant, lead: Person, rating: str = "Fully met") -> None:
    actor = actor_for_person(lead)
    for section in sections_of(participant.round.framework):
        answers: dict[int, dict[str, Any]] = {}
        for item in section.items.order_by("order"):
            option = item.scale.options.get(label=rating)
            answers[item.pk] = {"option": option, "evidence": f"Our evidence for {item.code}."}
        found = SelfAssessmentReturn.unscoped.filter(participant=participant).first()
        revision = found.assessment.revision if found is not None else 0
        return_services.return_section_save(
            actor=actor, participant=participant, answers=answers, expected_revision=revision
        )


def submit(participant: Participant, lead: Person, head: Person, rating: str = "Fully met") -> None:
    fill_in(participant, lead, rating)
    sa_return = SelfAssessmentReturn.unscoped.get(participant=participant)
    return_services.return_submit(
        actor=actor_for_person(head),
        participant=participant,
        expected_revision=sa_return.assessment.revision,
    )
    participant.refresh_from_db()


def standard(participant: Participant, code: str) -> Item:
    return Item.objects.get(section__framework=participant.round.framework, code=code)


def challenge_url(participant: Participant, tail: str = "") -> str:
    return f"/p/northfield/self-assessment/returns/{participant.pk}/challenge/{tail}"


def panel_post(participant: Participant, **ratings: tuple[str, str]) -> dict[str, Any]:
    """The panel's form: every standard agreed, but ``code=(label, reason)``."""
    data: dict[str, Any] = {
        "outcome": "amended" if ratings else "confirmed",
        "summary": "A thorough return; one standard is only partly met.",
        "met_on": timezone.localdate().isoformat(),
    }
    for item in standard(participant, "1.1").section.framework.sections.all():
        for it in item.items.all():
            data[f"rating_{it.pk}"] = ""
            data[f"reason_{it.pk}"] = ""
    for code, (label, reason) in ratings.items():
        item = standard(participant, code.replace("_", "."))
        option = ScaleOption.objects.get(scale=item.scale, label=label)
        data[f"rating_{item.pk}"] = option.pk
        data[f"reason_{item.pk}"] = reason
    return data


REASON = "No record of the check this year was shown to the panel."
