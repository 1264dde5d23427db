"""GOV.UK components drawn from one partial each: status tags and summary lists.

* ``{% include "core/status_tag.html" with label=… colour=status|tag_colour:"action" %}``: the
  colours of each vocabulary of statuses are registered once, next to the statuses
  (``core.registry.register_status_colours``).
* ``{% summary_list %}`` around ``{% summary_row "Key" %}value{% endsummary_row %}`` rows (with
  ``{% summary_action href "Change" "what" %}`` links in them): the rows are collected and drawn
  by ``core/summary_list.html``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template
from django.template import Context, TemplateSyntaxError
from django.template.base import FilterExpression, NodeList, Parser, Token, token_kwargs
from django.utils.safestring import SafeString, mark_safe

from assurance.core.registry import status_colour

register = template.Library()


@register.filter
def tag_colour(status: Any, vocabulary: str) -> str:
    """The GOV.UK tag colour of ``status`` in ``vocabulary`` (for ``core/status_tag.html``)."""
    return status_colour(vocabulary, status)


@dataclass
class SummaryAction:
    href: str
    text: str
    hidden: str  # visually hidden: what it acts on, e.g. " auditors" after "Assign"


@dataclass
class SummaryRow:
    key: str
    value: str
    actions: list[SummaryAction] = field(default_factory=list)


_ROWS = "_summary_list_rows"


class SummaryListNode(template.Node):
    def __init__(self, nodelist: NodeList, classes: FilterExpression | None) -> None:
        self.nodelist = nodelist
        self.classes = classes

    def render(self, context: Context) -> SafeString:
        rows: list[SummaryRow] = []
        with context.push({_ROWS: rows}):
            stray = self.nodelist.render(context).strip()  # each summary_row adds itself
        if stray:
            raise TemplateSyntaxError(f"summary_list holds only summary_row tags, not {stray!r}")
        assert context.template is not None  # a tag renders only inside a template
        partial = context.template.engine.get_template("core/summary_list.html")
        return partial.render(
            context.new(
                {
                    "rows": rows,
                    "any_actions": any(row.actions for row in rows),
                    "classes": self.classes.resolve(context) if self.classes else "",
                }
            )
        )


@register.tag
def summary_list(parser: Parser, token: Token) -> SummaryListNode:
    """``{% summary_list %}…{% endsummary_list %}``, or ``{% summary_list classes="…" %}``: a GOV.UK
    summary list of the ``summary_row`` tags inside it (in ``if`` and ``for`` tags as anywhere
    else; anything else inside is an error). Rows without actions in a list where some have
    them get ``govuk-summary-list__row--no-actions``, as the Design System's macro does."""
    bits = token.split_contents()[1:]
    options = token_kwargs(bits, parser)
    if bits or set(options) - {"classes"}:
        raise TemplateSyntaxError("summary_list takes only classes=…")
    nodelist = parser.parse(("endsummary_list",))
    parser.delete_first_token()
    return SummaryListNode(nodelist, options.get("classes"))


class SummaryRowNode(template.Node):
    def __init__(
        self, key: FilterExpression | None, key_nodelist: NodeList | None, nodelist: NodeList
    ) -> None:
        self.key = key
        self.key_nodelist = key_nodelist
        self.nodelist = nodelist

    def render(self, context: Context) -> str:
        rows = context.get(_ROWS)
        if rows is None:
            raise TemplateSyntaxError("summary_row belongs inside summary_list")
        row = SummaryRow(key="", value="")
        with context.push({_ROWS: None, "_summary_row": row}):
            row.key = (
                self.key.resolve(context) if self.key else _rendered(self.key_nodelist, context)
            )
            row.value = _rendered(self.nodelist, context)
        rows.append(row)
        return ""


def _rendered(nodelist: NodeList | None, context: Context) -> SafeString:
    """A block's output (escaped as any template output), without the whitespace around it."""
    return mark_safe(nodelist.render(context).strip() if nodelist else "")  # noqa: S308


@register.tag
def summary_row(parser: Parser, token: Token) -> SummaryRowNode:
    """``{% summary_row "Key" %}the value{% endsummary_row %}``: a row of the summary list around
    it. The key is any template value; a key with markup or several values is a block of its
    own: ``{% summary_row %}{{ item.code }} {{ item.text }}{% summary_value %}the value…``. The
    value is the block (escaped as usual). Actions go in the block too:
    ``{% summary_action href "Change" "the thing it changes" %}``."""
    bits = token.split_contents()[1:]
    if len(bits) > 1:
        raise TemplateSyntaxError('summary_row takes one key: {% summary_row "Key" %}')
    if bits:
        key, key_nodelist = parser.compile_filter(bits[0]), None
    else:
        key, key_nodelist = None, parser.parse(("summary_value",))
        parser.delete_first_token()
    nodelist = parser.parse(("endsummary_row",))
    parser.delete_first_token()
    return SummaryRowNode(key, key_nodelist, nodelist)


@register.simple_tag(takes_context=True)
def summary_action(context: Context, href: str, text: str, hidden: str = "") -> str:
    """A link in the actions of the summary row around it: ``text`` is what it does ("Change"),
    ``hidden`` (visually hidden, for screen readers) what it does it to ("password")."""
    row = context.get("_summary_row")
    if row is None:
        raise TemplateSyntaxError("summary_action belongs inside summary_row")
    row.actions.append(SummaryAction(href=href, text=text, hidden=hidden))
    return ""
