from django.conf import settings


def site(request):
    return {"site_name": "Kinwell", "production": settings.PRODUCTION}
