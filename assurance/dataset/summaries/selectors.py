"""Reads of the data version of a partnership's summaries."""

from __future__ import annotations

from assurance.dataset.summaries.models import SummaryVersion
from assurance.partnerships.models import Partnership


def summary_version(*, partnership: Partnership) -> int | None:
    """The partnership's current data version; None before anything was ever summarised."""
    return SummaryVersion.objects_for(partnership).values_list("version", flat=True).first()
