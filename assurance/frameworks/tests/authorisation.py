"""The authorisation matrix rows of the audit tools' pages (Northfield's demo tools)."""

from assurance.core.tests.matrix import BU, PRACTITIONERS, expect
from assurance.frameworks.models import Framework, Item, Section


def _tool() -> Framework:
    return Framework.unscoped.get(
        partnership__slug="northfield", name="Neglect audit tool", version=1
    )


LOOKUPS = {
    "framework": lambda: _tool().pk,
    "fmt": lambda: "yaml",
    "section": lambda: Section.objects.filter(framework=_tool()).order_by("order").first().pk,
    "item": lambda: Item.objects.filter(section__framework=_tool()).order_by("pk").first().pk,
}

TOOL = {"pk": "framework"}


def _post_only(roles, **kwargs):  # type: ignore[no-untyped-def]
    from assurance.core.tests.matrix import NOT_ALLOWED

    expected = expect(**kwargs)
    for role in roles:
        expected.outcomes[role] = NOT_ALLOWED
    return expected


EXPECTED = {
    "frameworks:list": expect(allow=PRACTITIONERS),
    "frameworks:upload": expect(allow=BU),
    "frameworks:format_guide": expect(allow=PRACTITIONERS),
    "frameworks:detail": expect(allow=PRACTITIONERS, kwargs=TOOL),
    "frameworks:export": expect(allow=PRACTITIONERS, kwargs={"pk": "framework", "fmt": "fmt"}),
    "frameworks:copy": expect(allow=BU, kwargs=TOOL),
    "frameworks:new_version": _post_only(BU, kwargs=TOOL),
    "frameworks:update": expect(allow=BU, kwargs=TOOL),
    "frameworks:item_create": expect(allow=BU, kwargs={"pk": "framework", "section_pk": "section"}),
    "frameworks:item_update": expect(allow=BU, kwargs={"pk": "framework", "item_pk": "item"}),
    "frameworks:history": expect(allow=PRACTITIONERS, kwargs=TOOL),
}
