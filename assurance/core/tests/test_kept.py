"""Work kept in the cache under everything it comes from (ADR 032)."""

from __future__ import annotations

from django.core.cache import cache

from assurance.core.kept import digest, kept


def test_work_is_done_once_per_parts_and_again_for_other_parts() -> None:
    cache.clear()
    done: list[int] = []

    def work(n: int) -> list[int]:
        done.append(n)
        return [n]

    assert kept("sums", (1, "a"), lambda: work(1)) == [1]
    assert kept("sums", (1, "a"), lambda: work(1)) == [1]
    assert done == [1]
    assert kept("sums", (2, "a"), lambda: work(2)) == [2]
    assert kept("other", (1, "a"), lambda: work(3)) == [3]  # another kind: another key
    assert kept("sums", (1, "a"), lambda: work(4)) == [1]
    assert done == [1, 2, 3]


def test_an_empty_result_is_kept_too() -> None:
    cache.clear()
    done: list[int] = []
    for _ in range(2):
        assert kept("none", 0, lambda: done.append(1) or []) == []
    assert done == [1]


def test_the_digest_follows_every_part_in_order() -> None:
    assert digest(1, "a") == digest(1, "a")
    assert digest(1, "a") != digest("a", 1) != digest(1, "b")
    assert len(digest([1, 2])) == 40
