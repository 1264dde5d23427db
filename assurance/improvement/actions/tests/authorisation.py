"""The authorisation matrix rows of the action log, action plans, evidence, impact, the golden
thread and the actions API (an action from the closed neglect audit, owned by the council)."""

from assurance.core.tests.matrix import (
    ALLOW,
    BU,
    NOT_ALLOWED,
    PRACTITIONERS,
    UNAUTHENTICATED,
    Expected,
    expect,
)
from assurance.improvement.actions.demo import PLAN_TITLE, closed_thread_action
from assurance.improvement.actions.models import Action, ActionEvidence
from assurance.improvement.learning.models import Recommendation
from assurance.partnerships.models import Partnership


def _closed_action() -> int:
    action = closed_thread_action(Partnership.unscoped.get(slug="northfield"))
    assert action is not None
    return action.pk


def _evidence() -> int:
    evidence = ActionEvidence.unscoped.filter(action_id=_closed_action()).order_by("pk").first()
    assert evidence is not None
    return evidence.pk


LOOKUPS = {
    "action": lambda: (
        Action.unscoped.filter(
            partnership__slug="northfield",
            recommendation__audit__title="Neglect deep dive",
            owner_agency__statutory_role="local_authority",
        )
        .order_by("pk")
        .first()
        .pk
    ),
    # The demo's accepted recommendation with actions in every status, and its closed thread
    "plan": lambda: (
        Recommendation.unscoped.get(partnership__slug="northfield", title=PLAN_TITLE).pk
    ),
    "closed_action": _closed_action,
    "evidence": _evidence,
}


def _post_only(roles: frozenset[str], **kwargs: dict[str, str]) -> Expected:
    """A URL that answers POST only: the roles allowed get 405 on GET, the others 403."""
    expected = expect(**kwargs)  # type: ignore[arg-type]
    for role in roles:
        expected.outcomes[role] = NOT_ALLOWED
    return expected


# The council's action ("action", from the neglect audit): the business unit and the council's
# lead may update it; other agencies' leads cannot see it to update it (404); everyone else may
# not update actions (403).
COUNCIL_LEAD = frozenset({"la-lead"})
OTHER_LEADS = frozenset({"police-lead", "health-lead"})
ACTION = {"pk": "action"}
CLOSED = {"pk": "closed_action"}
UPDATERS = {"allow": BU | COUNCIL_LEAD, "hidden": OTHER_LEADS, "kwargs": ACTION}

EXPECTED = {
    "improvement:action_list": expect(allow=PRACTITIONERS),
    "improvement:action_detail": expect(allow=PRACTITIONERS, kwargs={"pk": "action"}),
    "improvement:action_history": expect(allow=PRACTITIONERS, kwargs={"pk": "action"}),
    "improvement:plan_list": expect(allow=PRACTITIONERS),
    "improvement:plan_detail": expect(allow=PRACTITIONERS, kwargs={"pk": "plan"}),
    "improvement:action_add": expect(allow=BU, kwargs={"pk": "plan"}),
    "improvement:action_edit": expect(**UPDATERS),  # type: ignore[arg-type]
    "improvement:action_progress": expect(**UPDATERS),  # type: ignore[arg-type]
    "improvement:evidence_add": expect(**UPDATERS),  # type: ignore[arg-type]
    "improvement:action_complete": expect(**UPDATERS),  # type: ignore[arg-type]
    # The demo's evidence is a link to a record on the platform: opening it redirects there.
    "improvement:evidence_download": expect(
        redirect=PRACTITIONERS, kwargs={"pk": "closed_action", "evidence_pk": "evidence"}
    ),
    "improvement:impact_judgement": expect(allow=BU, kwargs=CLOSED),
    "improvement:impact_measure": _post_only(BU, kwargs=CLOSED),
    "improvement:action_thread": expect(allow=PRACTITIONERS, kwargs=CLOSED),
    "improvement:learning_thread": expect(allow=PRACTITIONERS, kwargs={"pk": "learning_item"}),
    "api:actions_list": expect(northfield=ALLOW, southvale=ALLOW, anonymous=UNAUTHENTICATED),
    "api:actions_thread": expect(
        allow=PRACTITIONERS, anonymous=UNAUTHENTICATED, kwargs={"pk": "closed_action"}
    ),
}
