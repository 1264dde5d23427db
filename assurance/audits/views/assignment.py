"""Assigning auditors to all of an agency's returns in an audit from one page."""

from __future__ import annotations

from typing import Any

from assurance.audits import assignment
from assurance.audits.forms import AssignReturnsForm
from assurance.audits.models import AgencyReturn
from assurance.audits.views.base import AuditMixin
from assurance.partnerships.models import Agency
from assurance.partnerships.viewmixins import FormPageView


class AssignReturnsView(AuditMixin, FormPageView):
    """An agency lead (or the business unit) assigns auditors to the agency's returns in an
    audit: one auditor for every case without one, or a person per case."""

    permission = "return.assign"
    form_class = AssignReturnsForm
    template_name = "audits/assign_returns.html"
    submit_label = "Assign auditors"

    @property
    def agency(self) -> Agency:
        if not hasattr(self, "_agency"):
            self._agency = assignment.get_agency_to_assign(
                actor=self.actor, audit=self.audit, pk=self.kwargs["agency_pk"]
            )
        return self._agency

    @property
    def returns(self) -> list[AgencyReturn]:
        if not hasattr(self, "_returns"):
            self._returns = assignment.returns_for_assignment(audit=self.audit, agency=self.agency)
        return self._returns

    def get_heading(self) -> str:
        return f"Assign {self.agency.name}'s auditors"

    @property
    def page_title(self) -> str:  # type: ignore[override]
        return self.get_heading()

    def get_lead(self) -> str:
        if not self.returns:
            return "There are no cases for this agency in the audit's sample yet."
        return (
            "Choose one auditor for every case without one, or a person for each case. "
            "Each auditor is e-mailed once with the cases they have been given."
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(agency=self.agency, returns=self.returns)
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            agency=self.agency,
            locked=[r for r in self.returns if r.is_locked],
            case_count=len(self.returns),
        )
        return context

    def save(self, form: AssignReturnsForm) -> list[AgencyReturn]:
        return assignment.returns_assign(
            actor=self.actor,
            audit=self.audit,
            agency=self.agency,
            auditors=form.assignments(),
            due_date=form.cleaned_data["due_date"],
            base_url=self.request.build_absolute_uri("/")[:-1],
        )

    def get_success_message(self, record: list[AgencyReturn]) -> str:
        count = len(record)
        return (
            f"Auditors have been assigned to {count} case{'' if count == 1 else 's'} and e-mailed."
        )
