"""Where an action of the action log came from, when it was raised at a challenge
(``core.registry.register_action_origins``): shown on the action's page and its golden thread."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from assurance.core.registry import ActionOrigin
from assurance.selfassessment.challenges import selectors


def challenge_origins(action: Any) -> list[ActionOrigin]:
    origins = []
    for link in selectors.origins_of_action(action):
        participant = link.challenge.sa_return.participant
        origins.append(
            ActionOrigin(
                title=f"The challenge of {participant.name}'s self-assessment",
                detail=(
                    f"raised by the challenge panel about standard {link.item.code} "
                    f"(“{link.item.text}”) of its {participant.round}"
                ),
                href=reverse(
                    "selfassessment:challenge_detail",
                    args=[action.partnership.slug, participant.pk],
                )
                + f"#standard-{link.item.code}",
                when=link.challenge.met_on,
            )
        )
    return origins
