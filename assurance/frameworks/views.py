"""Pages for frameworks (audit tools): list, detail, upload, export, copy, versions, edits."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.views import View
from django.views.generic import FormView, TemplateView

from assurance.core.spreadsheets import XLSX
from assurance.frameworks import selectors, services
from assurance.frameworks.forms import CopyForm, FrameworkForm, ItemForm, UploadForm
from assurance.frameworks.interchange.format import ImportProblem
from assurance.frameworks.interchange.workbooks import export_excel
from assurance.frameworks.interchange.yaml_files import export_yaml
from assurance.frameworks.models import Framework
from assurance.partnerships.viewmixins import PartnershipViewMixin
from assurance.partnerships.views import RecordHistoryView


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


class FrameworkUploadView(PartnershipViewMixin, FormView):
    permission = "framework.manage"
    template_name = "frameworks/upload.html"
    form_class = UploadForm
    section = "frameworks"
    page_title = "Upload an audit tool"

    def form_valid(self, form: UploadForm) -> HttpResponse:
        upload = form.cleaned_data["file"]
        try:
            framework = services.framework_import(
                actor=self.actor, name=upload.name, content=upload.read()
            )
        except ImportProblem as problem:
            # Each problem in the error summary (linked to the file field); one message at the
            # field itself, so the page does not repeat a long list (nor repeat the error's id).
            shown = problem.problems[:50]
            for message in shown:
                form.add_error(None, message)
            if len(problem.problems) > len(shown):
                form.add_error(None, f"… and {len(problem.problems) - len(shown)} more problems.")
            count = len(problem.problems)
            form.add_error(
                "file",
                f"The file has {count} problem{'' if count == 1 else 's'}, listed above. Nothing "
                "was imported: correct the file and upload it again.",
            )
            return self.form_invalid(form)
        messages.success(self.request, f"{framework} has been imported.")
        return redirect("frameworks:detail", self.partnership.slug, framework.pk)


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


class FrameworkCopyView(FrameworkMixin, FormView):
    permission = "framework.manage"
    template_name = "partnerships/record_form.html"
    form_class = CopyForm
    page_title = "Adapt this tool for a theme"

    def get_initial(self) -> dict[str, Any]:
        return {"name": f"{self.framework.name} (adapted)"}

    def form_valid(self, form: CopyForm) -> HttpResponse:
        copy = services.framework_copy(
            actor=self.actor, framework=self.framework, **form.cleaned_data
        )
        messages.success(self.request, f"{copy} has been created from {self.framework}.")
        return redirect("frameworks:detail", self.partnership.slug, copy.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title,
            caption=str(self.framework),
            cancel_url=self.framework_url(),
            lead="The copy keeps every section and item, and can then be edited.",
        )
        return context


class FrameworkNewVersionView(FrameworkMixin, View):
    permission = "framework.manage"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        version = services.framework_new_version(actor=self.actor, framework=self.framework)
        messages.success(request, f"Version {version.version} has been made; edit it here.")
        return redirect("frameworks:detail", self.partnership.slug, version.pk)


class FrameworkUpdateView(FrameworkMixin, FormView):
    permission = "framework.manage"
    template_name = "partnerships/record_form.html"
    form_class = FrameworkForm
    page_title = "Change the tool's details"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.framework
        return kwargs

    def form_valid(self, form: FrameworkForm) -> HttpResponse:
        try:
            services.framework_update(actor=self.actor, framework=self.framework, form=form)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
            return self.form_invalid(form)
        messages.success(self.request, "The details have been saved.")
        return redirect(self.framework_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.page_title, caption=str(self.framework), cancel_url=self.framework_url()
        )
        return context


class ItemFormView(FrameworkMixin, FormView):
    """Add an item to a section, or change one, on a version that is not yet in use."""

    permission = "framework.manage"
    template_name = "partnerships/record_form.html"
    form_class = ItemForm

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["partnership"] = self.partnership
        if "item_pk" in self.kwargs:
            kwargs["instance"] = selectors.get_item(
                framework=self.framework, pk=self.kwargs["item_pk"]
            )
        return kwargs

    def form_valid(self, form: ItemForm) -> HttpResponse:
        section = (
            form.instance.section
            if form.instance.pk
            else selectors.get_section(framework=self.framework, pk=self.kwargs["section_pk"])
        )
        try:
            services.item_save(actor=self.actor, section=section, form=form)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
            return self.form_invalid(form)
        messages.success(self.request, "The item has been saved.")
        return redirect(self.framework_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        heading = "Change an item" if "item_pk" in self.kwargs else "Add an item"
        context.update(
            heading=heading,
            page_title=heading,
            caption=str(self.framework),
            cancel_url=self.framework_url(),
        )
        if self.framework.is_frozen:
            context["lead"] = (
                "This version is in use, so it cannot change: make a new "
                "version from the tool's page first."
            )
        return context


class FrameworkHistoryView(FrameworkMixin, RecordHistoryView):
    permission = "framework.view"

    def get_object(self) -> Framework:
        return self.framework

    def back_url(self, record: Any) -> str:
        return self.framework_url()
