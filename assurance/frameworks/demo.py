"""The shipped example audit tools, imported into each demo partnership (idempotently)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assurance.frameworks.interchange.format import validate
from assurance.frameworks.interchange.loading import write
from assurance.frameworks.interchange.yaml_files import read_yaml
from assurance.frameworks.models import Framework
from assurance.partnerships.models import Partnership

EXAMPLES = Path(__file__).resolve().parent / "examples"


def load_example_frameworks(command: Any = None) -> None:
    for partnership in Partnership.unscoped.filter(slug__in=["northfield", "southvale"]):
        for path in sorted(EXAMPLES.glob("*.yaml")):
            plan = validate(read_yaml(path.read_text()))
            if not Framework.objects_for(partnership).filter(name=plan.name).exists():
                write(plan, partnership=partnership)
