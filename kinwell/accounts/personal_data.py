from django.utils.translation import gettext_lazy as _

from kinwell.core.personal_data import register_section


@register_section(
    "account",
    describes=_(
        "Your account: email, name, language, time zone, when you joined and your API keys (never the keys themselves)."
    ),
)
def account_section(user) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "language": user.language,
        "joined": user.date_joined,
        "last_login": user.last_login,
        "api_tokens": [
            {"name": token.name, "hint": token.hint, "created": token.created_at, "last_used": token.last_used_at}
            for token in user.api_tokens.all()
        ],
    }
