"""The demo partnerships get the shipped self-assessment tools (idempotent)."""

from __future__ import annotations

from typing import Any

from assurance.partnerships.models import Partnership
from assurance.selfassessment.tools.services import tools_load


def load_demo_tools(command: Any = None) -> None:
    for partnership in Partnership.unscoped.filter(slug__in=["northfield", "southvale"]):
        tools_load(partnership=partnership)
