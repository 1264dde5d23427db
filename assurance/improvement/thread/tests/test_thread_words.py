"""How the golden thread words a decision: the outcome, the reasons, and whether the meeting was
quorate, claiming nothing the record does not show."""

from types import SimpleNamespace

import pytest

from assurance.improvement.thread.selectors import _decision_link


@pytest.mark.parametrize(
    ("quorate", "ending"),
    [
        (True, "Reasons given: Costed. The meeting was quorate."),
        (False, "Reasons given: Costed. Taken while the meeting was inquorate."),
        (None, "Reasons given: Costed."),
    ],
)
def test_a_decision_on_the_thread_says_whether_the_meeting_was_quorate(quorate, ending):
    decision = SimpleNamespace(
        pk=1,
        meeting=None,
        get_outcome_display=lambda: "Accept",
        reasons="Costed",
        quorate=quorate,
        created_at=None,
    )
    link = _decision_link(decision, "northfield")
    assert link.detail == f"Accept. {ending}"
    assert link.title == "Decision"
