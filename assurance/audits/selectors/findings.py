"""Reads for an audit's findings: the framework tree, the counts of answers by agency and standard,
the comparison with an earlier audit of the theme, and the key messages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import F, Prefetch, QuerySet

from assurance.audits.findings import (
    METHOD_NOTE,
    Change,
    OptionInfo,
    Scale,
    compare,
    summarise_counts,
)
from assurance.audits.models import (
    Audit,
    AuditStatus,
    KeyMessage,
    ReturnStatus,
)
from assurance.frameworks.models import Framework, Item, ScaleOption, Section

COMPLETE = (ReturnStatus.SUBMITTED, ReturnStatus.SIGNED_OFF)

# --- the framework tree and findings ------------------------------------------------------------


def framework_sections(*, framework_id: int | None) -> list[Section]:
    """The tool's KLOEs with their items and scale options, in three queries."""
    if framework_id is None:
        return []
    return list(
        Section.objects.filter(framework_id=framework_id)
        .order_by("order")
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("order").select_related("scale")),
            Prefetch("items__scale__options", queryset=ScaleOption.objects.order_by("order")),
        )
    )


@dataclass(frozen=True)
class OutlineItem:
    pk: int
    code: str
    text: str
    scale: Scale

    @property
    def options(self) -> tuple[OptionInfo, ...]:
        return self.scale.options


@dataclass(frozen=True)
class OutlineSection:
    pk: int
    code: str
    title: str
    items: tuple[OutlineItem, ...]


_OUTLINES: dict[int, tuple[OutlineSection, ...]] = {}


def graded_outline(*, framework: Framework) -> tuple[OutlineSection, ...]:
    """The tool's KLOEs and graded standards with their options, as plain values.

    A frozen version never changes, so its outline is kept in memory after the first read (per
    process; nothing shared between servers is needed).
    """
    if framework.is_frozen and framework.pk in _OUTLINES:
        return _OUTLINES[framework.pk]
    outline = tuple(
        OutlineSection(
            pk=section.pk,
            code=section.code,
            title=section.title,
            items=tuple(
                OutlineItem(
                    pk=item.pk,
                    code=item.code,
                    text=item.text,
                    scale=Scale.of(
                        OptionInfo(o.id, o.label, o.meets_standard, o.is_not_applicable)
                        for o in item.scale.options.all()
                    ),
                )
                for item in section.items.all()
                if item.is_graded and item.scale is not None
            ),
        )
        for section in framework_sections(framework_id=framework.pk)
    )
    if framework.is_frozen:
        _OUTLINES[framework.pk] = outline
    return outline


@dataclass
class ItemFindings:
    item: OutlineItem
    options: list[OptionInfo]
    overall: dict[str, Any]
    by_agency: list[tuple[str, dict[str, Any]]]
    change: Change | None = None


@dataclass
class SectionFindings:
    section: OutlineSection
    items: list[ItemFindings] = field(default_factory=list)
    agreed: dict[str, int] = field(default_factory=dict)


@dataclass
class AuditFindings:
    audit: Audit
    sections: list[SectionFindings]
    case_count: int
    returns_counted: int
    agencies: list[str]
    method: str = METHOD_NOTE
    compared_with: Audit | None = None


ANSWER_COUNTS_SQL = """
SELECT a.item_id, r.agency_id, a.option_id, COUNT(*)
FROM frameworks_answer a
JOIN audits_agencyreturn r ON r.assessment_id = a.assessment_id
JOIN audits_auditcase c ON c.id = r.case_id
WHERE c.audit_id = %s AND r.status IN (%s, %s) AND a.option_id IS NOT NULL
GROUP BY a.item_id, r.agency_id, a.option_id
"""


def answer_counts(*, audit: Audit) -> list[tuple[int, int, int, int]]:
    """One aggregate query: (item, agency, option, count) over the audit's submitted and
    signed-off returns. Plain SQL: this is the hot path of the findings page and API."""
    with connection.cursor() as cursor:
        cursor.execute(ANSWER_COUNTS_SQL, [audit.pk, *COMPLETE])
        return cursor.fetchall()  # type: ignore[no-any-return]


EARLIER_AUDIT_SQL = """
SELECT a.* FROM audits_audit a
JOIN frameworks_framework f ON f.id = a.framework_id
JOIN frameworks_framework this ON this.id = %s AND this.family = f.family
WHERE a.partnership_id = %s AND a.theme = %s AND a.status = %s AND a.planned_month < %s
  AND a.id <> %s
ORDER BY a.planned_month DESC
LIMIT 1
"""


def earlier_comparable_audit(*, audit: Audit) -> Audit | None:
    """The latest earlier closed audit of the same theme whose tool is of the same family.

    Plain SQL (a tool's family is that of the audit's own tool, joined rather than passed): it
    is one of the reads of every findings page and API request."""
    if audit.framework_id is None:
        return None
    params = [
        audit.framework_id,
        audit.partnership_id,
        audit.theme,
        AuditStatus.CLOSED,
        connection.ops.adapt_datefield_value(audit.planned_month),
        audit.pk,
    ]
    return next(iter(Audit.unscoped.raw(EARLIER_AUDIT_SQL, params)), None)


def audit_findings(*, audit: Audit) -> AuditFindings:
    """Findings per KLOE and standard, by agency and overall, with 95% Wilson intervals, and the
    change per standard since the last comparable audit. A constant number of queries."""
    outline = graded_outline(framework=audit.framework) if audit.framework else ()
    counts = answer_counts(audit=audit)
    names = _agency_names({row[1] for row in counts})
    # Plain dicts of counts: (standard, agency) → option → answers (one row each, as grouped by
    # the query) and standard → option → answers over all agencies; each is summarised once,
    # with the standard's scale grouped once in the outline.
    by_agency: dict[tuple[int, int], dict[int, int]] = {}
    overall: dict[int, dict[int, int]] = {}
    for item_id, agency_id, option_id, n in counts:
        key = (item_id, agency_id)
        agency_counts = by_agency.get(key)
        if agency_counts is None:
            agency_counts = by_agency[key] = {}
        agency_counts[option_id] = n
        item_counts = overall.get(item_id)
        if item_counts is None:
            item_counts = overall[item_id] = {}
        item_counts[option_id] = item_counts.get(option_id, 0) + n
    by_name = sorted(names.items(), key=lambda pair: pair[1])
    earlier = earlier_comparable_audit(audit=audit)
    before = _earlier_totals(earlier) if earlier else {}
    agreed = _agreed_counts(audit)
    result = []
    for section in outline:
        section_findings = SectionFindings(section=section, agreed=agreed.get(section.pk, {}))
        for item in section.items:
            scale, item_pk = item.scale, item.pk
            summary = summarise_counts(overall.get(item_pk, {}), scale)
            findings = ItemFindings(
                item=item,
                options=list(scale.options),
                overall=summary,
                by_agency=[
                    (name, summarise_counts(by_agency[item_pk, pk], scale))
                    for pk, name in by_name
                    if (item_pk, pk) in by_agency
                ],
            )
            earlier_totals = before.get((section.code, item.code))
            if earlier_totals is not None:
                findings.change = compare(
                    *earlier_totals, int(str(summary["meeting"])), int(str(summary["assessed"]))
                )
            section_findings.items.append(findings)
        result.append(section_findings)
    case_count, returns_counted = _case_and_return_counts(audit)
    return AuditFindings(
        audit=audit,
        sections=result,
        case_count=case_count,
        returns_counted=returns_counted,
        agencies=sorted(names.values()),
        compared_with=earlier,
    )


EARLIER_TOTALS_SQL = """
SELECT s.code, i.code,
       SUM(CASE WHEN o.meets_standard THEN 1 ELSE 0 END),
       SUM(CASE WHEN o.is_not_applicable THEN 0 ELSE 1 END)
FROM frameworks_answer a
JOIN frameworks_scaleoption o ON o.id = a.option_id
JOIN frameworks_item i ON i.id = a.item_id
JOIN frameworks_section s ON s.id = i.section_id
JOIN audits_agencyreturn r ON r.assessment_id = a.assessment_id
JOIN audits_auditcase c ON c.id = r.case_id
WHERE c.audit_id = %s AND r.status IN (%s, %s)
GROUP BY s.code, i.code
"""


def _earlier_totals(audit: Audit) -> dict[tuple[str, str], tuple[int, int]]:
    """(KLOE code, standard code) → (meeting, assessed) in an earlier audit: standards are
    matched by code, which versions of the same tool keep."""
    with connection.cursor() as cursor:
        cursor.execute(EARLIER_TOTALS_SQL, [audit.pk, *COMPLETE])
        return {
            (kloe, code): (int(meeting), int(assessed))
            for kloe, code, meeting, assessed in cursor.fetchall()
        }


def standard_totals(*, audit: Audit) -> dict[tuple[str, str], tuple[int, int]]:
    """(KLOE code, standard code) → (meeting, assessed) over an audit's submitted and signed-off
    returns: what the learning cycle compares when an action is measured by a re-audit."""
    return _earlier_totals(audit)


def later_audits_of_theme(*, audit: Audit) -> QuerySet[Audit]:
    """Closed audits of the same partnership and theme after ``audit``, latest first."""
    return (
        Audit.unscoped.filter(
            partnership_id=audit.partnership_id,
            theme=audit.theme,
            status=AuditStatus.CLOSED,
            planned_month__gt=audit.planned_month,
        )
        .exclude(pk=audit.pk)
        .order_by("-planned_month", "-pk")
    )


# The small reads of the findings (agency names, totals, agreed grades) are plain SQL too:
# building each through the ORM cost more than running it (about 0.7 ms a query, against the
# 3 ms of the aggregate itself), on a page asked for the same audit again and again.

AGREED_COUNTS_SQL = """
SELECT g.section_id, o.label, COUNT(g.id)
FROM audits_agreedgrade g
JOIN audits_auditcase c ON c.id = g.case_id
JOIN frameworks_scaleoption o ON o.id = g.option_id
WHERE c.audit_id = %s
GROUP BY g.section_id, o.label
"""

CASE_AND_RETURN_COUNTS_SQL = """
SELECT (SELECT COUNT(*) FROM audits_auditcase WHERE audit_id = %s),
       (SELECT COUNT(*) FROM audits_agencyreturn r
        JOIN audits_auditcase c ON c.id = r.case_id
        WHERE c.audit_id = %s AND r.status IN (%s, %s))
"""


def _agreed_counts(audit: Audit) -> dict[int, dict[str, int]]:
    """KLOE → agreed grade's label → number of cases given it at moderation."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    with connection.cursor() as cursor:
        cursor.execute(AGREED_COUNTS_SQL, [audit.pk])
        for section_id, label, n in cursor.fetchall():
            counts[section_id][label] = n
    return counts


def _case_and_return_counts(audit: Audit) -> tuple[int, int]:
    """The audit's cases, and its submitted and signed-off returns."""
    with connection.cursor() as cursor:
        cursor.execute(CASE_AND_RETURN_COUNTS_SQL, [audit.pk, audit.pk, *COMPLETE])
        cases, returns = cursor.fetchone()
    return int(cases), int(returns)


def _agency_names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, name FROM partnerships_agency WHERE id IN ({placeholders})",  # noqa: S608
            sorted(ids),
        )
        return dict(cursor.fetchall())


def key_messages(*, audit: Audit) -> QuerySet[KeyMessage]:
    return KeyMessage.unscoped.filter(audit=audit).select_related("section")


def key_messages_of(*, audits: Sequence[Audit]) -> dict[int, list[KeyMessage]]:
    """Each audit's key messages, in ``key_messages``' order, in one query (a report listing
    many audits' findings)."""
    found: dict[int, list[KeyMessage]] = {audit.pk: [] for audit in audits}
    for message in KeyMessage.unscoped.filter(audit__in=list(found)).select_related("section"):
        found[message.audit_id].append(message)
    return found


def earlier_comparable_audits(*, audits: Sequence[Audit]) -> dict[int, Audit | None]:
    """``earlier_comparable_audit`` of each audit, in one query: the candidates (the closed
    audits of the same partnerships and themes, with their tool's family) are read once and each
    audit takes the latest earlier one of its theme and family."""
    with_tool = [audit for audit in audits if audit.framework_id is not None]
    found: dict[int, Audit | None] = {audit.pk: None for audit in audits}
    if not with_tool:
        return found
    candidates = list(
        Audit.unscoped.filter(
            partnership_id__in={a.partnership_id for a in with_tool},
            theme__in={a.theme for a in with_tool},
            status=AuditStatus.CLOSED,
            framework__isnull=False,
        )
        .annotate(tool_family=F("framework__family"))
        .order_by("-planned_month", "-pk")
    )
    families = {c.framework_id: c.tool_family for c in candidates}  # type: ignore[attr-defined]
    for audit in with_tool:
        # a closed audit is among the candidates; another's tool is read with it (audit_list)
        family = families.get(audit.framework_id) or audit.framework.family  # type: ignore[union-attr]
        found[audit.pk] = next(
            (
                c
                for c in candidates
                if c.partnership_id == audit.partnership_id
                and c.theme == audit.theme
                and c.tool_family == family  # type: ignore[attr-defined]
                and c.planned_month < audit.planned_month
                and c.pk != audit.pk
            ),
            None,
        )
    return found
