"""Demo targets, tolerances and scorecard priorities for the demo partnerships (idempotent):
the current and previous business years, each indicator under the priority it speaks to."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assurance.core.business_year import current_business_year
from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.models import Partnership, Priority

# code: (target, tolerance, priority titles); None target: shown without a rating
DEMO_TARGETS: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {
    "CSC-REF-RATE": (None, None, ("Early help",)),
    "CSC-REREF": ("20", "2", ("Early help", "Neglect")),
    "CSC-ASS45": ("85", "5", ("Neglect",)),
    "CSC-ICPC15": ("80", "5", ("Neglect",)),
    "CSC-CPP-2Y": ("3", "1", ("Neglect",)),
    "CSC-CPP-SUB": ("22", "3", ("Neglect", "Domestic abuse")),
    "CSC-CLA-START-RATE": (None, None, ("Neglect",)),
    "CSC-CLA-MISSING": ("10", "2", ("Exploitation",)),
    "POL-MISSING": (None, None, ("Exploitation",)),
    "POL-RHI72": ("80", "10", ("Exploitation",)),
    "POL-DA-CHILD": (None, None, ("Domestic abuse",)),
    "EDU-CIN-PA": ("25", "3", ("Neglect",)),
    "HEALTH-IHA20": ("70", "10", ("Neglect",)),
    "EH-ASSESS": (None, None, ("Early help",)),
    "EH-STEPUP": (None, None, ("Early help",)),
    "WF-TURNOVER": ("15", "2", ()),
    "WF-VACANCY": ("15", "3", ()),
    "WF-AGENCY": ("15", "3", ()),
    "WF-CASELOAD": ("17", "2", ()),
}


def load_demo_targets(command: Any = None) -> None:
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=DEMO_TARGETS)}
    this_year = current_business_year()
    count = 0
    for partnership in Partnership.unscoped.filter(slug__in=["northfield", "southvale"]):
        for year in (this_year - 1, this_year):
            priorities = {
                p.title: p for p in Priority.objects_for(partnership).filter(business_year=year)
            }
            for code, (target, tolerance, titles) in DEMO_TARGETS.items():
                if code not in indicators:
                    continue
                setting, created = IndicatorSetting.unscoped.get_or_create(
                    partnership=partnership,
                    indicator=indicators[code],
                    business_year=year,
                    defaults={
                        "target": Decimal(target) if target else None,
                        "tolerance": Decimal(tolerance) if tolerance else None,
                    },
                )
                if created:
                    setting.priorities.set([priorities[t] for t in titles if t in priorities])
                    count += 1
    if command is not None:
        command.stdout.write(f"Data set: {count} demo targets set")
