"""Filters for the service's logs."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied


class RefusalsOnOneLine(logging.Filter):
    """A refused request (403: the user's roles do not allow it) is routine. Django logs it with
    the exception's whole traceback; keep its one line ("Forbidden (Permission denied): /p/…")
    and drop the traceback, which says nothing an operator needs and floods the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            record.exc_info = None
            record.exc_text = None
        return True
