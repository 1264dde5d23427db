"""Settings of the app servers in `make loadtest`: the service's own settings (as
ASSURANCE_ENV and the environment set them), not in debug mode, with the floor page's URL.

Never used by the service itself: the floor view's URL exists only in this URLconf.
"""

import os

os.environ.setdefault("ASSURANCE_ENV", "development")

from assurance.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "assurance.operations.loadtest.urls"
# The load test signs in and saves: nothing it does should send e-mail, and none may leave.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
