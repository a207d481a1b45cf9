"""The directory in the admin, with an upload form so an operator can import without a shell."""

import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from kinwell.core.errors import ServiceError
from kinwell.directory import search_index
from kinwell.directory.models import Location, Organization, Service, ServiceAtLocation, TaxonomyTerm
from kinwell.directory.records import skip_report
from kinwell.directory.services import READERS, import_file

SUFFIXES = {"samhsa-xlsx": ".xlsx", "locator-json": ".json"}


class ImportForm(forms.Form):
    file_format = forms.ChoiceField(label="Format", choices=[
        ("samhsa-xlsx", "SAMHSA National Directory spreadsheet (.xlsx)"),
        ("locator-json", "FindTreatment.gov locator JSON"),
        ("hsds", "Open Referral HSDS: 3.0 JSON, or a datapackage zip (3.0 or 1.x)"),
    ])
    file = forms.FileField(label="File")


class RebuildsSearchEntries:
    """After an edit here, the finder's entries of the services it touches are rebuilt, so
    search results and their cards show the edit (and a service set to "inactive" leaves them)."""

    def service_ids(self, obj) -> list:
        raise NotImplementedError

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search_index.rebuild(service_ids=self.service_ids(form.instance))


class ServiceInline(admin.TabularInline):
    model = Service
    fields = ("name", "status", "url", "last_verified")
    readonly_fields = ("last_verified",)
    extra = 0
    show_change_link = True


@admin.register(Organization)
class OrganizationAdmin(RebuildsSearchEntries, admin.ModelAdmin):
    list_display = ("name", "source", "last_verified")
    list_filter = ("source",)
    search_fields = ("name", "source_key")
    readonly_fields = ("id", "source", "source_key", "last_verified", "import_hash")
    inlines = [ServiceInline]
    change_list_template = "directory/admin_organizations.html"

    def service_ids(self, obj):
        return list(obj.services.values_list("pk", flat=True))

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view), name="directory_import")] + super().get_urls()

    def import_view(self, request):
        if not request.user.has_perm("directory.add_organization"):
            raise ServiceError("Importing needs permission to add organizations.")
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            file_format = form.cleaned_data["file_format"]
            upload = form.cleaned_data["file"]
            suffix = SUFFIXES.get(file_format) or Path(upload.name).suffix or ".json"
            with tempfile.NamedTemporaryFile(suffix=suffix) as target:
                for chunk in upload.chunks():
                    target.write(chunk)
                target.flush()
                try:
                    summary = import_file(file_format=file_format, path=target.name)
                except ServiceError as error:
                    form.add_error("file", error.message)
                else:
                    messages.success(request, f"Imported {upload.name}: {summary}.")
                    for line in skip_report(summary.skipped):
                        messages.warning(request, f"Skipped {line}")
                    return redirect("admin:directory_organization_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "title": "Import a directory file",
                   "opts": self.model._meta, "formats": sorted(READERS)}
        return TemplateResponse(request, "directory/admin_import.html", context, status=400 if form.errors else 200)


@admin.register(Service)
class ServiceAdmin(RebuildsSearchEntries, admin.ModelAdmin):
    list_display = ("name", "organization", "source", "hidden", "last_verified")
    list_filter = ("source", "status", "hidden")
    search_fields = ("name", "organization__name")
    readonly_fields = ("id", "source", "source_key", "last_verified")
    raw_id_fields = ("organization",)

    def service_ids(self, obj):
        return [obj.pk]


@admin.register(Location)
class LocationAdmin(RebuildsSearchEntries, admin.ModelAdmin):
    list_display = ("name", "latitude", "longitude", "coordinates_approximate", "source")
    list_filter = ("source", "coordinates_approximate")
    search_fields = ("name", "addresses__postal_code")
    raw_id_fields = ("organization",)

    def service_ids(self, obj):
        return list(obj.service_at_locations.values_list("service_id", flat=True))


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent", "taxonomy")
    list_filter = ("taxonomy",)
    search_fields = ("code", "name")


@admin.register(ServiceAtLocation)
class ServiceAtLocationAdmin(RebuildsSearchEntries, admin.ModelAdmin):
    raw_id_fields = ("service", "location")

    def service_ids(self, obj):
        return [obj.service_id]
