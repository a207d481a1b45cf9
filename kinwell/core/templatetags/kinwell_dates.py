from django import template

from kinwell.core.dates import format_named

register = template.Library()


@register.filter(expects_localtime=True)
def named_date(value, name: str) -> str:
    """{{ day|named_date:"WEEKDAY_DATE_FORMAT" }}: a Kinwell named format, per language."""
    return format_named(value, name)
