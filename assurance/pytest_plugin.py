"""Loaded first by pytest (``-p assurance.pytest_plugin`` in pyproject's addopts).

pytest-django reads the settings before any conftest.py is imported, so the test profile has to
be chosen here: MD5 password hashing, the in-memory e-mail outbox and immediate tasks.
"""

import os

os.environ["ASSURANCE_ENV"] = "test"
