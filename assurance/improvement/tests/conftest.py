"""The audits' fixtures (a small audit tool and an audit in Northfield), for action log tests."""

from assurance.audits.tests.conftest import audit, tool  # noqa: F401
