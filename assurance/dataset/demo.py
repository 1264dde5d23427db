"""Demo data for the data set: the starter catalogue, the shipped national benchmarks,
Northfield's local indicators, adopted phases and who reports what (``catalogue/demo.py``), its
four localities (``localities/demo.py``) and its quarterly collection, with referrals by
locality (``collection/demo.py``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from assurance.core.history import save_as
from assurance.dataset.benchmarks.services import benchmarks_import_shipped
from assurance.dataset.catalogue.demo import (
    load_demo_configuration,
    load_demo_local_indicators,
)
from assurance.dataset.catalogue.models import IndicatorAssignment
from assurance.dataset.catalogue.services import catalogue_load
from assurance.dataset.collection.demo import (
    BY_LOCALITY,
    LOCAL_CHANGE_QUARTER,
    PUBLISHED_QUARTERS,
    load_demo_breakdown,
    load_demo_collection,
)
from assurance.dataset.collection.rules import period_containing, previous_period
from assurance.dataset.localities.demo import load_demo_localities
from assurance.dataset.localities.selectors import locality_list
from assurance.partnerships.models import Partnership, Person


def load_demo_dataset(command: Any = None) -> None:
    catalogue_load()
    results = benchmarks_import_shipped()
    if command is not None:
        rows = sum(r.rows for r in results)
        command.stdout.write(f"Data set: catalogue and {rows} benchmark rows loaded")
    northfield = Partnership.unscoped.filter(slug="northfield").first()
    if northfield is not None:
        analyst = next(
            (
                p
                for p in Person.objects_for(northfield).filter(is_active=True)
                if p.is_business_unit
            ),
            None,
        )
        # the quarter the collection's published series changes definition (its first round
        # is PUBLISHED_QUARTERS before the open one, the last completed quarter)
        period = previous_period(period_containing("quarterly", timezone.localdate()))
        for _ in range(PUBLISHED_QUARTERS - LOCAL_CHANGE_QUARTER):
            period = previous_period(period)
        load_demo_local_indicators(
            northfield, user=analyst.user if analyst else None, changes_from=period.start
        )
        if analyst is not None:
            first = previous_period(period_containing("quarterly", timezone.localdate()))
            starts = [first.start]
            for _ in range(PUBLISHED_QUARTERS):
                first = previous_period(first)
                starts.insert(0, first.start)
            load_demo_configuration(northfield, person=analyst, quarter_starts=starts)
            # four localities; referrals are collected by locality
            load_demo_localities(northfield, user=analyst.user)
            for assignment in IndicatorAssignment.objects_for(northfield).filter(
                indicator__code=BY_LOCALITY, by_locality=False
            ):
                assignment.by_locality = True
                save_as(assignment, analyst.user)
    load_demo_collection(command)
    if northfield is not None:
        load_demo_breakdown(
            northfield, localities=list(locality_list(partnership=northfield, in_use=True))
        )
