"""The search results as HTML, written once in Python (ADR 032's rule for long lists: the
template engine resolving each hit's five values cost more than the search's own query). The
same GOV.UK markup the template wrote, every value escaped."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

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
