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

# The learning cycle's rows (learning, themes, recommendations, meetings, decisions, challenges)
from assurance.improvement.tests.learning_authorisation import (  # noqa: E402
    EXPECTED as LEARNING_EXPECTED,
)
from assurance.improvement.tests.learning_authorisation import (  # noqa: E402
    LOOKUPS as LEARNING_LOOKUPS,
)

EXPECTED.update(LEARNING_EXPECTED)
LOOKUPS.update(LEARNING_LOOKUPS)

# Action plans, evidence, impact, the golden thread and the actions API
from assurance.improvement.tests.action_authorisation import (  # noqa: E402
    EXPECTED as ACTION_EXPECTED,
)
from assurance.improvement.tests.action_authorisation import (  # noqa: E402
    LOOKUPS as ACTION_LOOKUPS,
)

EXPECTED.update(ACTION_EXPECTED)
LOOKUPS.update(ACTION_LOOKUPS)
