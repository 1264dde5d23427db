"""The audits' fixtures (a small audit tool and an audit in Northfield), for the learning
cycle's tests."""

from assurance.audits.tests.conftest import audit, kwame, tool  # noqa: F401
