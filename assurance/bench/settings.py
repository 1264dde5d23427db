"""Settings for `make bench`: the app's settings, its own database, and the floor view.

Never used by the service itself: the floor view's URL exists only in this URLconf.
"""

import os
from pathlib import Path

os.environ.setdefault("ASSURANCE_ENV", "development")

from assurance.settings import *  # noqa: F403
from assurance.settings import DATABASES, INSTALLED_APPS, VAR_DIR

DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ROOT_URLCONF = "assurance.bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "assurance.bench"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": True}
if os.environ.get("DATABASE_URL"):
    # Never the database of DATABASE_URL itself: its namesake with "_bench" appended, which
    # scripts/bench.sh drops and creates afresh on each run.
    DATABASES["default"]["NAME"] = f"{DATABASES['default']['NAME']}_bench"
else:
    BENCH_DIR = Path(VAR_DIR) / "bench"
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["NAME"] = str(BENCH_DIR / "bench.sqlite3")
    # A throwaway database: no fsync, and a page cache (256 MB) big enough for the indexes of the
    # millions of synthetic rows, so that building them does not dominate `make bench`.
    DATABASES["default"]["OPTIONS"]["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; "
        "PRAGMA temp_store=MEMORY;"
    )
