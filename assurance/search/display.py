"""The search results and the list of their kinds as HTML, written once in Python (ADR 032's
rule for long lists: the template engine resolving each hit's five values cost more than the
search's own query). The same GOV.UK markup the template wrote, every value escaped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from django.utils.safestring import SafeString

from assurance.search.selectors import Hit


def hits_html(hits: Iterable[Hit]) -> SafeString:
    """Each hit as an item of the results' list: its caption (kind and date), its title
    linking to the record, and its summary (if any)."""
    items = []
    for hit in hits:
        summary = (
            f'<p class="govuk-body-s govuk-!-margin-bottom-0">{escape(hit.summary)}</p>'
            if hit.summary
            else ""
        )
        items.append(
            '<li class="app-search-results__item">'
            f'<span class="govuk-caption-s">{escape(hit.caption)}</span>'
            '<h3 class="govuk-heading-s govuk-!-margin-bottom-1">'
            f'<a class="govuk-link" href="{escape(hit.href)}">{escape(hit.title)}</a></h3>'
            f"{summary}</li>"
        )
    return SafeString("".join(items))


def kinds_html(
    counts: Iterable[Mapping[str, Any]], *, kind: str, everything: int, every_kind_href: str
) -> SafeString:
    """The items of the "Show" list beside the results: all results, then each kind the user
    may see with its count, the chosen one in bold, a kind with nothing found not linked."""
    all_results = f"All results ({everything})"
    items = [
        f"<li><strong>{all_results}</strong></li>"
        if not kind
        else f'<li><a class="govuk-link" href="{escape(every_kind_href)}">{all_results}</a></li>'
    ]
    for count in counts:
        label = f"{escape(count['label'])} ({count['count']})"
        if count["kind"] == kind:
            items.append(f"<li><strong>{label}</strong></li>")
        elif count["count"]:
            items.append(
                f'<li><a class="govuk-link" href="{escape(count["href"])}">{label}</a></li>'
            )
        else:
            items.append(f"<li>{label}</li>")
    return SafeString("".join(items))
