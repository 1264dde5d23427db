"""The post form of a page as a browser would submit it (stdlib only: no Django, no parser
dependency), so that a simulated user fills in what the page offers."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    fields: dict[str, str] = field(default_factory=dict)  # what submitting it unchanged sends
    radios: dict[str, list[str]] = field(default_factory=dict)  # a radio group's values
    textareas: list[str] = field(default_factory=list)
    text_inputs: list[str] = field(default_factory=list)
    checkboxes: dict[str, str] = field(default_factory=dict)  # name: value when ticked
    buttons: dict[str, str] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            if a.get("method", "get").lower() == "post":
                self._form = Form(action=a.get("action", ""))
                self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind == "radio":
                form.radios.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.fields[name] = a.get("value", "on")
            elif kind == "checkbox":
                form.checkboxes[name] = a.get("value", "on")
                if "checked" in a:
                    form.fields[name] = a.get("value", "on")
            elif kind in {"submit", "image", "button", "file"}:
                if kind == "submit":
                    form.buttons[name] = a.get("value", "")
            else:
                form.fields[name] = a.get("value", "")
                if kind == "text":
                    form.text_inputs.append(name)
        elif tag == "textarea" and name:
            self._textarea = name
            form.fields[name] = ""
            form.textareas.append(name)
        elif tag == "select" and name:
            self._select = name
            form.fields.setdefault(name, "")
        elif tag == "option" and self._select:
            if "selected" in a or not form.fields.get(self._select):
                form.fields[self._select] = a.get("value", "")
        elif tag == "button" and name and a.get("type", "submit") == "submit":
            form.buttons[name] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data


def post_forms(html: str) -> list[Form]:
    """Every ``method="post"`` form of the page, in order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    for form in reader.forms:
        for name in form.textareas:  # a browser drops the newline that opens a textarea
            if form.fields[name].startswith("\n"):
                form.fields[name] = form.fields[name][1:]
    return reader.forms


def main_form(html: str) -> Form:
    """The page's own form: the post form with the most fields (the header's sign-out form
    holds only its CSRF token)."""
    forms = post_forms(html)
    if not forms:
        raise ValueError("The page has no form to submit.")
    return max(forms, key=lambda f: len(f.fields) + len(f.radios))
