"""The standards' round (``rounds``: this year's Section 175/157 round of five schools, three
submitted, and last year's), shared with the standards' tests: the self-assessment section
gives its results by standard."""

from assurance.selfassessment.standards.tests.conftest import rounds

__all__ = ["rounds"]
