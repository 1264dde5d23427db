"""core.bounded_yaml: YAML bombs are refused by their line, briefly; ordinary YAML reads as ever.

The refusals are observed, never timed: a billion laughs refused at its first anchor, nesting
refused at the level past the limit, a file over the size refused before it is parsed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

from assurance.core import bounded_yaml
from assurance.core.bounded_yaml import MAX_DEPTH, YamlRefused, load
from assurance.core.tests import hostile


def _nested(levels: int) -> list[Any]:
    inner: list[Any] = []
    for _ in range(levels - 1):
        inner = [inner]
    return inner


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("name: A tool\nitems: [1, 2]\n", {"name": "A tool", "items": [1, 2]}),
        ("- a\n- b\n", ["a", "b"]),
        ("", None),
        ("code: 1.10\n", {"code": 1.1}),
        ("when: 2026-04-01\n", {"when": date(2026, 4, 1)}),
        ("[" * MAX_DEPTH + "]" * MAX_DEPTH, _nested(MAX_DEPTH)),
    ],
)
def test_ordinary_yaml_reads_as_ever(text: str, data: Any) -> None:
    assert load(text) == data
    assert load(text.encode()) == data


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (hostile.billion_laughs(), "line 1: the file uses an anchor (&name)"),
        ("a: [x]\nb: *a\n", "line 2: the file uses an alias (*name)"),
        ("base: &b {x: 1}\nother:\n  <<: *b\n", "line 1: the file uses an anchor (&name)"),
        (hostile.nested_yaml(), f"line 2: the file is nested more than {MAX_DEPTH} levels deep."),
        (hostile.nested_yaml(2000, block=True), f"line {MAX_DEPTH}: the file is nested more than"),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "line 1: the file is nested more than"),
        ("when: 2026-13-45\n", "line 1: this value cannot be read (a date that does not exist"),
        (f"n: {'9' * 5000}\n", "line 1: this value cannot be read"),
        (hostile.huge_yaml(3), "The file is larger than 2 MB: split it or shorten it."),
    ],
)
def test_bombs_are_refused_by_their_line_briefly(text: str, message: str) -> None:
    with pytest.raises(YamlRefused) as refused:
        load(text)
    assert str(refused.value).startswith(message)
    assert len(str(refused.value)) < 200  # never the file's content


def test_a_refusal_is_a_yaml_error() -> None:
    """Callers that already report YAML errors report refusals too."""
    assert issubclass(YamlRefused, yaml.YAMLError)


def test_a_file_over_the_size_is_refused_before_it_is_parsed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(bounded_yaml.yaml, "load", never)
    with pytest.raises(YamlRefused, match="larger than 2 MB"):
        load(b"x" * (bounded_yaml.MAX_BYTES + 1))


def test_a_subclass_keeps_the_bounds() -> None:
    class Loader(bounded_yaml.BoundedLoader):
        pass

    with pytest.raises(YamlRefused, match="line 2: the file uses an alias"):
        load("a: [1]\nb: *x\n", loader=Loader)
