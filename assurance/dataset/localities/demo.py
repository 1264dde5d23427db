"""Northfield's localities (demo): four, as many partnerships divide their area for early help
and front-door work. Called by the data set's demo loader before collection."""

from __future__ import annotations

from typing import Any

from assurance.core.history import save_as
from assurance.dataset.localities.models import Locality
from assurance.partnerships.models import Partnership

LOCALITIES = (
    ("North Northfield", "Kingshurst, Smith's Wood and Castle Bromwich wards"),
    ("East Northfield", "Chelmsley Wood and Bickenhill wards"),
    ("Central Northfield", "Lyndon, Elmdon and Olton wards"),
    ("South Northfield", "Shirley, Blythe and Knowle wards"),
)


def load_demo_localities(partnership: Partnership, *, user: Any) -> list[Locality]:
    """Idempotent: nothing is made if the partnership has localities already."""
    existing = list(Locality.objects_for(partnership).order_by("order"))
    if existing:
        return existing
    return [
        save_as(
            Locality(partnership=partnership, name=name, description=about, order=order),
            user,
        )
        for order, (name, about) in enumerate(LOCALITIES, start=1)
    ]
