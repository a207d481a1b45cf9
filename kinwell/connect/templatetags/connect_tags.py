from django import template

register = template.Library()


@register.inclusion_tag("connect/_home_section.html", takes_context=True)
def together_section(context):
    """The start page's small "Together" section, with today's gesture for people who chose nudges."""
    from kinwell.connect.selectors import today_gesture_for

    user = context["user"]
    return {"gesture": today_gesture_for(user) if user.is_authenticated else None}
