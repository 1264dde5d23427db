"""The learning cycle's pure rules: which documents may be attached, and what is due on an
agenda (no database)."""

from datetime import date

import pytest

from assurance.improvement.learning.rules import MAX_DOCUMENT_BYTES, document_problem
from assurance.improvement.meetings.agenda import Candidate, agenda_defaults

PDF, ZIP, OLE = b"%PDF-1.7\n%", b"PK\x03\x04\x14\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(
    ("name", "size", "head", "problem"),
    [
        ("review.pdf", 2000, PDF, None),
        ("REVIEW.PDF", 2000, PDF, None),
        ("briefing.docx", 2000, ZIP, None),
        ("old.doc", 2000, OLE, None),
        ("figures.xlsx", 2000, ZIP, None),
        ("notes.txt", 10, "Café notes".encode(), None),
        ("data.csv", 10, b"a,b\n1,2\n", None),
        ("empty.pdf", 0, b"", "The selected file is empty"),
        ("big.pdf", MAX_DOCUMENT_BYTES + 1, PDF, "The selected file must be smaller than 10MB"),
        ("photo.jpg", 2000, b"\xff\xd8\xff", "The selected file must be one of"),
        ("noextension", 2000, PDF, "The selected file must be one of"),
        ("renamed.pdf", 2000, ZIP, "not a real PDF"),
        ("renamed.docx", 2000, PDF, "not a real Word document"),
        ("latin1.csv", 10, "Caf\xe9 12".encode("latin-1") + b" more text", "save it as UTF-8"),
    ],
)
def test_document_problem(name, size, head, problem):
    result = document_problem(name, size, head)
    if problem is None:
        assert result is None
    else:
        assert result is not None and problem in result


def test_a_multibyte_character_cut_at_the_end_of_the_sample_is_accepted():
    head = ("a" * 62 + "é").encode()[:63]
    assert document_problem("notes.txt", 500, head) is None


MEETING = date(2026, 6, 10)


def c(kind, key, when=None, discussed=False, status=""):
    return Candidate(kind, key, f"{kind} {key}", when, discussed, status)


CANDIDATES = [
    c("learning", 1, date(2026, 5, 1)),
    c("learning", 2, date(2026, 3, 1), discussed=True),
    c("exception", 3, date(2026, 5, 2)),
    c("exception", 4, date(2026, 2, 2), discussed=True),
    c("recommendation", 5, status="proposed"),
    c("recommendation", 6, status="more_info"),
    c("recommendation", 7, status="deferred"),
    c("action", 8, date(2026, 5, 1), status="overdue"),
    c("action", 9, date(2026, 7, 20), status="at_risk"),
    c("action", 10, date(2026, 12, 1), status="not_started"),
    c("action", 11, date(2026, 6, 30), status="on_track"),
]


@pytest.mark.parametrize(
    ("decides", "expected"),
    [
        # A group that assesses learning: new learning and exceptions, actions due or overdue
        (False, [3, 1, 8, 11, 9]),
        # The decision-making group: exceptions, recommendations awaiting decision, actions
        (True, [3, 5, 6, 8, 11, 9]),
    ],
)
def test_agenda_defaults(decides, expected):
    chosen = agenda_defaults(decides=decides, meeting_on=MEETING, candidates=CANDIDATES)
    assert [x.key for x in chosen] == expected
