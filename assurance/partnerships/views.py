"""Pages for the partnership: home, agencies, groups, priorities, people, settings, history.

Views stay thin: they fetch through selectors (scoped to the actor) and write through services.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.views.generic import TemplateView

from assurance.core.business_year import business_year_label, current_business_year
from assurance.core.registry import landing_for, reviews_for, todos_for
from assurance.core.roles import Role
from assurance.partnerships import selectors, services
from assurance.partnerships.access import partnerships_for_user
from assurance.partnerships.forms import (
    AgencyForm,
    GroupForm,
    GroupMemberForm,
    PartnershipSettingsForm,
    PersonForm,
    PriorityForm,
)
from assurance.partnerships.models import Agency, AgencyKind, Group, GroupMember, Person, Priority
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class HomeView(LoginRequiredMixin, TemplateView):
    """The service's front page: the user's partnerships, each with what is theirs to do."""

    template_name = "partnerships/home.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        partnerships = list(partnerships_for_user(request.user))
        if len(partnerships) == 1:
            return redirect("partnerships:partnership_home", partnerships[0].slug)
        return self.render_to_response({"partnerships": partnerships})


class PartnershipHomeView(PartnershipViewMixin, TemplateView):
    permission = "partnership.view"
    template_name = "partnerships/partnership_home.html"
    section = "home"
    page_title = "Home"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            # Someone whose only role is a capability's own (a school's user, ADR 027) lands
            # on that capability's page instead of a refusal
            actor = getattr(self, "actor", None)
            landing = landing_for(actor) if actor is not None else ""
            if not landing:
                raise
            return redirect(landing, self.actor.partnership.slug)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["todos"] = todos_for(self.actor)
        if self.actor.has_role(Role.SCRUTINEER):
            # What is due for the scrutineer's review, and what changed since their last visit
            # (recorded per person, not in the session: partnerships.visits).
            visit = services.home_visit_record(actor=self.actor)
            context["since"] = visit.since
            context["reviews"] = reviews_for(self.actor, visit.since)
        context["summary"] = selectors.partnership_summary(actor=self.actor)
        context["business_year"] = business_year_label(current_business_year())
        context["can_manage_settings"] = self.actor.can("partnership.manage")
        context["other_partnerships"] = [
            p for p in partnerships_for_user(self.request.user) if p.pk != self.partnership.pk
        ]
        return context


# --- partnership settings -----------------------------------------------------------------------


class PartnershipSettingsView(FormPageView):
    permission = "partnership.manage"
    form_class = PartnershipSettingsForm
    section = "home"
    page_title = "Partnership settings"
    history_link_text = "View the history of these settings"
    success_message = "The partnership's settings have been saved."

    def get_object(self) -> Any:
        return self.partnership

    def save(self, form: PartnershipSettingsForm) -> Any:
        return services.partnership_settings_save(actor=self.actor, form=form)

    def get_cancel_url(self) -> str:
        return self.partnership_url("partnerships:partnership_home")

    def get_history_url(self) -> str:
        return self.partnership_url("partnerships:partnership_history")


class PartnershipHistoryView(HistoryView):
    permission = "partnership.manage"
    section = "home"

    def get_object(self) -> Any:
        return self.partnership

    def back_url(self, record: Any) -> str:
        return self.partnership_url("partnerships:settings")


# --- agencies -----------------------------------------------------------------------------------


class AgencyListView(PartnershipViewMixin, TemplateView):
    permission = "agency.view"
    template_name = "partnerships/agency_list.html"
    section = "agencies"
    page_title = "Agencies"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        kinds = selectors.by_kind(selectors.agency_list(actor=self.actor))
        statutory = kinds[AgencyKind.STATUTORY_PARTNER]
        relevant = kinds[AgencyKind.RELEVANT_AGENCY]
        scrutiny = kinds[AgencyKind.SCRUTINY]
        context["tables"] = [
            ("Statutory safeguarding partners", statutory),
            ("Relevant agencies", relevant),
            *([("Independent scrutiny", scrutiny)] if scrutiny else []),
        ]
        context["statutory_active"] = [a for a in statutory if a.is_active]
        context["relevant_active"] = [a for a in relevant if a.is_active]
        context["scrutiny"] = [a.name for a in scrutiny if a.is_active]
        context["can_manage"] = self.actor.can("agency.manage")
        return context


class AgencyDetailView(PartnershipViewMixin, TemplateView):
    permission = "agency.view"
    template_name = "partnerships/agency_detail.html"
    section = "agencies"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        agency = selectors.get_agency(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            agency=agency, page_title=agency.name, can_manage=self.actor.can("agency.manage")
        )
        if self.actor.can("person.view"):
            context["people"] = selectors.person_list(actor=self.actor, agency_id=agency.pk)
        context["breadcrumbs"] = [
            {"text": "Agencies", "href": self.partnership_url("partnerships:agency_list")}
        ]
        return context


class AgencyCreateView(FormPageView):
    permission = "agency.manage"
    form_class = AgencyForm
    section = "agencies"
    page_title = "Add an agency"
    success_message = "{record} has been added."

    def save(self, form: ModelForm) -> Agency:
        return services.record_save(actor=self.actor, form=form, permission=self.permission)

    def get_cancel_url(self) -> str:
        return self.partnership_url("partnerships:agency_list")


class AgencyUpdateView(AgencyCreateView):
    page_title = "Change agency"
    success_message = "{record} has been changed."

    def get_object(self) -> Agency:
        return selectors.get_agency(
            actor=self.actor, pk=self.kwargs["pk"], permission="agency.manage"
        )

    def success_url_for(self, record: Any) -> str:
        return self.partnership_url("partnerships:agency_detail", record.pk)


class AgencyHistoryView(HistoryView):
    permission = "agency.view"
    section = "agencies"

    def get_object(self) -> Agency:
        return selectors.get_agency(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("partnerships:agency_detail", record.pk)


# --- groups ---------------------------------------------------------------------------------------


class GroupListView(PartnershipViewMixin, TemplateView):
    permission = "group.view"
    template_name = "partnerships/group_list.html"
    section = "groups"
    page_title = "Groups"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["groups"] = selectors.group_list(actor=self.actor)
        context["can_manage"] = self.actor.can("group.manage")
        return context


class GroupDetailView(PartnershipViewMixin, TemplateView):
    permission = "group.view"
    template_name = "partnerships/group_detail.html"
    section = "groups"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        group = selectors.get_group(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            group=group,
            seats=selectors.group_seats(group=group),
            page_title=group.name,
            can_manage=self.actor.can("group.manage"),
            breadcrumbs=[
                {"text": "Groups", "href": self.partnership_url("partnerships:group_list")}
            ],
        )
        return context


class GroupCreateView(FormPageView):
    permission = "group.manage"
    form_class = GroupForm
    section = "groups"
    page_title = "Add a group"
    success_message = "{record} has been added."

    def save(self, form: ModelForm) -> Group:
        return services.record_save(actor=self.actor, form=form, permission=self.permission)

    def get_cancel_url(self) -> str:
        return self.partnership_url("partnerships:group_list")

    def success_url_for(self, record: Any) -> str:
        return self.partnership_url("partnerships:group_detail", record.pk)


class GroupUpdateView(GroupCreateView):
    page_title = "Change terms of reference"
    success_message = "The terms of reference of {record} have been changed."

    def get_object(self) -> Group:
        return selectors.get_group(
            actor=self.actor, pk=self.kwargs["pk"], permission="group.manage"
        )


class GroupHistoryView(HistoryView):
    permission = "group.view"
    section = "groups"

    def get_object(self) -> Group:
        return selectors.get_group(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("partnerships:group_detail", record.pk)


class GroupSeatCreateView(FormPageView):
    permission = "group.manage"
    form_class = GroupMemberForm
    section = "groups"
    page_title = "Add a member"
    success_message = "The seat has been added."

    @property
    def group(self) -> Group:
        if not hasattr(self, "_group"):
            self._group = selectors.get_group(
                actor=self.actor, pk=self.kwargs["pk"], permission="group.manage"
            )
        return self._group

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["group"] = self.group
        return kwargs

    def get_caption(self) -> str:
        return self.group.name

    def save(self, form: ModelForm) -> GroupMember:
        return services.record_save(actor=self.actor, form=form, permission=self.permission)

    def get_cancel_url(self) -> str:
        return self.partnership_url("partnerships:group_detail", self.group.pk)


class GroupSeatUpdateView(GroupSeatCreateView):
    page_title = "Change a member"
    success_message = "The seat has been changed."

    def get_object(self) -> GroupMember:
        return selectors.get_group_seat(
            actor=self.actor, group=self.group, pk=self.kwargs["seat_pk"]
        )


# --- priorities -----------------------------------------------------------------------------------


class PriorityListView(PartnershipViewMixin, TemplateView):
    permission = "priority.view"
    template_name = "partnerships/priority_list.html"
    section = "priorities"
    page_title = "Priorities"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["years"] = [
            (business_year_label(year), items)
            for year, items in selectors.priorities_by_year(actor=self.actor)
        ]
        context["can_manage"] = self.actor.can("priority.manage")
        return context


class PriorityCreateView(FormPageView):
    permission = "priority.manage"
    form_class = PriorityForm
    section = "priorities"
    page_title = "Add a priority"
    success_message = "The priority “{record}” has been added."

    def save(self, form: ModelForm) -> Priority:
        return services.record_save(actor=self.actor, form=form, permission=self.permission)

    def get_cancel_url(self) -> str:
        return self.partnership_url("partnerships:priority_list")

    def get_initial(self) -> dict[str, Any]:
        return {"business_year": current_business_year()}


class PriorityUpdateView(PriorityCreateView):
    page_title = "Change a priority"
    success_message = "The priority “{record}” has been changed."

    def get_object(self) -> Priority:
        return selectors.get_priority(
            actor=self.actor, pk=self.kwargs["pk"], permission="priority.manage"
        )

    def get_initial(self) -> dict[str, Any]:
        return {}  # the priority as stored, not this year's default for a new one


class PriorityHistoryView(HistoryView):
    permission = "priority.view"
    section = "priorities"

    def get_object(self) -> Priority:
        return selectors.get_priority(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("partnerships:priority_list")


# --- people ------------------------------------------------------------------------------------


class PersonListView(PartnershipViewMixin, TemplateView):
    permission = "person.view"
    template_name = "partnerships/person_list.html"
    section = "people"
    page_title = "People"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["people"] = selectors.person_list(actor=self.actor)
        context["can_manage"] = self.actor.can("person.manage")
        return context


class PersonDetailView(PartnershipViewMixin, TemplateView):
    permission = "person.view"
    template_name = "partnerships/person_detail.html"
    section = "people"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        person = selectors.get_person(actor=self.actor, pk=self.kwargs["pk"])
        context.update(
            person=person,
            page_title=person.full_name,
            can_manage=self.actor.can("person.manage"),
            breadcrumbs=[
                {"text": "People", "href": self.partnership_url("partnerships:person_list")}
            ],
        )
        return context


class PersonCreateView(FormPageView):
    permission = "person.manage"
    form_class = PersonForm
    section = "people"
    page_title = "Add a person"
    success_message = "{record} has been added."

    def save(self, form: ModelForm) -> Person:
        return services.person_save(
            actor=self.actor, form=form, base_url=self.request.build_absolute_uri("/")[:-1]
        )

    def get_cancel_url(self) -> str:
        return self.partnership_url("partnerships:person_list")

    def success_url_for(self, record: Any) -> str:
        return self.partnership_url("partnerships:person_detail", record.pk)


class PersonUpdateView(PersonCreateView):
    page_title = "Change a person"
    success_message = "{record} has been changed."

    def get_object(self) -> Person:
        return selectors.get_person(
            actor=self.actor, pk=self.kwargs["pk"], permission="person.manage"
        )


class PersonHistoryView(HistoryView):
    permission = "person.view"
    section = "people"

    def get_object(self) -> Person:
        return selectors.get_person(actor=self.actor, pk=self.kwargs["pk"])

    def back_url(self, record: Any) -> str:
        return self.partnership_url("partnerships:person_detail", record.pk)
