"""`{% home_panels %}`: the cards the apps register for the day's page (core/home.py)."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kinwell.core.home import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def home_panels(context):
    request = context["request"]
    return mark_safe("".join(
        render_to_string(panel.template, panel.context, request=request) for panel in panels_for(user=request.user)
    ))
