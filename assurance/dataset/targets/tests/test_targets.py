"""The targets page: a target, its tolerance and scorecard priorities per business year, with
its history."""

from __future__ import annotations

from decimal import Decimal

from assurance.dataset.targets.models import IndicatorSetting
from assurance.partnerships.tests.factories import PriorityFactory

SOLIHULL = "E08000029"


def test_targets_page_sets_target_tolerance_and_priorities_with_history(
    solihull, amira, dev, client_for
):
    from assurance.core.business_year import current_business_year

    year = current_business_year()
    priority = PriorityFactory(
        partnership=solihull.partnership, business_year=year, title="Neglect"
    )
    c = client_for(amira)
    url = solihull.url(f"data-set/targets/CSC-REREF/{year}/")
    bad = c.post(url, {"target": "120", "tolerance": "-1"})
    assert bad.status_code == 200
    page = bad.content.decode()
    assert "Enter a target between 0 and 100" in page and "Enter a tolerance of 0 or more" in page
    ok = c.post(url, {"target": "18", "tolerance": "2", "priorities": [priority.pk]})
    assert ok.status_code == 302
    setting = IndicatorSetting.objects_for(solihull.partnership).get(
        indicator__code="CSC-REREF", business_year=year
    )
    assert (setting.target, setting.tolerance) == (Decimal(18), Decimal(2))
    assert list(setting.priorities.all()) == [priority]
    c.post(url, {"target": "17", "tolerance": "2", "priorities": [priority.pk]})
    history = c.get(solihull.url(f"data-set/targets/CSC-REREF/{year}/history/")).content.decode()
    assert "Scorecard priorities: Neglect" in history and "17" in history
    listing = client_for(dev).get(solihull.url(f"data-set/targets/?year={year}")).content.decode()
    assert "Neglect" in listing and ">17<" in listing
    assert client_for(dev).post(url, {"target": "1"}).status_code == 403
