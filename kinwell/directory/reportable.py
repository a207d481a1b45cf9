"""Directory records as reportable content: "Report incorrect information" on a
service goes to the same moderation queue as replies, for an operator to check."""

import uuid

from django.db import transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kinwell.directory.models import SearchEntry, Service
from kinwell.directory.selectors import HIDDEN_STATUS
from kinwell.moderation.registry import Reportable, register


def _find(service_id):
    try:
        key = uuid.UUID(str(service_id))
    except ValueError:
        return None
    return Service.objects.select_related("organization").filter(pk=key).first()


def _url(service: Service) -> str:
    place = service.service_at_locations.order_by("id").first()
    if place is None:
        return reverse("directory:finder")
    return reverse("directory:detail", kwargs={"service_at_location_id": place.pk})


def _summary(service: Service) -> str:
    return f"{service.name} · {service.organization.name} · {service.source}"[:200]


@transaction.atomic
def _hide(service: Service) -> None:
    # Out of the finder and the HSDS API until an operator shows it again (unticks "hidden"
    # in the admin); a later import that lists it again keeps it hidden.
    service.status, service.hidden = HIDDEN_STATUS, True
    service.save(update_fields=["status", "hidden"])
    SearchEntry.objects.filter(service_at_location__service=service).delete()


@transaction.atomic
def _delete(service: Service) -> None:
    service.delete()


def register_services() -> None:
    register(
        Reportable(
            type_name="service",
            label=_("directory record"),
            find=_find,
            summary=_summary,
            html=lambda service: format_html("<p><strong>{}</strong></p><p>{}</p>", service.name, service.description),
            url=_url,
            author=lambda service: None,
            approve=lambda service: None,
            hide=_hide,
            delete=_delete,
        )
    )
