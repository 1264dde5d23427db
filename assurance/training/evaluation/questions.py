"""The questions of each stage's questionnaire, generated from a course's learning outcomes.
Pure: a framework plan for the assessment engine (``frameworks.interchange.format.Plan``),
written by ``services.questionnaire_for``.

Every stage has a section per learning outcome (code ``O<outcome id>``, so answers pair up
across versions of the questionnaire by outcome) with two ratings from 1 to 10: knowledge
(``K``) and confidence (``C``). The practitioner rates themselves; the line manager rates what
they see in the practitioner's practice. The end of the course adds the practitioner's reaction;
three months on adds what changed in practice (and the manager says what they have seen).
"""

from __future__ import annotations

from collections.abc import Sequence

from assurance.frameworks.interchange.format import Plan
from assurance.frameworks.models import FrameworkKind, ResponseType

SCALE = "Rating from 1 to 10"
SCALE_OPTIONS = [
    # "Meets the standard" is the engine's word for a graded answer counted in findings: a
    # rating of 7 or more (good knowledge or confidence) is counted so.
    {"label": str(n), "meets_standard": n >= 7, "is_not_applicable": False}
    for n in range(1, 11)
]
KNOWLEDGE, CONFIDENCE = "K", "C"
MEASURES = {KNOWLEDGE: "knowledge", CONFIDENCE: "confidence"}
RATING_GUIDANCE = "1 means not at all, 10 means fully."
NO_NAMES = "Do not name a child, a family or a colleague."

STAGE_NAMES = {
    "before": "before the course",
    "end": "at the end of the course",
    "three_months": "three months after",
    "manager": "line manager's view, three months after",
}
PRACTITIONER_QUESTIONS = {
    KNOWLEDGE: "How would you rate your knowledge of this?",
    CONFIDENCE: "How confident are you in putting this into practice?",
}
MANAGER_QUESTIONS = {
    KNOWLEDGE: "How well does their practice show that they know this?",
    CONFIDENCE: "How confidently do they put this into practice?",
}


def outcome_code(outcome_pk: int) -> str:
    return f"O{outcome_pk}"


def outcome_of(section_code: str) -> int | None:
    """The learning outcome a section is about (None: not an outcome's section)."""
    if section_code.startswith("O") and section_code[1:].isdigit():
        return int(section_code[1:])
    return None


def _item(code: str, text: str, response: str, guidance: str = "") -> dict[str, object]:
    return {
        "code": code,
        "text": text,
        "guidance": guidance,
        "response_type": response,
        "scale": SCALE if response == ResponseType.SCALE else None,
        "evidence_required": False,
    }


def questionnaire_plan(
    *, course_title: str, stage: str, outcomes: Sequence[tuple[int, str]]
) -> Plan:
    """The questionnaire of ``stage`` for a course whose outcomes are (id, words)."""
    if stage not in STAGE_NAMES:
        raise ValueError(f"Unknown stage {stage!r}.")
    if not outcomes:
        raise ValueError("A course needs a learning outcome to be evaluated.")
    questions = MANAGER_QUESTIONS if stage == "manager" else PRACTITIONER_QUESTIONS
    sections: list[dict[str, object]] = [
        {
            "code": outcome_code(pk),
            "title": text,
            "guidance": "",
            "items": [
                _item(code, question, ResponseType.SCALE, RATING_GUIDANCE)
                for code, question in questions.items()
            ],
        }
        for pk, text in outcomes
    ]
    if stage == "end":
        sections.append(
            {
                "code": "REACTION",
                "title": "The course",
                "guidance": "",
                "items": [
                    _item(
                        "R1",
                        "Overall, how useful was the course for your work?",
                        ResponseType.SCALE,
                        RATING_GUIDANCE,
                    ),
                    _item("R2", "What will you do differently because of it?", "text", NO_NAMES),
                    _item("R3", "What would have made the course better?", "text", NO_NAMES),
                ],
            }
        )
    elif stage == "three_months":
        sections.append(
            {
                "code": "PRACTICE",
                "title": "Your practice",
                "guidance": "",
                "items": [
                    _item(
                        "P1",
                        "What has changed in your practice since the course?",
                        "text",
                        NO_NAMES,
                    )
                ],
            }
        )
    elif stage == "manager":
        sections.append(
            {
                "code": "PRACTICE",
                "title": "Their practice",
                "guidance": "",
                "items": [
                    _item(
                        "P1",
                        "What change have you seen in their practice since the course?",
                        "text",
                        NO_NAMES,
                    )
                ],
            }
        )
    title = course_title if len(course_title) <= 150 else course_title[:149].rstrip() + "…"
    return Plan(
        name=f"{title}: {STAGE_NAMES[stage]}",
        kind=FrameworkKind.TRAINING_EVALUATION,
        theme="",
        description=f"The training evaluation questionnaire {STAGE_NAMES[stage]}, made from "
        "the course's learning outcomes.",
        scales=[(SCALE, SCALE_OPTIONS)],
        sections=sections,
    )


def same_questions(plan: Plan, sections: Sequence[tuple[str, str]]) -> bool:
    """Whether a stored questionnaire (its sections' codes and titles) asks what ``plan``
    asks: the same outcomes, in the same words and order."""
    return [(str(s["code"]), str(s["title"])) for s in plan.sections] == list(sections)
