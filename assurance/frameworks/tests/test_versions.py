"""A used version is frozen; edits make a new version; themes make an adapted copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from assurance.frameworks import services
from assurance.frameworks.assessments import assessment_start
from assurance.frameworks.forms import FrameworkForm
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_first_use_freezes_and_edits_then_need_a_new_version(general, northfield, amira):
    assessment_start(framework=general, partnership=northfield.partnership)
    general.refresh_from_db()
    assert general.is_frozen
    form = FrameworkForm({"name": "Renamed", "theme": "", "description": ""}, instance=general)
    assert form.is_valid()
    with pytest.raises(services.FrozenError):
        services.framework_update(actor=actor_for_person(amira), framework=general, form=form)
    version = services.framework_new_version(actor=actor_for_person(amira), framework=general)
    assert (version.family, version.version, version.is_frozen) == (general.family, 2, False)
    assert version.sections.count() == 6


def test_adapting_for_a_theme_copies_into_a_new_family(general, amira):
    copy = services.framework_copy(
        actor=actor_for_person(amira),
        framework=general,
        name="Early help audit tool",
        theme="early help",
    )
    assert copy.family != general.family and copy.based_on == general
    assert copy.theme == "early help"
    assert [s.code for s in copy.sections.order_by("order")] == [
        s.code for s in general.sections.order_by("order")
    ]


def test_upload_page_lists_every_problem_and_imports_nothing(northfield, amira, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = (EXAMPLES / "general.yaml").read_text().replace("response: scale", "response: stars")
    response = client_for(amira).post(
        northfield.url("frameworks/upload/"), {"file": SimpleUploadedFile("bad.yaml", bad.encode())}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "field response: use one of" in response.content.decode()
    ok = client_for(amira).post(
        northfield.url("frameworks/upload/"),
        {"file": SimpleUploadedFile("good.yaml", (EXAMPLES / "neglect.yaml").read_bytes())},
    )
    assert ok.status_code == 302
