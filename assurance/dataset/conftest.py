"""The data set tests' fixtures: the indicator catalogue, and Northfield as the partnership of a
real local authority (Solihull) with the published benchmarks loaded. The personas come from the
root conftest."""

from __future__ import annotations

import pytest

from assurance.dataset.benchmarks.reader import DATA_DIR
from assurance.dataset.benchmarks.services import benchmarks_import
from assurance.dataset.catalogue.services import catalogue_load
from assurance.partnerships.neighbours import dfe_2025_neighbours
from assurance.partnerships.tests.factories import Tenant

SOLIHULL = "E08000029"


@pytest.fixture
def catalogue(db: None) -> None:
    """The shipped indicator catalogue (starter.yaml)."""
    catalogue_load()


@pytest.fixture
def solihull(northfield: Tenant, catalogue: None) -> Tenant:
    """Northfield as Solihull's partnership (E08000029, DfE number 334) with its ten DfE 2025
    statistical neighbours, and the published C1 referrals and re-referrals (2013 to 2025)."""
    p = northfield.partnership
    p.la_code, p.la_number, p.local_authority_name = SOLIHULL, "334", "Solihull"
    p.statistical_neighbours = " ".join(dfe_2025_neighbours("334"))
    p.save()
    benchmarks_import(
        path=DATA_DIR / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
    )
    return northfield
