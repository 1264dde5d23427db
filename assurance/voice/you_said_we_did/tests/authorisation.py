"""The authorisation matrix rows of the themes children spoke about and the “you said, we did”
answers: the learning cycle's drift theme, and the demo's answer about it."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, SCRUTINEER, expect
from assurance.voice.you_said_we_did.models import YouSaidWeDid

READERS = BU | SCRUTINEER | MEMBER | LEADS

LOOKUPS = {
    "you_said_we_did": lambda: (
        YouSaidWeDid.unscoped.filter(partnership__slug="northfield").order_by("pk").first().pk
    ),
}

EXPECTED = {
    "voice:theme_list": expect(allow=READERS),
    "voice:theme_detail": expect(allow=READERS, kwargs={"pk": "theme"}),
    "voice:answer_create": expect(allow=BU, kwargs={"pk": "theme"}),
    "voice:answer_update": expect(allow=BU, kwargs={"pk": "you_said_we_did"}),
    "voice:answer_history": expect(allow=READERS, kwargs={"pk": "you_said_we_did"}),
}
