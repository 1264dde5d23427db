"""The bench tests run each scenario on a tiny deployment with the bench's own URLconf."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from assurance.bench import data


@pytest.fixture
def bench_urls(settings: Any) -> None:
    """The bench's URLconf and its floor template, as `assurance.bench.settings` has them."""
    settings.ROOT_URLCONF = "assurance.bench.urls"
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(data.__file__).parent / "templates"]
    settings.TEMPLATES = templates
