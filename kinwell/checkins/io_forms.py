"""The upload form of the import page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.checkins.import_services import FORMAT_LABELS
from kinwell.checkins.importing import MAX_BYTES


class ImportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("What kind of file is it?"), choices=list(FORMAT_LABELS.items()), widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
        help_text=_("A .csv or .json file of up to 5 MB. Nothing is imported unless the whole file can be read."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB. Try exporting a shorter period."))
        return upload
