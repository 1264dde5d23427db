"""Background work of the performance pages (django-tasks): recomputing the summary rows once
their figures change (ADR 023). A change says so through ``summaries.services.summaries_stale``;
the app connects that to ``summaries_stale_enqueue``, which queues one task after the change
commits. A page that finds a row stale before the task has run computes it itself, so the task
is what keeps the pages fast, never what keeps them right."""

from __future__ import annotations

from django_tasks import task

from assurance.core.business_year import current_business_year
from assurance.dataset.performance import selectors
from assurance.dataset.performance.services import summaries_refresh
from assurance.dataset.summaries.models import SummaryVersion
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Partnership


@task()
def summaries_recompute(partnership_ids: list[int] | None = None) -> int:
    """Recompute the summary rows of ``partnership_ids`` (None: every partnership): each
    business year that has rows, and the current one when it has settings. A partnership whose
    pages were never opened has nothing to recompute (its first page computes). Returns how
    many partnership-years were computed."""
    summarised = SummaryVersion.unscoped.values_list("partnership_id", flat=True)
    if partnership_ids is not None:
        summarised = summarised.filter(partnership_id__in=partnership_ids)
    this_year = current_business_year()
    done = 0
    for partnership in Partnership.unscoped.filter(pk__in=list(summarised)).order_by("pk"):
        years = set(selectors.summary_years(partnership=partnership))
        if IndicatorSetting.objects_for(partnership).filter(business_year=this_year).exists():
            years.add(this_year)
        for year in sorted(years):
            summaries_refresh(partnership=partnership, business_year=year)
            done += 1
    return done


def summaries_stale_enqueue(partnership_ids: list[int] | None) -> None:
    """Queue the recomputation (connected to ``summaries.services.on_stale``)."""
    summaries_recompute.enqueue(partnership_ids=partnership_ids)
