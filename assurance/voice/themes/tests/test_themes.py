"""The business unit tags feedback with the learning cycle's themes, one piece or many at once,
and chooses quotes; a possible disclosure is never listed, tagged or quoted.

Amira (the business unit) tags; Corinne (the scrutineer) reads but does not tag."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assurance.improvement.learning.tests.factories import LearningThemeFactory
from assurance.partnerships.access import actor_for_person
from assurance.partnerships.models import Person
from assurance.partnerships.tests.factories import Tenant
from assurance.voice.feedback.models import Feedback
from assurance.voice.feedback.tests.factories import FeedbackFactory
from assurance.voice.themes import services
from assurance.voice.themes.models import ChosenQuote, FeedbackTheme
from assurance.voice.themes.tests.factories import FeedbackThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(northfield: Tenant) -> list:
    p = northfield.partnership
    return [
        LearningThemeFactory(partnership=p, title="Hearing the child"),
        LearningThemeFactory(partnership=p, title="Sharing information between agencies"),
    ]


def themes_of(feedback: Feedback) -> set[str]:
    return {t.theme.title for t in FeedbackTheme.unscoped.filter(feedback=feedback)}


def test_the_business_unit_tags_a_piece_of_feedback_and_chooses_its_quote(
    northfield: Tenant, amira: Person, themes: list, client_for
) -> None:
    piece = FeedbackFactory(partnership=northfield.partnership, good="She listened to me")
    url = reverse("voice:feedback_themes", args=[northfield.slug, piece.pk])
    client = client_for(amira)
    assert "She listened to me" in client.get(url).content.decode()
    response = client.post(url, {"themes": [themes[0].pk, themes[1].pk], "part": "good"})
    assert response.status_code == 302
    assert themes_of(piece) == {"Hearing the child", "Sharing information between agencies"}
    assert ChosenQuote.unscoped.get(feedback=piece).text == "She listened to me"

    # Untick a theme and stop quoting: both undone, and the history says who did it.
    client.post(url, {"themes": [themes[0].pk], "part": ""})
    assert themes_of(piece) == {"Hearing the child"}
    assert not ChosenQuote.unscoped.filter(feedback=piece).exists()
    removed = FeedbackTheme.history.filter(history_type="-").get()
    assert removed.history_user == amira.user

    page = client.get(reverse("voice:feedback_detail", args=[northfield.slug, piece.pk]))
    assert "Hearing the child" in page.content.decode()
    listing = client.get(reverse("voice:feedback_list", args=[northfield.slug]))
    assert "Hearing the child" in listing.content.decode()


def test_quoting_empty_words_is_refused_with_a_message(
    northfield: Tenant, amira: Person, client_for
) -> None:
    piece = FeedbackFactory(partnership=northfield.partnership, good="Kind", better="")
    url = reverse("voice:feedback_themes", args=[northfield.slug, piece.pk])
    response = client_for(amira).post(url, {"part": "better"})
    assert response.status_code == 200
    assert "What could be better is empty in this feedback" in response.content.decode()
    assert not ChosenQuote.unscoped.exists()


def test_many_pieces_are_tagged_at_once_from_a_page_of_feedback(
    northfield: Tenant, amira: Person, themes: list, client_for
) -> None:
    p = northfield.partnership
    first, second, third = (FeedbackFactory(partnership=p, good=f"Said {n}") for n in range(3))
    services.feedback_tag_many(actor=actor_for_person(amira), feedback=[second], theme=themes[0])
    url = reverse("voice:theme_tag", args=[northfield.slug])
    client = client_for(amira)
    waiting = client.get(url).content.decode()
    assert "Said 0" in waiting and "Said 2" in waiting
    assert "Said 1" not in waiting  # already tagged: only on "All feedback"
    assert "Said 1" in client.get(url + "?show=all").content.decode()

    response = client.post(
        url + "?show=all",
        {"theme": themes[0].pk, "feedback": [first.pk, second.pk]},
        follow=True,
    )
    assert "1 piece of feedback tagged." in response.content.decode()
    assert themes_of(first) == themes_of(second) == {"Hearing the child"}
    assert themes_of(third) == set()
    assert FeedbackTheme.unscoped.filter(feedback=second).count() == 1  # not twice


def test_tagging_many_without_a_choice_says_what_is_missing(
    northfield: Tenant, amira: Person, themes: list, client_for
) -> None:
    FeedbackFactory(partnership=northfield.partnership)
    url = reverse("voice:theme_tag", args=[northfield.slug])
    page = client_for(amira).post(url, {}).content.decode()
    assert "Choose the theme to tag the feedback with" in page
    assert "Choose at least one piece of feedback to tag" in page
    assert not FeedbackTheme.unscoped.exists()


def test_a_possible_disclosure_is_never_listed_tagged_or_quoted(
    northfield: Tenant, amira: Person, themes: list, client_for
) -> None:
    p = northfield.partnership
    FeedbackFactory(partnership=p, good="An ordinary message")
    flagged = FeedbackFactory(partnership=p, flagged=True, better="Something frightening")
    client = client_for(amira)
    url = reverse("voice:theme_tag", args=[northfield.slug])
    assert "Something frightening" not in client.get(url + "?show=all").content.decode()
    response = client.post(url, {"theme": themes[0].pk, "feedback": [flagged.pk]})
    assert response.status_code == 200  # not a choice
    themes_url = reverse("voice:feedback_themes", args=[northfield.slug, flagged.pk])
    assert client.get(themes_url).status_code == 404
    actor = actor_for_person(amira)
    with pytest.raises(ValidationError):
        services.feedback_themes_set(actor=actor, feedback=flagged, themes=[themes[0]])
    with pytest.raises(ValidationError):
        services.quote_choose(actor=actor, feedback=flagged, part="better")
    assert not FeedbackTheme.unscoped.exists() and not ChosenQuote.unscoped.exists()


def test_only_the_partnerships_own_themes_can_be_chosen(
    northfield: Tenant, southvale: Tenant, amira: Person, client_for
) -> None:
    piece = FeedbackFactory(partnership=northfield.partnership)
    theirs = LearningThemeFactory(partnership=southvale.partnership, title="Southvale's theme")
    url = reverse("voice:feedback_themes", args=[northfield.slug, piece.pk])
    client = client_for(amira)
    assert "Southvale&#x27;s theme" not in client.get(url).content.decode()
    assert client.post(url, {"themes": [theirs.pk], "part": ""}).status_code == 200
    assert not FeedbackTheme.unscoped.exists()
    with pytest.raises(ValidationError):
        services.feedback_themes_set(actor=actor_for_person(amira), feedback=piece, themes=[theirs])


def test_the_scrutineer_reads_the_themes_but_does_not_tag(
    northfield: Tenant, corinne: Person, themes: list, client_for
) -> None:
    tag = FeedbackThemeFactory(partnership=northfield.partnership, theme=themes[0])
    client = client_for(corinne)
    page = client.get(reverse("voice:feedback_detail", args=[northfield.slug, tag.feedback.pk]))
    assert "Hearing the child" in page.content.decode()
    assert "Change<span" not in page.content.decode()
    themes_url = reverse("voice:feedback_themes", args=[northfield.slug, tag.feedback.pk])
    assert client.get(themes_url).status_code == 403
