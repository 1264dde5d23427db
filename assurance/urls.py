"""The service's URLs. Every page of a partnership sits under /p/<partnership>/, mounted here
once: the permission layer reads the partnership from that prefix (docs/adr/001)."""

import importlib
import re

from django.urls import URLPattern, URLResolver, include, path, re_path

from assurance.annualreport import urls as annualreport
from assurance.partnerships.views import HomeView
from assurance.selfassessment import urls as selfassessment
from assurance.training import urls as training
from assurance.voice import urls as voice

PARTNERSHIP = "p/<slug:partnership_slug>/"


def first_segments(patterns: list[URLPattern | URLResolver], prefix: str = "") -> set[str] | None:
    """The first segments of every address under ``patterns`` ("" for the prefix itself), or
    None when one starts with a converter or a regular expression (anything may follow)."""
    found: set[str] = set()
    for pattern in patterns:
        route = getattr(pattern.pattern, "_route", None)
        if route is None:
            return None
        full = prefix + route
        if isinstance(pattern, URLResolver):
            deeper = first_segments(pattern.url_patterns, full)
            if deeper is None:
                return None
            found |= deeper
            continue
        first = full.split("/", 1)[0]
        if "<" in first:
            return None
        found.add(first)
    return found


def mounted(module: str) -> URLPattern | URLResolver:
    """A capability's pages under the partnership's prefix. Each app's addresses start with a
    few words of its own (``audits/``, ``data-set/``): the include is tried only for those, so
    resolving a page no longer walks (and fails through) every other app's patterns first.
    An app whose addresses start with anything else is tried for every address."""
    segments = first_segments(importlib.import_module(module).urlpatterns)
    if segments is None:
        return path("", include(module))
    words = sorted(re.escape(segment) for segment in segments if segment)
    ends = [f"(?:{'|'.join(words)})/"] if words else []
    if "" in segments:
        ends.append("$")
    return re_path(rf"^(?={'|'.join(ends)})", include(module))


partnership_pages = [
    mounted("assurance.frameworks.urls"),
    mounted("assurance.audits.urls"),
    mounted("assurance.improvement.urls"),
    mounted("assurance.reviews.urls"),
    mounted("assurance.dataset.urls"),
    mounted("assurance.selfassessment.urls"),
    mounted("assurance.partnerships.urls"),
    mounted("assurance.search.urls"),
    mounted("assurance.voice.urls"),
    mounted("assurance.training.urls"),
    mounted("assurance.annualreport.urls"),
]

urlpatterns = [
    path("", include("assurance.core.urls")),
    path("accounts/", include("assurance.accounts.urls")),
    path("api/v1/", include("assurance.api.urls")),
    # The practitioner's training pages: no account, no partnership prefix (booking links).
    path("training/", include((training.public_urlpatterns, "training_public"))),
    path(PARTNERSHIP, include(partnership_pages)),
    # The child-friendly feedback form, by its open link: no sign-in (assurance/voice).
    path("say/", include(voice.public)),
    # The practitioners' survey of a self-assessment round, by its open link: no sign-in.
    path("staff-survey/", include(selfassessment.public)),
    # Published annual reports and their young people's versions: public (assurance/annualreport).
    path("annual-reports/", include(annualreport.public)),
    # The front page: the partnerships you belong to (straight to yours if you have one).
    path("", HomeView.as_view(), name="home"),
]

handler400 = "assurance.core.views.error_400"
handler403 = "assurance.core.views.error_403"
handler404 = "assurance.core.views.error_404"
handler500 = "assurance.core.views.error_500"
