"""The authorisation matrix rows of the settings pages (a Northfield school of the demo)."""

from assurance.core.tests.matrix import BU, SCRUTINEER, expect
from assurance.selfassessment.settings.models import Setting

LOOKUPS = {
    "setting": lambda: (
        Setting.unscoped.filter(partnership__slug="northfield").order_by("urn").first().pk
    ),
}

EXPECTED = {
    "selfassessment:setting_list": expect(allow=BU | SCRUTINEER),
    "selfassessment:setting_detail": expect(allow=BU | SCRUTINEER, kwargs={"pk": "setting"}),
    "selfassessment:setting_history": expect(allow=BU | SCRUTINEER, kwargs={"pk": "setting"}),
}
