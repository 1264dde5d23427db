"""The authorisation matrix rows of the settings pages: Northfield Primary School, whose
safeguarding lead is the matrix's school user (she sees her own school's page and no other)."""

from assurance.core.tests.matrix import BU, SCRUTINEER, SETTING_USERS, expect
from assurance.selfassessment.settings.models import Setting, SettingMember

LOOKUPS = {
    "setting": lambda: Setting.unscoped.get(partnership__slug="northfield", urn=990001).pk,
    "other_setting": lambda: Setting.unscoped.get(partnership__slug="northfield", urn=990002).pk,
    "setting_member": lambda: (
        SettingMember.unscoped.get(person__email="school-head@northfield.example").pk
    ),
}

OWN = {"pk": "setting"}

EXPECTED = {
    "selfassessment:setting_list": expect(allow=BU | SCRUTINEER),
    "selfassessment:own_setting": expect(redirect=SETTING_USERS),
    "selfassessment:setting_history": expect(allow=BU | SCRUTINEER, kwargs=OWN),
    "selfassessment:member_invite": expect(allow=BU, kwargs=OWN),
    "selfassessment:member_remove": expect(allow=BU, kwargs={**OWN, "member_pk": "setting_member"}),
}
