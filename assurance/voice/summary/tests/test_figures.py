"""The summary's counts (pure): every category listed, most-first ordering of themes."""

from __future__ import annotations

import pytest

from assurance.voice.summary.figures import Count, by_count, tally

CHOICES = [("form", "Online form"), ("event", "Participation event"), ("agency", "Agency")]


@pytest.mark.parametrize(
    ("counted", "expected"),
    [
        ({}, [("form", 0), ("event", 0), ("agency", 0)]),
        ({"event": 3}, [("form", 0), ("event", 3), ("agency", 0)]),
        ({"agency": 1, "form": 2}, [("form", 2), ("event", 0), ("agency", 1)]),
        # A value no longer among the choices is kept, last, under its stored value.
        ({"post": 4, "form": 1}, [("form", 1), ("event", 0), ("agency", 0), ("post", 4)]),
        ({"post": 0}, [("form", 0), ("event", 0), ("agency", 0)]),
    ],
)
def test_every_choice_is_counted_in_its_order(counted, expected) -> None:
    assert [(row.key, row.count) for row in tally(counted, CHOICES)] == expected


def test_labels_come_from_the_choices() -> None:
    assert tally({"form": 1}, CHOICES)[0] == Count("form", "Online form", 1)


def test_themes_most_first_then_by_title() -> None:
    rows = [Count("1", "Seen", 2), Count("2", "Heard", 5), Count("3", "Adults", 2)]
    assert [row.label for row in by_count(rows)] == ["Heard", "Adults", "Seen"]
