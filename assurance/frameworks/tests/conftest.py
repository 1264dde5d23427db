"""The frameworks tests' tool: the general example framework (every response type) imported into
Northfield."""

from __future__ import annotations

from pathlib import Path

import pytest

from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.models import Framework
from assurance.partnerships.tests.factories import Tenant

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture
def general(northfield: Tenant) -> Framework:
    """examples/general.yaml: six sections with scale, yes/no/N/A, number, date and text items."""
    return import_file(
        name="general.yaml",
        content=(EXAMPLES / "general.yaml").read_bytes(),
        partnership=northfield.partnership,
    )
