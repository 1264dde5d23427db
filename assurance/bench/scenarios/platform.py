"""The platform's pages (issue 2): front page, partnership home, agencies, groups, people."""

from __future__ import annotations

from assurance.bench.harness import Bench, Page, count_queries, scenario
from assurance.partnerships.models import Group, Partnership


def pages(partnership: Partnership) -> list[Page]:
    base = f"/p/{partnership.slug}/"
    group = Group.objects_for(partnership).order_by("pk").first()
    assert group is not None
    return [
        Page("partnership home: to-do list, summary", base),
        Page("agency list", base + "agencies/"),
        Page("group list", base + "groups/"),
        Page("group: terms of reference, seats", f"{base}groups/{group.pk}/"),
        Page("people list", base + "people/"),
    ]


@scenario("platform", order=10)
def platform(bench: Bench) -> None:
    big = bench.partnerships[0]
    client = bench.client(big)
    rows = bench.time_pages(
        [Page("front page / (one partnership: redirect)", "/", status=302), *pages(big)], client
    )
    bench.report(
        f"Platform pages: {len(bench.partnerships)} partnerships × 15 agencies, 5 groups, "
        "100 people; as the business unit of one",
        rows,
    )
    small_client = bench.client(bench.small)
    for timed, page in zip(rows[1:], pages(bench.small), strict=True):
        few = count_queries(small_client, page.url, page.status)
        bench.compare_queries(
            timed.label, "3 agencies, 10 people", "15 agencies, 100 people", few, timed.queries
        )
