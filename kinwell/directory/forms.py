from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinwell.directory import facets, geo, labels, search


class FinderForm(forms.Form):
    """Where and what. Sent by GET, so every search has a URL that can be shared."""

    zip = forms.CharField(label=gettext_lazy("ZIP code"), max_length=10,
                          error_messages={"required": gettext_lazy("Enter a ZIP code, so we can look near you.")},
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code",
                                                        "size": 8}))
    radius = forms.TypedChoiceField(
        label=gettext_lazy("Distance"), coerce=int, initial=25,
        choices=[(r, gettext_lazy("Within %(miles)d miles") % {"miles": r}) for r in search.RADII])
    q = forms.CharField(label=gettext_lazy("Words in the name or description"), max_length=100, required=False)
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000, widget=forms.HiddenInput)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("radius"):
            data = data.copy()
            data["radius"] = "25"
        super().__init__(data, *args, **kwargs)
        # The ZIP code is needed unless the browser sent a location ("Use my location").
        self.fields["zip"].required = not (data and data.get("lat") and data.get("lon"))
        translated = labels.table()
        for group in facets.GROUPS:
            self.fields[group.key] = forms.MultipleChoiceField(
                label=translated[group.label], required=False, widget=forms.CheckboxSelectMultiple,
                choices=[(f.key, translated[f.label]) for f in group.facets])
        self.counts = None

    def clean(self):
        data = super().clean()
        lat, lon, zip_text = data.get("lat"), data.get("lon"), (data.get("zip") or "").strip()
        if zip_text:
            point = geo.zip_centroid(zip_text) if geo.normalise_zip(zip_text) else None
            if point is None:
                self.add_error("zip", _("We could not find the US ZIP code “%(zip)s”. Check the five digits.")
                               % {"zip": zip_text})
                return data
            data["point"] = point
        elif lat is not None and lon is not None:
            data["point"] = (lat, lon)
        elif "zip" not in self.errors:
            self.add_error("zip", _("Enter a ZIP code, so we can look near you."))
        return data

    def query(self) -> search.Query:
        data = self.cleaned_data
        chosen = tuple(key for group in facets.GROUPS for key in data.get(group.key) or ())
        return search.Query(latitude=data["point"][0], longitude=data["point"][1],
                            radius_miles=data.get("radius") or 25, facets=chosen,
                            words=tuple((data.get("q") or "").split()[:8]), page=data.get("page") or 1)

    def show_counts(self, counts: dict):
        """Show beside each choice how many of the current results have it."""
        self.counts = counts

    def filter_groups(self) -> list[dict]:
        """The checkbox groups, each choice's markup made here in one pass: Django's
        per-option widget templates, then a template loop over 45 choices, were most of
        the finder's time (bench/directory_search.py). A group with an error renders
        through `{% field %}` as usual."""
        getlist = getattr(self.data, "getlist", lambda key: [])
        chosen = {value for g in facets.GROUPS for value in getlist(g.key)}
        translated, counts = labels.table(), self.counts
        groups = []
        for g in facets.GROUPS:
            if self.is_bound and self.errors.get(g.key):
                groups.append({"key": g.key, "label": self.fields[g.key].label, "bound": self[g.key],
                               "has_errors": True})
                continue
            choices = []
            for position, f in enumerate(g.facets):
                label = translated[f.label] if counts is None else f"{translated[f.label]} ({counts.get(f.key, 0)})"
                choices.append(CHOICE_HTML.format(
                    id=f"id_{g.key}_{position}", name=g.key, value=escape(f.key), label=escape(label),
                    checked=" checked" if f.key in chosen else ""))
            groups.append({"key": g.key, "label": translated[g.label], "has_errors": False,
                           "choices_html": mark_safe("".join(choices))})  # noqa: S308  every part escaped above
        return groups

    def chosen_labels(self) -> list[str]:
        data = getattr(self, "cleaned_data", {})
        translated = labels.table()
        return [translated[facets.FACETS[k].label] for g in facets.GROUPS for k in data.get(g.key) or ()]


CHOICE_HTML = ('\n      <div><label for="{id}"><input type="checkbox" name="{name}" value="{value}" id="{id}"{checked}>'
               '\n {label}</label></div>')
