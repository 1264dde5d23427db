"""The authorisation matrix rows of the pages that belong to no partnership."""

from assurance.core.tests.matrix import public

EXPECTED = {
    "core:accessibility": public(),
    "core:privacy": public(),
    "core:healthz": public(),
    "api:schema": public(),
}
