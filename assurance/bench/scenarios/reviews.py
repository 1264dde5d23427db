"""Serious incidents and reviews (issue 10) at national scale: every partnership holds
``BENCH_REVIEW_YEARS`` (10) years of serious incidents, ``BENCH_REVIEWS_PER_YEAR`` (8) a year,
each with its rapid review (decided; every fourth on a practice review, published or under
way), three agencies' information requests and the partnership's closure days; the most recent
are still open. The business unit of one times the deadline board (open reviews, and every
review), a review's page and the reviews API (list and one review), beside the floor; each
page's queries are compared with a small partnership of one year."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from django.db import transaction

from assurance.bench.harness import Bench, Page, env_int, scenario, time_page
from assurance.frameworks.models import Assessment
from assurance.partnerships.models import Agency, Partnership, Person
from assurance.reviews.clock import rules
from assurance.reviews.clock.models import ClosureDay
from assurance.reviews.information_requests.models import InformationRequest, InformationStatus
from assurance.reviews.information_requests.services import request_template_load
from assurance.reviews.notifications.models import AgeBand, IncidentType, SeriousIncident
from assurance.reviews.practice_reviews.models import PracticeReview, Publication
from assurance.reviews.rapid_reviews.models import Outcome, RapidReview

END = date(2026, 11, 1)


def build_reviews(
    partnerships: list[Partnership], *, years: int, per_year: int, end: date = END
) -> int:
    """Bulk-insert ``years`` years of serious incidents per partnership, ending at ``end``;
    return how many incidents were made."""
    made = 0
    for p in partnerships:
        rng = random.Random(p.pk)
        agencies = list(Agency.objects_for(p).order_by("pk")[:3])
        bu = Person.objects_for(p).filter(is_business_unit=True).order_by("pk").first()
        assert bu is not None, f"{p.slug} has no business unit"
        template = request_template_load(partnership=p)
        with transaction.atomic():
            ClosureDay.unscoped.bulk_create(
                ClosureDay(partnership=p, day=date(y, 12, 29), reason="Offices closed")
                for y in range(end.year - years, end.year + 1)
                if rules.is_working_day(date(y, 12, 29))
            )
            incidents = []
            for year_back in range(years):
                year = end.year - year_back
                for n in range(per_year):
                    # Every fourth a practice review, decided at least 40 days ago, so that
                    # every partnership, the small one too, has one to open
                    earliest = 41 if n % 4 == 0 else 1
                    aware = end - timedelta(days=365 * year_back + rng.randint(earliest, 364))
                    incidents.append(
                        SeriousIncident(
                            partnership=p,
                            reference=f"SI-{year}-{n + 1:02d}",
                            age_band=rng.choice(AgeBand.values),
                            incident_type=rng.choice(IncidentType.values),
                            summary="A synthetic serious incident.",
                            became_aware_on=aware,
                            area="Town centre",
                            notified_on=aware + timedelta(days=rng.choice((5, 6, 7, 9)))
                            if aware + timedelta(days=9) < end
                            else None,
                            recorded_by=bu,
                        )
                    )
            SeriousIncident.unscoped.bulk_create(incidents)
            rapid, practice = [], []
            for incident in incidents:
                aware = incident.became_aware_on
                if aware + timedelta(days=40) >= end:
                    continue  # still being reviewed
                cspr = int(incident.reference[-2:]) % 4 == 1
                decided = aware + timedelta(days=rng.randint(25, 35))
                rapid.append(
                    RapidReview(
                        partnership=p,
                        incident=incident,
                        sent_on=aware + timedelta(days=rng.choice((18, 20, 22, 24))),
                        recommendation=Outcome.CSPR if cspr else Outcome.NO_CSPR,
                        recommendation_reasons="Synthetic.",
                        decision=Outcome.CSPR if cspr else Outcome.NO_CSPR,
                        decided_on=decided,
                        decision_reasons="Synthetic.",
                    )
                )
                if cspr:
                    published = decided + timedelta(days=rng.randint(150, 200))
                    practice.append(
                        PracticeReview(
                            partnership=p,
                            incident=incident,
                            terms_of_reference="Synthetic.",
                            publication=Publication.PUBLISH,
                            published_on=published if published < end else None,
                        )
                    )
            RapidReview.unscoped.bulk_create(rapid)
            PracticeReview.unscoped.bulk_create(practice)
            assessments = Assessment.unscoped.bulk_create(
                Assessment(partnership=p, framework=template)
                for _ in range(len(incidents) * len(agencies))
            )
            requests = []
            for index, incident in enumerate(incidents):
                asked = incident.became_aware_on + timedelta(days=2)
                for offset, agency in enumerate(agencies):
                    done = asked + timedelta(days=rng.randint(3, 12))
                    requests.append(
                        InformationRequest(
                            partnership=p,
                            incident=incident,
                            agency=agency,
                            assessment=assessments[index * len(agencies) + offset],
                            requested_on=asked,
                            due_on=asked + timedelta(days=7),
                            requested_by=bu,
                            status=InformationStatus.SUBMITTED
                            if done < end
                            else InformationStatus.NOT_STARTED,
                            submitted_on=done if done < end else None,
                        )
                    )
            InformationRequest.unscoped.bulk_create(requests)
            # The business unit is named on each, as a panel would be
            through = SeriousIncident.panel.through
            through.objects.bulk_create(
                through(seriousincident_id=incident.pk, person_id=bu.pk) for incident in incidents
            )
        made += len(incidents)
    return made


def _latest_practice_review(p: Partnership) -> SeriousIncident:
    """The most recent incident with a practice review: a review's page at its fullest, the
    same kind of record in a small partnership and a large one."""
    found = (
        SeriousIncident.objects_for(p)
        .filter(practice_review__isnull=False)
        .order_by("-became_aware_on")
        .first()
    )
    assert found is not None, f"{p.slug} has no practice review"
    return found


def _pages(p: Any, incident: SeriousIncident) -> list[Page]:
    return [
        Page("signed-in shell (the empty search page)", f"/p/{p.slug}/search/"),
        Page("deadline board (open, closed in 12 months)", f"/p/{p.slug}/reviews/"),
        Page("deadline board (every review)", f"/p/{p.slug}/reviews/?show=all"),
        Page("a review's page", f"/p/{p.slug}/reviews/{incident.pk}/"),
        Page("reviews API: list", "/api/v1/reviews/"),
        Page("reviews API: one review", f"/api/v1/reviews/{incident.pk}"),
    ]


@scenario("reviews", order=80)
def reviews(bench: Bench) -> None:
    years = env_int("BENCH_REVIEW_YEARS", 10)
    per_year = env_int("BENCH_REVIEWS_PER_YEAR", 8)
    if years <= 0:
        return
    big = bench.partnerships
    made = build_reviews(big, years=years, per_year=per_year)
    build_reviews([bench.small], years=1, per_year=per_year)
    bench.write(
        f"\nReviews: {made:,} serious incidents ({len(big)} partnerships × {years} years × "
        f"{per_year}), with rapid reviews, practice reviews and information requests"
    )
    bench.measure_floor()
    latest = _latest_practice_review(big[0])
    rows = bench.time_pages(_pages(big[0], latest))
    bench.report(
        f"Serious incidents and reviews ({len(big)} partnerships × {years} years of reviews)", rows
    )
    small_latest = _latest_practice_review(bench.small)
    small = bench.client(bench.small)
    for page, row in zip(_pages(bench.small, small_latest), rows, strict=True):
        few = time_page(page.label, small, page.url, 1).queries
        bench.compare_queries(page.label, "1 year", f"{years} years", few, row.queries)
