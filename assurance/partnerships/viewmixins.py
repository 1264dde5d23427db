"""The bases every partnership page is built on.

``PartnershipViewMixin``: sign-in, partnership, role check, navigation. A view declares
``permission``; ``dispatch`` resolves the actor (404 outside their partnerships), enforces
two-factor sign-in where the partnership requires it, and checks the permission (403).

``FormPageView``: a page with a form (core/form_page.html), saved through a service; a save
made from a stale copy of the record is refused (``core.concurrency``, ADR 012).
``HistoryView``: the read-only change history of one record.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models, transaction
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views import View
from django.views.generic import FormView, TemplateView

from assurance.core import concurrency, documents
from assurance.core.forms import add_service_errors
from assurance.core.history import history_entries
from assurance.core.links import link, record_link
from assurance.partnerships import services
from assurance.partnerships.access import Actor, actor_for
from assurance.partnerships.access_log.services import access_log_record
from assurance.partnerships.navigation import drawn_navigation, navigation

logger = logging.getLogger(__name__)


class PartnershipViewMixin(View):
    permission: str = ""
    actor: Actor
    section: str = ""
    page_title: str = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.permission:
            raise NotImplementedError(f"{type(self).__name__} must declare a permission.")
        self.actor = actor_for(request.user, kwargs["partnership_slug"])
        if self.actor.needs_two_factor and not request.user.is_verified():  # type: ignore[union-attr,attr-defined]
            return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        self.actor.require(self.permission)
        return super().dispatch(request, *args, **kwargs)

    @property
    def partnership(self) -> Any:
        return self.actor.partnership

    def partnership_url(self, name: str, *args: Any) -> str:
        """``reverse(name, args=[slug, *args])``, worked out once per process for the page or
        the kind of record (``core.links``)."""
        slug = self.actor.partnership.slug
        if not args:
            return link(name, slug)
        if len(args) == 1:
            return record_link(name, slug, key=args[0])
        return reverse(name, args=[slug, *args])

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(
            actor=self.actor,
            partnership=self.actor.partnership,
            navigation=self.navigation(),
            drawn_navigation=drawn_navigation(
                self.actor.roles,
                self.actor.partnership.slug,
                self.actor.partnership.name,
                self.section,
            ),
            # the header's search box, for those who may use the search page (not a school's
            # users, who see only their school)
            can_search=self.actor.can("partnership.view"),
            breadcrumbs=self.get_breadcrumbs(),
            page_title=self.page_title,
        )
        return context

    def navigation(self) -> list[dict[str, Any]]:
        """The service navigation the actor's roles open (``partnerships.navigation``)."""
        return navigation(self.actor.roles, self.actor.partnership.slug, self.section)


def _takes_partnership(form_class: type[BaseForm]) -> bool:
    """Whether the form (or a form it extends) is built with ``partnership=``."""
    return any(
        "partnership" in inspect.signature(vars(klass)["__init__"]).parameters
        for klass in form_class.__mro__
        if "__init__" in vars(klass)
    )


class FormPageView(PartnershipViewMixin, FormView):
    """A partnership page with a form, shown by core/form_page.html.

    The page's words are attributes, or methods where they depend on the record: ``page_title``
    (and ``heading`` where the heading differs), ``caption``, ``lead``, ``submit_label``,
    ``get_cancel_url()``, ``get_history_url()``. The form gets ``partnership=`` when it takes it,
    and ``instance=get_object()`` when there is one.

    ``save(form)`` writes through a service and returns the record. A refusal (a
    ``ValidationError``, or any of ``refusals``) lands on the form through
    ``core.forms.add_service_errors``: on the fields it names, the rest above the form (or on
    ``error_field``). Once saved: ``success_message`` (formatted with ``record``) and a redirect
    to ``success_url_for(record)``, by default where Cancel leads.

    A page that changes records (``get_revision_records()``, by default ``get_object()``)
    carries a revision token of what it showed. ``save`` runs in one transaction with those
    records locked, after a check that nobody changed what the form shows since the page was
    opened; if someone did, nothing is saved and the page answers 409 with their values and
    this person's, field by field (``core.concurrency``).
    """

    template_name = "core/form_page.html"
    heading = ""
    caption = ""
    lead = ""
    submit_label = "Save"
    history_link_text = "View the history"
    success_message = ""
    refusals: tuple[type[ValidationError | ValueError], ...] = (ValidationError,)
    error_field: str | None = None
    # Free text kept although it looked like a child's identifier (core.forms.
    # IdentifierCheckMixin) is recorded once saved, with the reason given (KeptIdentifier).
    record_kept_identifiers = True

    def get_heading(self) -> str:
        return self.heading or self.page_title

    def get_caption(self) -> str:
        return self.caption

    def get_lead(self) -> str:
        return self.lead

    def get_cancel_url(self) -> str:
        return ""

    def get_history_url(self) -> str:
        return ""

    def get_object(self) -> Any:
        """The record the form changes (None: the form makes a new one)."""
        return None

    def get_revision_records(self) -> list[models.Model]:
        """The stored records the form shows and changes: locked while it saves, and checked
        for changes made since the page was opened. None: the form only makes new records."""
        record = self.get_object()
        return [record] if isinstance(record, models.Model) and record.pk is not None else []

    def get_conflict_labels(self, form: Any) -> dict[str, str]:
        """Names for fields whose label alone would not say which field it is."""
        return {}

    # While building the form of what is stored now (``_stored_form``): no submitted data, the
    # record read again, and the values to show over it.
    _as_stored = False
    _initial_over: dict[str, Any] | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = super().get_form_kwargs()
        form_class = self.get_form_class()
        if form_class is not None and _takes_partnership(form_class):
            kwargs["partnership"] = self.partnership
        instance = self.get_object()
        if self._as_stored:
            kwargs.pop("data", None)
            kwargs.pop("files", None)
            if isinstance(instance, models.Model) and instance.pk is not None:
                instance = type(instance)._base_manager.get(pk=instance.pk)
            if self._initial_over:
                kwargs["initial"] = {**kwargs.get("initial", {}), **self._initial_over}
        if instance is not None:
            kwargs["instance"] = instance
        return kwargs

    def _stored_form(self, initial: dict[str, Any] | None = None) -> Any:
        """The form unbound, built from what is stored now (with ``initial`` shown over it)."""
        self._as_stored, self._initial_over = True, initial
        try:
            return self.get_form()
        finally:
            self._as_stored, self._initial_over = False, None

    def _check_revision(self, form: Any, records: list[models.Model]) -> None:
        """Refuse the save (``StaleEdit``) if what the form shows changed since the page was
        opened. A post without a token (a page opened before the check existed) is not
        checked."""
        opened = concurrency.read_token(self.request.POST.get(concurrency.REVISION_FIELD, ""))
        if opened is None:
            return
        concurrency.lock(records)
        for record in records:
            if record is not getattr(form, "instance", None):
                record.refresh_from_db()
        concurrency.check(
            opened=opened,
            current=self._stored_form(),
            submitted=form,
            records=records,
            labels=self.get_conflict_labels(form),
        )

    def stale_edit(self, form: Any, stale: concurrency.StaleEdit) -> HttpResponse:
        """The page again, unsaved (409): what is stored now, with this person's changes
        over it, and their values beside this person's for each field in conflict."""
        shown = self._stored_form(initial=stale.keep)
        self._revision_token = stale.token
        context = self.get_context_data(form=shown, stale_edit=stale)
        return self.render_to_response(context, status=409)

    def revision_token(self, form: Any) -> str:
        """The token the page carries: of the form as first shown, kept while the person
        corrects mistakes, renewed once they have seen a conflict."""
        if getattr(self, "_revision_token", ""):
            return str(self._revision_token)
        if not self.get_revision_records():
            return ""
        if form.is_bound:
            return str(self.request.POST.get(concurrency.REVISION_FIELD, ""))
        return concurrency.revision_token(form)

    def save(self, form: Any) -> Any:
        """Write through a service; return the record (what the message and redirect need)."""
        raise NotImplementedError(f"{type(self).__name__} must say how the form is saved.")

    def form_valid(self, form: Any) -> HttpResponse:
        records = self.get_revision_records()
        try:
            if records:
                with transaction.atomic():
                    self._check_revision(form, records)
                    record = self.save(form)
            else:
                record = self.save(form)
        except concurrency.StaleEdit as stale:
            return self.stale_edit(form, stale)
        except self.refusals as exc:
            add_service_errors(form, exc, field=self.error_field)
            return self.form_invalid(form)
        kept = getattr(form, "kept", None)
        if kept and self.record_kept_identifiers:
            services.kept_identifiers_record(
                actor=self.actor, page=self.request.path, record=record, kept=kept
            )
        message = self.get_success_message(record)
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(self.success_url_for(record))

    def get_success_message(self, record: Any) -> str:
        return self.success_message.format(record=record)

    def success_url_for(self, record: Any) -> str:
        url = self.get_cancel_url()
        if not url:
            raise ImproperlyConfigured(f"{type(self).__name__} must say where to go once saved.")
        return url

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.get_heading(),
            caption=self.get_caption(),
            lead=self.get_lead(),
            submit_label=self.submit_label,
            cancel_url=self.get_cancel_url(),
            history_url=self.get_history_url(),
            history_link_text=self.history_link_text,
            revision_field=concurrency.REVISION_FIELD,
        )
        if "form" in context:
            context["revision_token"] = self.revision_token(context["form"])
        return context


class HistoryView(PartnershipViewMixin, TemplateView):
    """The read-only change history of one record: ``get_object()``, and ``back_url(record)``
    for the back link."""

    template_name = "partnerships/history.html"

    def get_object(self) -> Any:
        raise NotImplementedError

    def back_url(self, record: Any) -> str:
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        record = self.get_object()
        context.update(
            record=record,
            entries=history_entries(record),
            back_url=self.back_url(record),
            page_title=f"History of {record}",
        )
        return context


class DocumentView(PartnershipViewMixin, TemplateView):
    """A partnership's report (``core.documents.Report``) as a page, a PDF or a Word document.

    A report's view says how to build it (``get_report``) and what its downloads are called
    (``get_filename``, without the extension); each URL picks the form it answers with
    ``as_view(format="pdf")`` or ``as_view(format="docx")`` (the page is the default). The page
    has the report in its context as ``report``; ``core/report_page.html`` draws it with its two
    download buttons (``pdf_url`` and ``docx_url``).
    """

    format = "page"  # "page", "pdf" or "docx"
    template_name = "core/report_page.html"
    _files = {
        "pdf": (documents.render_pdf, documents.PDF_CONTENT_TYPE),
        "docx": (documents.render_docx, documents.DOCX_CONTENT_TYPE),
    }

    def get_report(self) -> documents.Report:
        raise NotImplementedError(f"{type(self).__name__} must build its report.")

    def get_filename(self) -> str:
        raise NotImplementedError(f"{type(self).__name__} must name its downloads.")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.format == "page":
            return super().get(request, *args, **kwargs)
        render, content_type = self._files[self.format]
        response = HttpResponse(render(self.get_report()), content_type=content_type)
        response["Content-Disposition"] = (
            f'attachment; filename="{self.get_filename()}.{self.format}"'
        )
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # built only if the page's template draws it (a page of its own may draw the same
        # figures kept drawn instead)
        context["report"] = SimpleLazyObject(self.get_report)
        return context


class AccessLogged(PartnershipViewMixin):
    """A record's page that writes an access log entry each time it is shown (who, what,
    when; ``partnerships.access_log``), and gives the page ``access_log_url``, the record's log,
    for those who may read it.

    Put it first among the bases and name the context variable that holds the record::

        class CaseDetailView(AccessLogged, TemplateView):
            permission = "case.view"
            access_logged = "case"

    The entry names the record by ``str(record)``, which must be its pseudonymised reference
    (an audit case's is), never a child's name or identifier.

    Only a successful GET of the page logs: a refusal (403, 404) or a form post does not. A list
    page does not use it, so it adds no query per row; a record page adds one INSERT. Writing the
    entry never fails the page: an error is logged and the page is shown.
    """

    access_logged: str = ""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().get(request, *args, **kwargs)  # type: ignore[misc]
        context = getattr(response, "context_data", None)
        if response.status_code != 200 or context is None:
            return response
        record = context.get(self.access_logged) if self.access_logged else None
        if record is None:
            raise ImproperlyConfigured(
                f"{type(self).__name__}: no record {self.access_logged!r} in the context to log."
            )
        try:
            with transaction.atomic():
                access_log_record(actor=self.actor, record=record, page=request.path)
        except Exception:
            logger.exception("The access log entry for %s was not written", request.path)
        if self.actor.can("access_log.view"):
            context["access_log_url"] = reverse(
                "partnerships:record_access_log",
                args=[self.partnership.slug, record._meta.label_lower, record.pk],
            )
        return response
