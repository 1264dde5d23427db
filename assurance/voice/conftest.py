"""The voice tests' records: Northfield's open link to the child's form."""

from __future__ import annotations

import pytest

from assurance.partnerships.tests.factories import Tenant
from assurance.voice.feedback.models import FeedbackLink
from assurance.voice.feedback.tests.factories import FeedbackLinkFactory


@pytest.fixture
def link(northfield: Tenant) -> FeedbackLink:
    """The children-in-care link; the child says which service helped them."""
    return FeedbackLinkFactory(partnership=northfield.partnership)
