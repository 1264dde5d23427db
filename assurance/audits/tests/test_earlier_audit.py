"""The audit a findings page compares with: the latest earlier closed audit of the same theme in
the same partnership whose tool is a version of the same tool (read with plain SQL)."""

from __future__ import annotations

from datetime import date
from typing import Any

from assurance.audits import selectors
from assurance.audits.models import Audit, AuditStatus, Theme
from assurance.audits.selectors.findings import earlier_comparable_audits
from assurance.audits.tests.factories import AuditFactory
from assurance.frameworks.models import Framework
from assurance.frameworks.tests.factories import FrameworkFactory


def test_the_earlier_audit_is_the_latest_closed_one_of_the_theme_with_the_same_tool(
    audit: Audit, northfield: Any, southvale: Any, tool: Framework
) -> None:
    p = northfield.partnership
    version_2 = FrameworkFactory(
        partnership=p, name=tool.name, theme="neglect", family=tool.family, version=2
    )
    another_tool = FrameworkFactory(partnership=p, name="Another tool", theme="neglect")

    def closed(title: str, month: date, **fields: Any) -> Audit:
        values: dict[str, Any] = {
            "partnership": p,
            "programme": audit.programme,
            "theme": Theme.NEGLECT,
            "framework": tool,
            "status": AuditStatus.CLOSED,
            **fields,
        }
        return AuditFactory(title=title, planned_month=month, **values)

    closed("Two years ago", date(2024, 6, 1))
    expected = closed("Last year, first version of the tool", date(2025, 6, 1))
    closed("Another tool", date(2025, 8, 1), framework=another_tool)
    closed("Not closed", date(2025, 9, 1), status=AuditStatus.AUDITING)
    closed("Another theme", date(2025, 10, 1), theme=Theme.EXPLOITATION)
    closed("Another partnership", date(2025, 11, 1), partnership=southvale.partnership)
    closed("Same month", date(2026, 6, 1))
    closed("Later", date(2026, 9, 1))
    Audit.unscoped.filter(pk=audit.pk).update(framework=version_2)
    audit.refresh_from_db()

    found = selectors.earlier_comparable_audit(audit=audit)
    assert found == expected
    assert (found.title, found.planned_month) == (expected.title, date(2025, 6, 1))
    # The first audit of the theme has nothing to compare with, nor has an audit with no tool.
    first = Audit.unscoped.get(title="Two years ago")
    assert selectors.earlier_comparable_audit(audit=first) is None
    Audit.unscoped.filter(pk=audit.pk).update(framework=None)
    audit.refresh_from_db()
    assert selectors.earlier_comparable_audit(audit=audit) is None


def test_many_audits_earlier_audits_are_read_at_once_as_each_alone(
    audit: Audit, northfield: Any, southvale: Any, tool: Framework, django_assert_num_queries: Any
) -> None:
    """A report listing many audits (the annual report) reads every one's earlier audit in one
    query, and finds for each the audit its own findings page compares with."""
    p = northfield.partnership
    version_2 = FrameworkFactory(
        partnership=p, name=tool.name, theme="neglect", family=tool.family, version=2
    )
    another_tool = FrameworkFactory(partnership=p, name="Another tool", theme="neglect")
    made: list[tuple[str, date, dict[str, Any]]] = [
        ("Two years ago", date(2024, 6, 1), {}),
        ("Last year", date(2025, 6, 1), {"framework": version_2}),
        ("Another tool", date(2025, 8, 1), {"framework": another_tool}),
        ("Another tool again", date(2026, 8, 1), {"framework": another_tool}),
        ("Another theme", date(2025, 10, 1), {"theme": Theme.EXPLOITATION}),
        ("Another partnership", date(2025, 11, 1), {"partnership": southvale.partnership}),
        ("Same month as the audit", date(2026, 6, 1), {}),
        ("Later", date(2026, 9, 1), {}),
        ("No tool", date(2026, 10, 1), {"framework": None}),
    ]
    for title, month, fields in made:
        values: dict[str, Any] = {
            "partnership": p,
            "programme": audit.programme,
            "theme": Theme.NEGLECT,
            "framework": tool,
            "status": AuditStatus.CLOSED,
            **fields,
        }
        AuditFactory(title=title, planned_month=month, **values)
    audits = list(Audit.unscoped.select_related("framework").order_by("pk"))
    expected = {a.pk: selectors.earlier_comparable_audit(audit=a) for a in audits}
    assert sum(found is not None for found in expected.values()) >= 4
    with django_assert_num_queries(1):
        found = earlier_comparable_audits(audits=audits)
    assert found == expected
    assert earlier_comparable_audits(audits=[]) == {}
