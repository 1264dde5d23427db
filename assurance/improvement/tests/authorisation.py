"""The authorisation matrix rows of the action log (an action from the closed neglect audit,
owned by the council)."""

from assurance.core.tests.matrix import PRACTITIONERS, expect
from assurance.improvement.models import Action

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
}

EXPECTED = {
    "improvement:action_list": expect(allow=PRACTITIONERS),
    "improvement:action_detail": expect(allow=PRACTITIONERS, kwargs={"pk": "action"}),
    "improvement:action_history": expect(allow=PRACTITIONERS, kwargs={"pk": "action"}),
}
