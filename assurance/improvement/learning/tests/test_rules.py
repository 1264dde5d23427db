"""Which documents may be attached to a learning item (pure rules, no database)."""

import pytest

from assurance.improvement.learning.rules import MAX_DOCUMENT_BYTES, document_problem

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
