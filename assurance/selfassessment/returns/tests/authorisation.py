"""The authorisation matrix rows of a return's pages: Northfield Primary School's return to the
demo Section 175/157 round (in progress), whose safeguarding lead is the matrix's school user.
An agency's lead is "not found" there (their scope is their own agency's return)."""

from assurance.core.tests.matrix import BU, LEADS, SCRUTINEER, SETTING_USERS, expect
from assurance.frameworks.models import Item
from assurance.selfassessment.returns.models import ReturnEvidence
from assurance.selfassessment.rounds.models import Participant

LOOKUPS = {
    "sa_participant": lambda: (
        Participant.unscoped.get(
            partnership__slug="northfield",
            round__framework__name__startswith="Section 175",
            round__year=2025,
            setting__urn=990001,
        ).pk
    ),
    "sa_section": lambda: 1,
    "sa_item": lambda: (
        Item.objects.filter(
            section__framework__partnership__slug="northfield",
            section__framework__name__startswith="Section 175",
            section__order=1,
        )
        .order_by("order")
        .first()
        .pk
    ),
    "sa_evidence": lambda: (
        ReturnEvidence.unscoped.filter(
            sa_return__participant__setting__urn=990001, sa_return__participant__round__year=2025
        )
        .exclude(file="")
        .get()
        .pk
    ),
}

OWN = {"pk": "sa_participant"}
READERS = BU | SCRUTINEER | SETTING_USERS

EXPECTED = {
    "selfassessment:return_detail": expect(allow=READERS, hidden=LEADS, kwargs=OWN),
    "selfassessment:return_section": expect(
        allow=SETTING_USERS, hidden=LEADS, kwargs={**OWN, "number": "sa_section"}
    ),
    "selfassessment:return_check": expect(allow=SETTING_USERS, hidden=LEADS, kwargs=OWN),
    # Unlocking a return that is not submitted sends the business unit back to it
    "selfassessment:return_unlock": expect(redirect=BU, kwargs=OWN),
    "selfassessment:return_print": expect(allow=READERS, hidden=LEADS, kwargs=OWN),
    "selfassessment:return_pdf": expect(allow=READERS, hidden=LEADS, kwargs=OWN),
    "selfassessment:return_docx": expect(allow=READERS, hidden=LEADS, kwargs=OWN),
    "selfassessment:return_history": expect(allow=READERS, hidden=LEADS, kwargs=OWN),
    "selfassessment:return_evidence_add": expect(
        allow=SETTING_USERS, hidden=LEADS, kwargs={**OWN, "item": "sa_item"}
    ),
    "selfassessment:return_evidence": expect(
        allow=READERS, hidden=LEADS, kwargs={**OWN, "evidence_pk": "sa_evidence"}
    ),
    "selfassessment:return_evidence_remove": expect(
        allow=SETTING_USERS, hidden=LEADS, kwargs={**OWN, "evidence_pk": "sa_evidence"}
    ),
}
