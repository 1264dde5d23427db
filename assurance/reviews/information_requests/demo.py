"""The demo's answers to an information request: a chronology summary, the involvement and the
early learning an agency might give (no names; the incident's reference only)."""

from __future__ import annotations

from typing import Any

from assurance.frameworks.models import Item, ResponseType
from assurance.reviews.information_requests.models import InformationRequest

TEXTS = {
    "1.1": "Police were called to the relative's home twice in the last year about a dog "
    "and an argument; no child was recorded as present.",
    "2.2": "No open involvement at the time: the calls were closed with advice.",
    "2.3": "Neither call was shared with children's social care.",
    "3.1": "Officers attended quickly both times.",
    "3.2": "Officers did not ask whether children visited the home.",
    "3.3": "A briefing to response officers on asking about children at every domestic call.",
}


def demo_answers(request: InformationRequest, *, complete: bool) -> dict[int, dict[str, Any]]:
    """Every answer (``complete``), or the chronology summary only (a draft)."""
    answers: dict[int, dict[str, Any]] = {}
    items = Item.objects.filter(section__framework=request.assessment.framework).select_related(
        "scale"
    )
    for item in items:
        if not complete and item.code != "1.1":
            continue
        if item.response_type == ResponseType.DATE:
            answers[item.pk] = {"date": request.requested_on.replace(day=1)}
        elif item.is_graded and item.scale is not None:
            answers[item.pk] = {"option": item.scale.options.get(label="Yes").pk}
        else:
            answers[item.pk] = {"text": TEXTS.get(item.code, "Nothing further.")}
    return answers
