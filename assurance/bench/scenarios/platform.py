"""The platform's pages (issue 2): front page, partnership home, agencies, groups, people."""

from __future__ import annotations

from assurance.bench.harness import Bench, Page, count_queries, scenario
from assurance.partnerships.models import Agency, Group, Partnership, Person

SEVERAL = "several@bench.bench"


def join_several(partnerships: list[Partnership]) -> None:
    """A viewer who belongs to several partnerships: the front page lists them all."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(email=SEVERAL, full_name="Several", password="!")  # noqa: S106 - unusable, force_login
    Person.unscoped.bulk_create(
        Person(
            partnership=p,
            agency=Agency.objects_for(p).order_by("pk").first(),
            user=user,
            full_name=user.full_name,
            email=SEVERAL,
            is_viewer=True,
        )
        for p in partnerships
    )


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
    several = bench.partnerships[:10]
    join_several(several)
    rows = bench.time_pages(
        [Page("front page / (one partnership: redirect)", "/", status=302), *pages(big)], client
    )
    rows.append(
        *bench.time_pages(
            [Page(f"front page / (a user of {len(several)} partnerships)", "/")],
            bench.client(email=SEVERAL),
        )
    )
    bench.report(
        f"Platform pages: {len(bench.partnerships)} partnerships × 15 agencies, 5 groups, "
        "100 people; as the business unit of one",
        rows,
    )
    small_client = bench.client(bench.small)
    for timed, page in zip(rows[1:-1], pages(bench.small), strict=True):
        few = count_queries(small_client, page.url, page.status)
        bench.compare_queries(
            timed.label, "3 agencies, 10 people", "15 agencies, 100 people", few, timed.queries
        )
