from django.conf import settings

from kinwell.safety.resources import resources_for


def site(request):
    return {"site_name": "Kinwell", "production": settings.PRODUCTION,
            "crisis_country": resources_for(settings.CRISIS_COUNTRY)}
