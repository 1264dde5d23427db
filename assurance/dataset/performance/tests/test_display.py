"""What the scorecard's rows and the exception report's entries show, worked out once per row
(``performance/display.py``), and drawn once per content (ADR 032)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.template.defaultfilters import floatformat
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assurance.dataset.catalogue.models import Indicator
from assurance.dataset.charts.icons import SPC_KEY
from assurance.dataset.performance import display


def _row(page: str) -> str:
    return page.split('id="row-POL-RHI72"')[1].split("</tr>")[0]


@pytest.mark.parametrize(
    "value",
    ["0", "1", "2.25", "2.35", "-2.25", "-0.04", "0.05", "1234.5678", "99.9999", "12", "7.5"],
)
@pytest.mark.parametrize("places", [0, 1, 2])
def test_figures_are_written_as_floatformat_writes_them(value, places):
    """Half up, never "-0.0", no thousands separator: as the templates wrote them before."""
    d = Decimal(value)
    assert display._fixed(d, places) == floatformat(d, places)
    assert display._fixed(d, places, whole=True) == floatformat(d, f"-{places}")
    assert display._fixed(float(value), places) == floatformat(d, places)
    assert display._fixed(None, places) == ""


def test_each_indicator_page_address_is_the_reversed_one():
    codes = ["CSC-REF", "NF-LADO", "A1", "BENCH-000"]
    assert display.indicator_hrefs("north-field", codes) == {
        code: reverse("dataset:indicator_detail", args=["north-field", code]) for code in codes
    }


def _main(page: str) -> str:
    """The page's main content (the header's search form carries a token of each request)."""
    return page.split('<main class="govuk-main-wrapper"')[1].split("</main>")[0]


def _icons_drawn(response) -> int:
    return sum(t.name == "dataset/_spc_icon.html" for t in response.templates)


def test_the_rows_are_drawn_once_per_content(rhi, amira, client_for):
    """The second request of the same scorecard draws no icon: its rows, and the key below
    them, come drawn from the cache, and the rows are not read. A change of anything a row
    shows, even one that moves no data version (an indicator's title), is drawn anew at once."""
    c = client_for(amira)
    url = rhi.url(f"data-set/scorecards/{rhi.priority.pk}/")
    key_icons = len(SPC_KEY)
    first = c.get(url)
    assert _icons_drawn(first) == key_icons + 2  # the row's variation and assurance icons
    with CaptureQueriesContext(connection) as captured:
        again = c.get(url)
    assert _icons_drawn(again) == 0
    assert _row(again.text) == _row(first.text)
    # nor are its summary rows read: their versions and fingerprints say they are current
    assert not [q for q in captured if '"dataset_indicatorsummary"."value"' in q["sql"]]
    assert [q for q in captured if '"dataset_indicatorsummary"."inputs"' in q["sql"]]

    Indicator.objects.filter(code="POL-RHI72").update(title="Return interviews in 72 hours")
    renamed = c.get(url)
    assert _icons_drawn(renamed) == 2
    assert "Return interviews in 72 hours" in _row(renamed.text)


def test_the_exceptions_drawn_before_are_shown_without_reading_them(rhi, amira, helen, client_for):
    """The exception report shows its entries as drawn before while every summary row is
    current, without reading them; a revised value is read and drawn anew at once."""
    from assurance.dataset.collection import services as collection
    from assurance.dataset.collection.models import IndicatorValue
    from assurance.dataset.collection.rules import Entry
    from assurance.partnerships.access import actor_for_person

    c = client_for(amira)
    url = rhi.url("data-set/exceptions/")
    first = c.get(url)
    assert "Target missed: 72.6 against" in first.text
    with CaptureQueriesContext(connection) as captured:
        again = c.get(url)
    assert _main(again.text) == _main(first.text)
    assert not [q for q in captured if '"dataset_indicatorsummary"."value"' in q["sql"]]
    latest = IndicatorValue.objects_for(rhi.partnership).order_by("-round__period_start")[0]
    collection.value_revise(
        actor=actor_for_person(helen),
        value=latest,
        entry=Entry("60", "84", commentary="Late."),
        reason="Late.",
    )
    assert "Target missed: 71.4 against" in c.get(url).text


def test_rows_drawn_while_the_figures_change_are_not_kept_as_the_newer_ones(
    rhi, amira, client_for, monkeypatch
):
    """A table drawn while a change moved the data version on (and its task computed the rows
    anew) may show the figures before it: it is kept under its own digest, never under the key
    of the newer state, whose first request draws the table afresh."""
    from assurance.dataset.performance import services
    from assurance.dataset.summaries.services import summaries_stale
    from assurance.dataset.targets.models import IndicatorSetting

    c = client_for(amira)
    url = rhi.url(f"data-set/scorecards/{rhi.priority.pk}/")
    p = rhi.partnership
    c.get(url)  # the key below the table drawn (once)
    IndicatorSetting.objects_for(p).update(target=Decimal(60))  # not current: drawn anew
    real = display.table_rows

    def drawn_while_changing(*args, **kwargs):
        rows = real(*args, **kwargs)
        summaries_stale(partnerships=[p])  # a change meanwhile, and its task's recomputation
        services.summaries_refresh(partnership=p, business_year=rhi.year)
        return rows

    monkeypatch.setattr(display, "table_rows", drawn_while_changing)
    assert _icons_drawn(c.get(url)) == 2
    monkeypatch.setattr(display, "table_rows", real)
    assert _icons_drawn(c.get(url)) == 2  # the newer state: drawn, not reused
    assert _icons_drawn(c.get(url)) == 0


def test_another_partnership_never_gets_the_rows_drawn_for_one():
    row = {"code": "CSC-REF", "value": "12.5%"}
    assert display.digest([row], partnership_id=1) != display.digest([row], partnership_id=2)
    assert display.digest([row], partnership_id=1) == display.digest([dict(row)], partnership_id=1)
    assert display.digest([row], partnership_id=1) != display.digest(
        [{**row, "value": "12.6%"}], partnership_id=1
    )


@pytest.mark.parametrize("view", ["", "?view=cards", "exceptions"])
def test_the_cached_rows_are_the_rows_drawn_afresh(view, rhi, amira, client_for):
    """What a page shows from the cache is exactly what it drew."""
    c = client_for(amira)
    url = (
        rhi.url("data-set/exceptions/")
        if view == "exceptions"
        else rhi.url(f"data-set/scorecards/{rhi.priority.pk}/{view}")
    )
    first, again = c.get(url), c.get(url)
    assert first.status_code == again.status_code == 200
    assert _main(first.text) == _main(again.text)
    assert "POL-RHI72" in again.text


def test_templates_are_compiled_once_in_every_environment():
    """No ``loaders`` option: Django then caches each compiled template (its cached loader),
    in production as here; the pages' drawings build on that."""
    from django.conf import settings
    from django.template import engines

    assert all("loaders" not in t.get("OPTIONS", {}) for t in settings.TEMPLATES)
    (loader,) = engines["django"].engine.template_loaders
    assert type(loader).__module__ == "django.template.loaders.cached"
