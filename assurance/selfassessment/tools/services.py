"""The self-assessment tools shipped with Assurance: Section 11 (Working Together to Safeguard
Children 2023), Section 175/157 (Keeping Children Safe in Education) and exploitation (after the
exploitation reduction self-assessment of seed 001). Each is a framework file
(``data/*.yaml``, the framework interchange format, kind ``self_assessment``) loaded into a
partnership through the framework interchange, like any tool a partnership uploads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assurance.frameworks.interchange.loading import import_file
from assurance.frameworks.models import Framework
from assurance.partnerships.models import Partnership

TOOLS = Path(__file__).resolve().parent / "data"
TOOL_FILES = ("section-11.yaml", "section-175.yaml", "exploitation.yaml")


def tool_paths() -> list[Path]:
    return [TOOLS / name for name in TOOL_FILES]


def tools_load(*, partnership: Partnership, user: Any = None) -> list[Framework]:
    """Load the shipped tools the partnership does not have yet (by name); return those added.
    A tool the partnership already has, in any version, is left as it is."""
    have = set(Framework.objects_for(partnership).values_list("name", flat=True))
    added: list[Framework] = []
    for path in tool_paths():
        content = path.read_bytes()
        name = _name_of(content)
        if name in have:
            continue
        framework = import_file(name=path.name, content=content, partnership=partnership, user=user)
        added.append(framework)
    return added


def _name_of(content: bytes) -> str:
    for line in content.decode("utf-8").splitlines():
        if line.startswith("name:"):
            return line.removeprefix("name:").strip()
    return ""
