"""The authorisation matrix rows of participation events (the demo's youth forum)."""

from assurance.core.tests.matrix import BU, LEADS, MEMBER, SCRUTINEER, expect
from assurance.voice.events.models import ParticipationEvent

READERS = BU | SCRUTINEER | MEMBER | LEADS

LOOKUPS = {
    "event": lambda: (
        ParticipationEvent.unscoped.filter(partnership__slug="northfield").order_by("pk").first().pk
    ),
}


def _row(allow, key=None):  # type: ignore[no-untyped-def]
    return expect(allow=allow, kwargs={"pk": key} if key else None)


EXPECTED = {
    "voice:event_list": _row(READERS),
    "voice:event_create": _row(BU),
    "voice:event_detail": _row(READERS, "event"),
    "voice:event_update": _row(BU, "event"),
    "voice:event_history": _row(READERS, "event"),
    "voice:event_heard_add": _row(BU, "event"),
}
