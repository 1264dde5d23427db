"""Returns. Hannah, Larkfield Primary's designated safeguarding lead, fills in her school's
Section 175/157 return section by section, comes back to it, and confirms the answers carried
forward from last year; Sam, her deputy, can too; Grace, the head, signs it off, which locks it;
Amira (business unit) reads every return and unlocks one with a reason; Oliver, the lead of
another school, gets "not found" for Larkfield's; Helen leads for the police and fills in and
signs off her agency's Section 11 return."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from assurance.frameworks.models import Answer
from assurance.partnerships.models import Partnership, Person
from assurance.partnerships.tests.factories import Tenant
from assurance.selfassessment.returns.models import CarriedAnswer, SelfAssessmentReturn
from assurance.selfassessment.returns.tests.factories import (
    S11,
    s175_round,
    section_post,
    sections_of,
    shipped_tool,
)
from assurance.selfassessment.rounds.models import Participant, ParticipantStatus, Round
from assurance.selfassessment.rounds.tests.factories import ParticipantFactory, RoundFactory
from assurance.selfassessment.settings.models import SettingRole
from assurance.selfassessment.settings.tests.factories import (
    SettingFactory,
    SettingMemberFactory,
)

Clients = Callable[[Any], Client]


@pytest.fixture
def school(northfield: Tenant) -> dict[str, Any]:
    p = northfield.partnership
    larkfield = SettingFactory(partnership=p, name="Larkfield Primary School")
    ashby = SettingFactory(partnership=p, name="Ashby Vale Free School")
    member = SettingMemberFactory
    return {
        "larkfield": larkfield,
        "hannah": member(setting=larkfield, person__full_name="Hannah Okafor").person,
        "sam": member(setting=larkfield, role=SettingRole.DEPUTY).person,
        "grace": member(
            setting=larkfield, role=SettingRole.HEAD, person__full_name="Grace Adeyemi"
        ).person,
        "oliver": member(setting=ashby).person,
        "ashby": ashby,
    }


@pytest.fixture
def larkfield(northfield: Tenant, school: dict[str, Any]) -> Participant:
    round = s175_round(northfield.partnership, 2025)
    ParticipantFactory(round=round, setting=school["ashby"])
    return ParticipantFactory(round=round, setting=school["larkfield"])


def _url(participant: Participant, name: str = "", *extra: Any) -> str:
    tail = "/".join(str(e) for e in extra)
    base = f"/p/northfield/self-assessment/returns/{participant.pk}/"
    return base + (f"{name}/" if name else "") + (f"{tail}/" if tail else "")


def _section(participant: Participant, number: int) -> str:
    return _url(participant, "sections", number)


def _fill_all(client: Client, participant: Participant, rating: str = "Fully met") -> None:
    for number, section in enumerate(sections_of(participant.round.framework), start=1):
        revision = _revision(participant)
        response = client.post(
            _section(participant, number), section_post(section, rating=rating, revision=revision)
        )
        assert response.status_code == 302, response.content.decode()[:2000]


def _revision(participant: Participant) -> int:
    found = SelfAssessmentReturn.unscoped.filter(participant=participant).first()
    return found.assessment.revision if found else 0


def _sign_off(client: Client, participant: Participant) -> Any:
    return client.post(
        _url(participant, "check"), {"revision": _revision(participant), "confirm": "on"}
    )


def test_the_lead_saves_a_section_and_comes_back_to_it(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    hannah = client_for(school["hannah"])
    page = hannah.get(_url(larkfield))
    assert page.status_code == 200
    assert "0 of 5 sections completed" in page.content.decode()
    first = sections_of(larkfield.round.framework)[0]
    data = section_post(first, rating="Partly met", narrative="Governors' minutes, March.")
    data.pop("continue")
    data["later"] = "later"
    response = hannah.post(_section(larkfield, 1), data)
    assert response.status_code == 302 and response["Location"] == _url(larkfield)
    larkfield.refresh_from_db()
    assert larkfield.status == ParticipantStatus.IN_PROGRESS
    sa_return = larkfield.self_assessment_return
    answers = Answer.objects.filter(assessment=sa_return.assessment)
    assert answers.count() == first.items.count()
    assert {a.option.label for a in answers} == {"Partly met"}
    assert {a.evidence for a in answers} == {"Governors' minutes, March."}
    # Coming back later (a new session): the answers are on the page
    again = client_for(school["hannah"]).get(_section(larkfield, 1))
    assert "Governors&#x27; minutes, March." in again.content.decode()
    assert "1 of 5 sections completed" in hannah.get(_url(larkfield)).content.decode()


def test_save_and_continue_goes_to_the_next_section_then_to_checking(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    hannah = client_for(school["hannah"])
    sections = sections_of(larkfield.round.framework)
    response = hannah.post(_section(larkfield, 1), section_post(sections[0]))
    assert response["Location"] == _section(larkfield, 2)
    last = len(sections)
    response = hannah.post(
        _section(larkfield, last), section_post(sections[-1], revision=_revision(larkfield))
    )
    assert response["Location"] == _url(larkfield, "check")


def test_a_save_over_someone_elses_is_refused_and_nothing_is_written(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    first = sections_of(larkfield.round.framework)[0]
    client_for(school["hannah"]).post(_section(larkfield, 1), section_post(first))
    stale = section_post(first, rating="Not met", revision=0)
    response = client_for(school["sam"]).post(_section(larkfield, 1), stale)
    assert response.status_code == 200
    assert "Someone else saved this return" in response.content.decode()
    assert not Answer.objects.filter(option__label="Not met").exists()


@pytest.mark.parametrize(
    ("who", "page", "status"),
    [
        ("oliver", "", 404),  # another school's lead: not found
        ("oliver", "sections/1", 404),
        ("oliver", "print", 404),
        ("helen", "", 404),  # an agency's lead: not their agency's
        ("amira", "", 200),  # the business unit reads all
        ("amira", "print", 200),
        ("amira", "sections/1", 403),  # but does not fill them in
        ("corinne", "", 200),
        ("priya", "", 403),
        ("grace", "", 200),  # the head reads hers
        ("sam", "sections/1", 200),
    ],
)
def test_who_opens_a_schools_return(
    larkfield: Participant,
    school: dict[str, Any],
    client_for: Clients,
    request: pytest.FixtureRequest,
    who: str,
    page: str,
    status: int,
) -> None:
    person = school[who] if who in school else request.getfixturevalue(who)
    url = _url(larkfield) + (f"{page}/" if page else "")
    assert client_for(person).get(url).status_code == status


def test_the_head_signs_off_but_does_not_fill_in(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    grace = client_for(school["grace"])
    first = sections_of(larkfield.round.framework)[0]
    assert grace.get(_section(larkfield, 1))["Location"] == _url(larkfield)
    assert grace.post(_section(larkfield, 1), section_post(first)).status_code == 403
    # Hannah checks the answers but may not sign off
    hannah = client_for(school["hannah"])
    check = hannah.get(_url(larkfield, "check")).content.decode()
    assert "Sign off and submit the return" not in check
    assert _sign_off(hannah, larkfield).status_code == 403
    assert hannah.post(_url(larkfield, "check"), {}).status_code == 403


def test_sign_off_is_refused_until_every_standard_is_answered_then_locks_the_return(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    hannah, grace = client_for(school["hannah"]), client_for(school["grace"])
    sections = sections_of(larkfield.round.framework)
    hannah.post(_section(larkfield, 1), section_post(sections[0]))
    refused = _sign_off(grace, larkfield)
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "The return cannot be submitted yet" in text and "2.1: give a response." in text
    larkfield.refresh_from_db()
    assert larkfield.status == ParticipantStatus.IN_PROGRESS
    _fill_all(hannah, larkfield)
    response = _sign_off(grace, larkfield)
    assert response.status_code == 302
    larkfield.refresh_from_db()
    assert larkfield.status == ParticipantStatus.SUBMITTED and larkfield.submitted_at
    sa_return = larkfield.self_assessment_return
    assert sa_return.is_locked and sa_return.signed_off_by == school["grace"]
    # Locked: the sections cannot be opened or saved, and the page says who signed it off
    assert hannah.get(_section(larkfield, 1))["Location"] == _url(larkfield)
    again = hannah.post(
        _section(larkfield, 1),
        section_post(sections[0], rating="Not met", revision=_revision(larkfield)),
    )
    assert "signed off and submitted, so it cannot be changed" in again.content.decode()
    assert not Answer.objects.filter(option__label="Not met").exists()
    page = hannah.get(_url(larkfield)).content.decode()
    assert "Grace Adeyemi" in page and "Check the answers" not in page


def test_the_business_unit_unlocks_with_a_reason_and_the_school_is_emailed(
    larkfield: Participant,
    school: dict[str, Any],
    amira: Person,
    client_for: Clients,
    django_capture_on_commit_callbacks: Any,
) -> None:
    _fill_all(client_for(school["hannah"]), larkfield)
    _sign_off(client_for(school["grace"]), larkfield)
    bu = client_for(amira)
    refused = bu.post(_url(larkfield, "unlock"), {"reason": "  "})
    assert "Enter why the return is being unlocked" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = bu.post(
            _url(larkfield, "unlock"), {"reason": "Standard 3.2 rates the policy before review."}
        )
    assert response.status_code == 302
    larkfield.refresh_from_db()
    sa_return = larkfield.self_assessment_return
    assert larkfield.status == ParticipantStatus.IN_PROGRESS and not sa_return.is_locked
    assert sa_return.history.first().unlock_reason.startswith("Standard 3.2")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        school[k].email for k in ("hannah", "sam", "grace")
    )
    assert "Standard 3.2 rates the policy" in mail.outbox[0].body
    # Hannah can change it again; the reason is on her page
    hannah = client_for(school["hannah"])
    assert hannah.get(_section(larkfield, 3)).status_code == 200
    assert "Standard 3.2 rates the policy" in hannah.get(_url(larkfield)).content.decode()
    # Only the business unit unlocks
    assert client_for(school["hannah"]).get(_url(larkfield, "unlock")).status_code == 403


def _submitted_last_year(
    p: Partnership, school: dict[str, Any], hannah: Client, grace: Client
) -> Participant:
    """Larkfield's return to last year's round of the tool, every standard "Partly met",
    filled in by Hannah and signed off by Grace."""
    last_year = ParticipantFactory(
        round=s175_round(p, 2024, deadline="2025-03-31"), setting=school["larkfield"]
    )
    _fill_all(hannah, last_year, rating="Partly met")
    assert _sign_off(grace, last_year).status_code == 302
    return last_year


def test_answers_are_carried_forward_from_last_years_return_and_must_be_confirmed(
    northfield: Tenant, school: dict[str, Any], client_for: Clients
) -> None:
    p = northfield.partnership
    hannah, grace = client_for(school["hannah"]), client_for(school["grace"])
    last_year = _submitted_last_year(p, school, hannah, grace)
    this_year = ParticipantFactory(
        round=RoundFactory(partnership=p, framework=last_year.round.framework, year=2025),
        setting=school["larkfield"],
    )
    sections = sections_of(this_year.round.framework)
    # The first save begins the return: every answer of last year is copied and marked
    data = section_post(sections[0], rating="Fully met", narrative="New minutes, 2026.")
    hannah.post(_section(this_year, 1), data)
    sa_return = this_year.self_assessment_return
    assert sa_return.carried_from == last_year.self_assessment_return
    carried = CarriedAnswer.unscoped.filter(sa_return=sa_return)
    assert carried.count() == 14
    # The three of section 1 were changed, so they are confirmed; the rest wait
    assert carried.filter(confirmed_at__isnull=True).count() == 11
    page = hannah.get(_section(this_year, 2)).content.decode()
    assert "Carried forward from your last return" in page and "Partly met" in page
    assert "11 answers were carried forward" in hannah.get(_url(this_year)).content.decode()
    refused = _sign_off(grace, this_year).content.decode()
    assert "Confirm or change the answers carried forward from the last round: 2.1, 2.2" in refused
    # Ticking "still true" confirms an answer without changing it
    second = sections[1]
    data = section_post(second, rating="Partly met", revision=_revision(this_year))
    data.update(
        {
            f"evidence_{i.pk}": f"Our evidence for {i.code}: minutes, logs."
            for i in second.items.all()
        }
    )
    first_item = second.items.order_by("order")[0]
    data[f"confirm_{first_item.pk}"] = "on"
    hannah.post(_section(this_year, 2), data)
    assert carried.get(item=first_item).confirmed_at is not None
    assert carried.filter(confirmed_at__isnull=True).count() == 10
    # Confirm the rest by ticking each, then Grace signs it off
    for number, section in enumerate(sections[1:], start=2):
        data = section_post(section, rating="Partly met", revision=_revision(this_year))
        data.update({f"confirm_{i.pk}": "on" for i in section.items.all()})
        hannah.post(_section(this_year, number), data)
    assert carried.filter(confirmed_at__isnull=True).count() == 0
    assert _sign_off(grace, this_year).status_code == 302


def test_answers_are_carried_forward_into_a_new_version_of_the_tool(
    northfield: Tenant, school: dict[str, Any], amira: Person, client_for: Clients
) -> None:
    """Last year's return was to version 1 of the tool; this year's round uses version 2, in
    which one standard has a new code and another a different scale. The answers carry forward
    to the standards of the same code, each with the option of the same label: none to the
    renumbered standard, none to the one whose scale has no "Partly met"."""
    from assurance.frameworks.models import Item
    from assurance.frameworks.services import framework_new_version, scale_yes_no_na
    from assurance.partnerships.access import actor_for_person

    p = northfield.partnership
    hannah, grace = client_for(school["hannah"]), client_for(school["grace"])
    last_year = _submitted_last_year(p, school, hannah, grace)
    first = last_year.round.framework
    second = framework_new_version(actor=actor_for_person(amira), framework=first)
    assert (second.family, second.version) == (first.family, first.version + 1)
    renumbered, rescaled, kept, *_ = Item.objects.filter(section__framework=second).order_by(
        "section__order", "order"
    )
    Item.objects.filter(pk=renumbered.pk).update(code="9.9")
    Item.objects.filter(pk=rescaled.pk).update(scale=scale_yes_no_na(partnership=p))
    this_year = ParticipantFactory(
        round=RoundFactory(partnership=p, framework=second, year=2025),
        setting=school["larkfield"],
    )
    hannah.get(_url(this_year))  # nothing is begun by looking
    assert not SelfAssessmentReturn.unscoped.filter(participant=this_year).exists()
    sections = sections_of(second)
    data = section_post(sections[1], rating="Fully met")
    hannah.post(_section(this_year, 2), data)  # begins the return (and saves section 2)
    sa_return = this_year.self_assessment_return
    assert sa_return.carried_from == last_year.self_assessment_return
    carried = CarriedAnswer.unscoped.filter(sa_return=sa_return)
    total = Item.objects.filter(section__framework=first).count()
    assert carried.count() == total - 2
    assert not carried.filter(item__in=[renumbered, rescaled]).exists()
    answers = Answer.objects.filter(assessment=sa_return.assessment)
    assert not answers.filter(item__in=[renumbered, rescaled]).exists()
    answer = answers.select_related("option", "item").get(item=kept)
    assert answer.item.section.framework_id == second.pk
    assert answer.option.label == "Partly met" and answer.option.scale_id == kept.scale_id
    assert answer.evidence == f"Our evidence for {kept.code}: minutes, logs."


def test_an_agencys_leads_fill_in_and_sign_off_its_section_11_return(
    northfield: Tenant, helen: Person, farah: Person, client_for: Clients
) -> None:
    p = northfield.partnership
    round = RoundFactory(
        partnership=p, framework=shipped_tool(p, S11), audience="agencies", year=2024
    )
    police = Participant.unscoped.create(partnership=p, round=round, agency=northfield.police)
    helen_client = client_for(helen)
    _fill_all(helen_client, police)
    assert client_for(farah).get(_url(police)).status_code == 404  # the council's lead
    assert _sign_off(helen_client, police).status_code == 302
    police.refresh_from_db()
    assert police.status == ParticipantStatus.SUBMITTED


def test_the_return_prints_as_a_page_and_a_pdf(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    hannah = client_for(school["hannah"])
    first = sections_of(larkfield.round.framework)[0]
    hannah.post(
        _section(larkfield, 1),
        section_post(first, rating="Not met", narrative="No named governor yet."),
    )
    page = hannah.get(_url(larkfield, "print")).content.decode()
    assert "Not met" in page and "No named governor yet." in page and "Not rated" in page
    pdf = hannah.get(f"/p/northfield/self-assessment/returns/{larkfield.pk}/return.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("start", "to", "allowed"),
    [
        ("not_started", "in_progress", True),
        ("in_progress", "submitted", True),
        ("submitted", "in_progress", True),
        ("in_progress", "in_progress", True),
        ("not_started", "submitted", False),
        ("submitted", "not_started", False),
    ],
)
def test_a_participants_status_moves_only_forward_or_back_on_unlock(
    northfield: Tenant, amira: Person, start: str, to: str, allowed: bool
) -> None:
    from django.core.exceptions import ValidationError

    from assurance.selfassessment.rounds.services import participant_status_move

    participant = ParticipantFactory(round__partnership=northfield.partnership, status=start)
    if allowed:
        participant_status_move(participant=participant, status=to, actor=amira.user)
        participant.refresh_from_db()
        assert participant.status == to
        assert (participant.submitted_at is not None) == (to == "submitted")
    else:
        with pytest.raises(ValidationError):
            participant_status_move(participant=participant, status=to, actor=amira.user)


def test_nothing_is_started_by_opening_the_pages(
    larkfield: Participant, school: dict[str, Any], client_for: Clients
) -> None:
    hannah = client_for(school["hannah"])
    for url in (
        _url(larkfield),
        _section(larkfield, 1),
        _url(larkfield, "check"),
        _url(larkfield, "print"),
    ):
        assert hannah.get(url).status_code == 200
    larkfield.refresh_from_db()
    assert larkfield.status == ParticipantStatus.NOT_STARTED
    assert not SelfAssessmentReturn.unscoped.exists()
    assert Round.unscoped.count() == 1


def test_evidence_files_are_checked_by_content_and_links_kept_per_standard(
    larkfield: Participant,
    school: dict[str, Any],
    client_for: Clients,
    tmp_path: Any,
    settings: Any,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    hannah = client_for(school["hannah"])
    first = sections_of(larkfield.round.framework)[0]
    item = first.items.order_by("order")[0]
    # "Save and add a file or link" saves the section, then opens the evidence page
    data = section_post(first)
    data["evidence"] = str(item.pk)
    response = hannah.post(_section(larkfield, 1), data)
    add = _url(larkfield, "standards", f"{item.pk}/evidence")
    assert response["Location"] == add
    assert Answer.objects.filter(item=item).exists()
    # A program renamed as a PDF is refused, naming why; nothing is stored
    fake = SimpleUploadedFile(
        "minutes.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    refused = hannah.post(add, {"description": "Governors' minutes", "file": fake})
    assert "is not a real PDF file" in refused.content.decode()
    both = hannah.post(
        add,
        {
            "description": "Minutes",
            "file": SimpleUploadedFile("m.pdf", b"%PDF-1.7 minutes"),
            "link": "https://larkfield.example/policy",
        },
    )
    assert "not both" in both.content.decode()
    bad_link = hannah.post(add, {"description": "Policy", "link": "javascript:alert(1)"})
    assert bad_link.status_code == 200
    assert not larkfield.self_assessment_return.evidence.exists()
    pdf = SimpleUploadedFile("minutes.pdf", b"%PDF-1.7 the minutes", content_type="application/pdf")
    assert hannah.post(add, {"description": "Governors' minutes", "file": pdf}).status_code == 302
    link = {"description": "Our published policy", "link": "https://larkfield.example/policy"}
    assert hannah.post(add, link).status_code == 302
    evidence = list(larkfield.self_assessment_return.evidence.order_by("pk"))
    assert [e.item_id for e in evidence] == [item.pk, item.pk]
    # Listed on the section, the check page and the print; the file is read by the business unit
    page = hannah.get(_section(larkfield, 1)).content.decode()
    assert "Governors&#x27; minutes" in page and "https://larkfield.example/policy" in page
    print_page = client_for(school["grace"]).get(_url(larkfield, "print")).content.decode()
    assert "Our published policy (https://larkfield.example/policy)" in print_page
    file_url = _url(larkfield, "evidence", evidence[0].pk)
    assert b"".join(client_for(school["grace"]).get(file_url).streaming_content).startswith(b"%PDF")
    assert client_for(school["oliver"]).get(file_url).status_code == 404
    # Removed by the lead (kept in history)
    remove = _url(larkfield, "evidence", f"{evidence[1].pk}/remove")
    assert hannah.post(remove, {}).status_code == 302
    assert larkfield.self_assessment_return.evidence.count() == 1
