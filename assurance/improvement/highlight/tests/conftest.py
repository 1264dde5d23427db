"""The data set's fixtures the highlight report's tests use: Northfield's POL-RHI72 on a
scorecard with two published quarters, an exception (``rhi``), and the catalogue it needs."""

from assurance.dataset.conftest import catalogue  # noqa: F401 (a fixture)
from assurance.dataset.performance.tests.conftest import rhi  # noqa: F401 (a fixture)
