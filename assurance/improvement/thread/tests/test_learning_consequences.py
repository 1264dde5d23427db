"""What happened because of a learning item tells the truth about the link: the recommendations
made from the item itself are its consequences; those that only share a theme with it are shown
apart, labelled with the theme, and never claimed as its consequences."""

import pytest

from assurance.improvement.learning.tests.factories import (
    LearningItemFactory,
    LearningThemeFactory,
    RecommendationFactory,
)
from assurance.improvement.thread.selectors import learning_consequences
from assurance.partnerships.access import actor_for_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning(northfield):
    """Neglect learning linked to one recommendation, in a theme with another recommendation
    that was made from a different review."""
    p = northfield.partnership
    own = RecommendationFactory(partnership=p, title="Use the neglect tool at every visit")
    mate = RecommendationFactory(partnership=p, title="Train health visitors in neglect")
    both = RecommendationFactory(partnership=p, title="Audit neglect plans")
    item = LearningItemFactory(partnership=p, title="Neglect missed", recommendations=[own, both])
    LearningThemeFactory(partnership=p, title="Neglect", items=[item], recommendations=[mate, both])
    return item, own, mate, both


def test_only_recommendations_linked_to_the_item_are_its_consequences(learning, amira):
    item, own, mate, both = learning
    found = learning_consequences(actor=actor_for_person(amira), item=item)
    assert [c.recommendation for c in found.linked] == [own, both]
    assert [t.recommendation for t in found.theme_mates] == [mate]
    assert [t.themes for t in found.theme_mates] == [["Neglect"]]


def test_the_page_labels_theme_mates_apart(learning, amira, northfield, client_for):
    item, own, mate, _ = learning
    html = client_for(amira).get(northfield.url(f"actions/from-learning/{item.pk}/")).text
    linked, _, apart = html.partition('id="theme-mates"')
    assert own.title in linked
    assert mate.title not in linked
    assert mate.title in apart
    assert "not made from this learning" in apart
    assert "Neglect" in apart


def test_an_item_with_only_theme_mates_says_nothing_was_recommended_from_it(northfield, amira):
    p = northfield.partnership
    mate = RecommendationFactory(partnership=p)
    item = LearningItemFactory(partnership=p)
    LearningThemeFactory(partnership=p, items=[item], recommendations=[mate])
    found = learning_consequences(actor=actor_for_person(amira), item=item)
    assert found.linked == []
    assert [t.recommendation for t in found.theme_mates] == [mate]
