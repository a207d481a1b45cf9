"""The directory in the admin, with an upload form so an operator can import without a shell."""

from django import forms
from django.contrib import admin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from kinwell.core.errors import NotAllowed, NotFound
from kinwell.directory import search_index
from kinwell.directory.models import ImportRun, Location, Organization, Service, ServiceAtLocation, TaxonomyTerm
from kinwell.directory.services import READERS, queue_upload

class ImportForm(forms.Form):
    file_format = forms.ChoiceField(label="Format", choices=[
        ("samhsa-xlsx", "SAMHSA National Directory spreadsheet (.xlsx)"),
        ("locator-json", "FindTreatment.gov locator JSON"),
        ("hsds", "Open Referral HSDS: 3.0 JSON, or a datapackage zip (3.0 or 1.x)"),
    ])
    file = forms.FileField(label="File")
    strict = forms.BooleanField(label="Import nothing if any record is broken", required=False,
                                help_text="By default every whole record is imported and the broken ones are listed.")


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
        return [path("import/", self.admin_site.admin_view(self.import_view), name="directory_import"),
                path("import/<int:run_id>/", self.admin_site.admin_view(self.import_status_view),
                     name="directory_import_status")] + super().get_urls()

    def _may_import(self, request):
        if not request.user.has_perm("directory.add_organization"):
            raise NotAllowed("Importing needs permission to add organizations.")

    def import_view(self, request):
        """The upload goes to the worker; its page follows the import with a progress bar."""
        self._may_import(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            run = queue_upload(file_format=form.cleaned_data["file_format"], file_name=upload.name,
                               data=upload.read(), strict=form.cleaned_data["strict"])
            return redirect("admin:directory_import_status", run_id=run.pk)
        context = {**self.admin_site.each_context(request), "form": form, "title": "Import a directory file",
                   "opts": self.model._meta, "formats": sorted(READERS),
                   "recent": ImportRun.objects.order_by("-pk")[:10]}
        return TemplateResponse(request, "directory/admin_import.html", context, status=400 if form.errors else 200)

    def import_status_view(self, request, run_id):
        self._may_import(request)
        run = ImportRun.objects.filter(pk=run_id).defer("upload").first()
        if run is None:
            raise NotFound("There is no such import.")
        waiting = run.status in (ImportRun.Status.QUEUED, ImportRun.Status.RUNNING)
        context = {**self.admin_site.each_context(request), "run": run, "waiting": waiting,
                   "title": f"Importing {run.file_name}", "opts": self.model._meta,
                   "report": [line for line in run.report.splitlines() if line]}
        return TemplateResponse(request, "directory/admin_import_status.html", context)


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
