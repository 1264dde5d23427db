"""Find text that looks like a child identifier (a pure function, no database).

Free text in returns, reviews and feedback must not hold a child's NHS number, date of birth,
address or contact details where a pseudonymised reference will do. ``find_identifiers`` finds
what looks like one so that the form can flag it before it is saved: the user removes it or
says why it must stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    text: str
    start: int
    end: int
    field: str = ""
    """The form field it was found in (set by ``flag_identifiers``)."""

    @property
    def message(self) -> str:
        """Plain English for an error summary: what was found, quoted."""
        return f"This looks like {self.label} (“{self.text}”)"


LABELS = {
    "nhs_number": "an NHS number",
    "postcode": "a postcode",
    "ni_number": "a National Insurance number",
    "date_of_birth": "a date of birth",
    "email": "an e-mail address",
    "phone": "a phone number",
}

_NHS = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
# Not inside a hyphenated word: the pseudonymised case references ("NOR-DR72FP") would read as
# postcodes one time in forty.
_POSTCODE = re.compile(
    r"(?<![\w-])(GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)"
    r" ?\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_NI = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
    re.IGNORECASE,
)
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATES = [
    re.compile(r"\b(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-]((?:19|20)\d{2}|\d{2})\b"),
    re.compile(
        rf"\b(0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)? ({_MONTHS}) ((?:19|20)\d{{2}})\b", re.IGNORECASE
    ),
    re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b"),
]
_EMAIL = re.compile(r"\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\d\w])(?:\+44[ -]?\(?0?\)?[ -]?|\(?0)"
    r"(?:\d{2,4}\)?[ -]?\d{3,4}[ -]?\d{3,4}|7\d{3}[ -]?\d{6})(?![\d-])"
)


def nhs_number_is_valid(digits: str) -> bool:
    """The modulus 11 check of an NHS number (10 digits, the last a check digit)."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_identifiers(text: str) -> list[Finding]:
    """Everything in ``text`` that looks like a child identifier, in order of position."""
    if not text:
        return []
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, match: re.Match[str]) -> None:
        start, end = match.span()
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        findings.append(Finding(kind, LABELS[kind], match.group(0), start, end))

    for match in _EMAIL.finditer(text):
        add("email", match)
    for match in _NHS.finditer(text):
        if nhs_number_is_valid("".join(match.groups())):
            add("nhs_number", match)
    for pattern in _DATES:
        for match in pattern.finditer(text):
            add("date_of_birth", match)
    for match in _NI.finditer(text):
        add("ni_number", match)
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if 10 <= len(digits) <= 13:
            add("phone", match)
    for match in _POSTCODE.finditer(text):
        if re.search(r"\d", match.group(0)) and re.search(r"[A-Z]{2}$", match.group(0).upper()):
            add("postcode", match)
    return sorted(findings, key=lambda finding: finding.start)


def flag_identifiers(fields: dict[str, str]) -> list[Finding]:
    """Every finding in a form's free-text fields, each naming its field, in field order.

    For a form: ``flag_identifiers({name: form.cleaned_data[name] for name in FREE_TEXT})``;
    group by ``finding.field`` to show each field's error.
    """
    return [
        replace(finding, field=name)
        for name, value in fields.items()
        for finding in find_identifiers(value or "")
    ]
