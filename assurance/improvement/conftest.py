"""The audits' fixtures (a small audit tool and an audit in Northfield), for action log tests."""

from assurance.audits.tests.conftest import audit, kwame, tool  # noqa: F401
