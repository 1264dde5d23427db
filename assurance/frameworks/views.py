"""Pages for frameworks (audit tools): list, detail, upload, export, copy, versions, edits."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.views import View
from django.views.generic import TemplateView

from assurance.core.spreadsheets import XLSX
from assurance.frameworks import selectors, services
from assurance.frameworks.forms import CopyForm, FrameworkForm, ItemForm, UploadForm
from assurance.frameworks.interchange.format import ImportProblem
from assurance.frameworks.interchange.workbooks import export_excel
from assurance.frameworks.interchange.yaml_files import export_yaml
from assurance.frameworks.models import Framework, Item
from assurance.partnerships.viewmixins import FormPageView, HistoryView, PartnershipViewMixin


class FrameworkMixin(PartnershipViewMixin):
    section = "frameworks"
    framework_permission = "framework.view"

    @property
    def framework(self) -> Framework:
        if not hasattr(self, "_framework"):
            self._framework = selectors.get_framework(
                actor=self.actor, pk=self.kwargs["pk"], permission=self.framework_permission
            )
        return self._framework

    def framework_url(self) -> str:
        return self.partnership_url("frameworks:detail", self.framework.pk)

    # As a form page: about the framework, back to its page.

    def get_caption(self) -> str:
        return str(self.framework)

    def get_cancel_url(self) -> str:
        return self.framework_url()

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Audit tools", "href": self.partnership_url("frameworks:list")}]


class FrameworkListView(PartnershipViewMixin, TemplateView):
    permission = "framework.view"
    template_name = "frameworks/list.html"
    section = "frameworks"
    page_title = "Audit tools"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            families=selectors.framework_families(actor=self.actor),
            can_manage=self.actor.can("framework.manage"),
        )
        return context


class FrameworkDetailView(FrameworkMixin, TemplateView):
    permission = "framework.view"
    template_name = "frameworks/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        framework = self.framework
        sections = selectors.framework_tree(framework=framework)
        scales = {i.scale_id: i.scale for s in sections for i in s.items.all() if i.scale}
        context.update(
            framework=framework,
            page_title=str(framework),
            sections=sections,
            scales=sorted(scales.values(), key=lambda scale: scale.name),
            versions=Framework.objects_for(self.partnership)
            .filter(family=framework.family)
            .order_by("-version"),
            can_manage=self.actor.can("framework.manage"),
        )
        return context


class FormatGuideView(PartnershipViewMixin, TemplateView):
    """How to write an audit tool file (YAML or Excel), in the service for whoever uploads."""

    permission = "framework.view"
    template_name = "frameworks/format_guide.html"
    section = "frameworks"
    page_title = "How to write an audit tool file"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            example=selectors.format_example(),
            can_manage=self.actor.can("framework.manage"),
        )
        return context

    def get_breadcrumbs(self) -> list[dict[str, str]]:
        return [{"text": "Audit tools", "href": self.partnership_url("frameworks:list")}]


class FrameworkUploadView(FormPageView):
    permission = "framework.manage"
    form_class = UploadForm
    template_name = "frameworks/upload.html"
    section = "frameworks"
    page_title = "Upload an audit tool"
    lead = (
        "Upload a tool written in YAML or in the Excel layout. The easiest start is to download "
        "an existing tool as Excel, change it and upload it. If anything in the file is wrong, "
        "nothing is imported and every problem is listed with its line, or its sheet, row and "
        "column. A tool with the name of one already here becomes its next version; a file the "
        "same as a version already here is refused."
    )
    submit_label = "Upload"
    success_message = "{record} has been imported."

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["guide_url"] = self.partnership_url("frameworks:format_guide")
        return context

    def save(self, form: UploadForm) -> Framework:
        upload = form.cleaned_data["file"]
        try:
            return services.framework_import(
                actor=self.actor, name=upload.name, content=upload.read()
            )
        except ImportProblem as problem:
            # Each problem in the error summary (linked to the file field); one message at the
            # field itself, so the page does not repeat a long list (nor repeat the error's id).
            shown = problem.problems[:50]
            if len(problem.problems) > len(shown):
                shown = [*shown, f"… and {len(problem.problems) - len(shown)} more problems."]
            count = len(problem.problems)
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: shown,
                    "file": f"The file has {count} problem{'' if count == 1 else 's'}, listed "
                    "above. Nothing was imported: correct the file and upload it again.",
                }
            ) from problem

    def success_url_for(self, record: Framework) -> str:
        return self.partnership_url("frameworks:detail", record.pk)


class FrameworkExportView(FrameworkMixin, View):
    permission = "framework.view"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs["fmt"] not in {"yaml", "xlsx"}:
            raise Http404("Export as .yaml or .xlsx.")
        framework = self.framework
        stem = f"{slugify(framework.name) or 'framework'}-v{framework.version}"
        if kwargs["fmt"] == "xlsx":
            response = HttpResponse(
                export_excel(framework),
                content_type=XLSX,
            )
            response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
            return response
        response = HttpResponse(
            export_yaml(framework), content_type="application/yaml; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.yaml"'
        return response


class FrameworkCopyView(FrameworkMixin, FormPageView):
    permission = "framework.manage"
    form_class = CopyForm
    page_title = "Adapt this tool for a theme"
    lead = "The copy keeps every section and item, and can then be edited."

    def get_initial(self) -> dict[str, Any]:
        return {"name": f"{self.framework.name} (adapted)"}

    def save(self, form: CopyForm) -> Framework:
        return services.framework_copy(
            actor=self.actor, framework=self.framework, **form.cleaned_data
        )

    def get_success_message(self, record: Framework) -> str:
        return f"{record} has been created from {self.framework}."

    def success_url_for(self, record: Framework) -> str:
        return self.partnership_url("frameworks:detail", record.pk)


class FrameworkNewVersionView(FrameworkMixin, View):
    permission = "framework.manage"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        version = services.framework_new_version(actor=self.actor, framework=self.framework)
        messages.success(request, f"Version {version.version} has been made; edit it here.")
        return redirect("frameworks:detail", self.partnership.slug, version.pk)


class FrameworkUpdateView(FrameworkMixin, FormPageView):
    permission = "framework.manage"
    form_class = FrameworkForm
    page_title = "Change the tool's details"
    success_message = "The details have been saved."

    def get_object(self) -> Framework:
        return self.framework

    def save(self, form: FrameworkForm) -> Framework:
        return services.framework_update(actor=self.actor, framework=self.framework, form=form)


class ItemFormView(FrameworkMixin, FormPageView):
    """Add an item to a section, or change one, on a version that is not yet in use."""

    permission = "framework.manage"
    form_class = ItemForm
    success_message = "The item has been saved."

    def get_heading(self) -> str:
        return "Change an item" if "item_pk" in self.kwargs else "Add an item"

    def get_lead(self) -> str:
        if self.framework.is_frozen:
            return (
                "This version is in use, so it cannot change: make a new "
                "version from the tool's page first."
            )
        return ""

    def get_object(self) -> Item | None:
        if "item_pk" in self.kwargs:
            return selectors.get_item(framework=self.framework, pk=self.kwargs["item_pk"])
        return None

    def save(self, form: ItemForm) -> Item:
        section = (
            form.instance.section
            if form.instance.pk
            else selectors.get_section(framework=self.framework, pk=self.kwargs["section_pk"])
        )
        return services.item_save(actor=self.actor, section=section, form=form)


class FrameworkHistoryView(FrameworkMixin, HistoryView):
    permission = "framework.view"

    def get_object(self) -> Framework:
        return self.framework

    def back_url(self, record: Any) -> str:
        return self.framework_url()
