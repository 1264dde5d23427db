"""The app's models, for Django: each is defined in the sub-package of its domain noun
(catalogue, benchmarks, targets, localities, collection, performance, summaries); import them
from there."""

from assurance.dataset.benchmarks.models import (
    Benchmark,
)
from assurance.dataset.catalogue.models import (
    DefinitionChange,
    Indicator,
    IndicatorAssignment,
    PhaseAdoption,
)
from assurance.dataset.collection.models import (
    AgencySignOff,
    Chase,
    CollectionRound,
    IndicatorValue,
    LocalityValue,
    Revision,
)
from assurance.dataset.localities.models import (
    Locality,
)
from assurance.dataset.performance.models import (
    IndicatorSummary,
)
from assurance.dataset.summaries.models import (
    SummaryVersion,
)
from assurance.dataset.targets.models import (
    IndicatorSetting,
)

__all__ = [
    "AgencySignOff",
    "Benchmark",
    "Chase",
    "CollectionRound",
    "DefinitionChange",
    "Indicator",
    "IndicatorAssignment",
    "IndicatorSetting",
    "IndicatorSummary",
    "IndicatorValue",
    "Locality",
    "LocalityValue",
    "PhaseAdoption",
    "Revision",
    "SummaryVersion",
]
