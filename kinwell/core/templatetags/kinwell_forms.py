"""Form fields rendered the accessible way, once, for every form on the site:
label tied to the field, hint and error tied by aria-describedby, aria-invalid on
error, and groups of choices in a fieldset with a legend."""

from django import forms, template

register = template.Library()

GROUPED_WIDGETS = (forms.CheckboxSelectMultiple, forms.RadioSelect)


@register.inclusion_tag("core/_field.html")
def field(bound_field, autocomplete=None):
    widget = bound_field.field.widget
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
    # No field grabs focus when a page opens (Django's auth forms ask for it, and on the
    # sign-up form it even lands on the second field): a page starts at the top, so the
    # skip link is the first Tab stop and screen readers read the heading and intro
    # before the form. On errors, enhance.js moves focus to the error summary instead.
    attrs = {"autofocus": False}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    if autocomplete:
        attrs["autocomplete"] = autocomplete
    is_group = isinstance(widget, GROUPED_WIDGETS)
    return {
        "field": bound_field,
        "widget_html": bound_field.as_widget(attrs=attrs),
        "is_group": is_group,
        "is_checkbox": isinstance(widget, forms.CheckboxInput),
        "described_by": " ".join(described_by),
    }


@register.inclusion_tag("core/_error_summary.html")
def error_summary(form):
    return {"form": form}
