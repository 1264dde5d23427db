"""GOV.UK components drawn from one partial each: status tags and summary lists.

* ``{% include "core/status_tag.html" with label=… colour=status|tag_colour:"action" %}``: the
  colours of each vocabulary of statuses are registered once, next to the statuses
  (``core.registry.register_status_colours``).
* ``{% summary_list %}`` with ``{% summary_row "Key" %}value{% endsummary_row %}`` rows: the
  rows are collected and drawn by ``core/summary_list.html`` (see ``summary_row``).
"""

from __future__ import annotations

from typing import Any

from django import template

from assurance.core.registry import status_colour

register = template.Library()


@register.filter
def tag_colour(status: Any, vocabulary: str) -> str:
    """The GOV.UK tag colour of ``status`` in ``vocabulary`` (for ``core/status_tag.html``)."""
    return status_colour(vocabulary, status)
