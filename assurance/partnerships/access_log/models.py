"""The access log: who looked at which record of a child's case, and when.

An entry is written when someone opens a record's page (``viewmixins.AccessLogged``); the
business unit reads the log. Entries name the record by its pseudonymised reference, never by a
child's identifier, and are removed after ``ACCESS_LOG_RETENTION_DAYS``
(``manage.py prune_access_log``). An entry is never changed, so it keeps no change history: a
history would keep a copy of every entry past its retention (docs/adr/017).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from assurance.partnerships.tenant.models import PartnershipScoped, Person


class AccessLogEntry(PartnershipScoped):
    viewed_at = models.DateTimeField(default=timezone.now, db_index=True)
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    viewer = models.CharField(
        max_length=200, help_text="Who looked, as named then (kept if the person is removed)."
    )
    record_type = models.CharField(
        max_length=100, help_text="The kind of record, as app.model (audits.auditcase)."
    )
    record_id = models.PositiveBigIntegerField()
    reference = models.CharField(
        max_length=200, help_text="The record's pseudonymised reference, as shown then."
    )
    page = models.CharField(max_length=300, help_text="The address of the page looked at.")

    class Meta:
        ordering = ["-viewed_at", "-pk"]
        indexes = [
            models.Index(
                fields=["partnership", "record_type", "record_id", "-viewed_at"],
                name="access_log_record",
            ),
            models.Index(fields=["partnership", "-viewed_at"], name="access_log_partnership"),
        ]
        verbose_name = "access log entry"
        verbose_name_plural = "access log entries"

    def __str__(self) -> str:
        return f"{self.viewer} viewed {self.reference} at {self.viewed_at:%Y-%m-%d %H:%M}"
