"""A plan built together ends when its couple does: when the partner deletes their account
(their answers leave with them), when either person leaves the couple circle or is
removed from it, or when the circle ends. Foreign keys alone would keep the words."""

from django.conf import settings
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_partner_answers(sender, instance, **kwargs):
    from kinwell.support.models import SupportPlan
    from kinwell.support.services import end_building_together

    end_building_together(SupportPlan.objects.filter(partner=instance))


@receiver(post_delete, sender="circles.Membership")
def stop_building_together_on_leaving(sender, instance, **kwargs):
    """A plan built together rests on the couple circle: when either person leaves it (or
    is removed, or the circle ends), the partner's answers and access end with it."""
    from django.db.models import Q

    from kinwell.support.models import SupportPlan
    from kinwell.support.services import end_building_together

    end_building_together(SupportPlan.objects.filter(circle_id=instance.circle_id).filter(
        Q(owner_id=instance.user_id) | Q(partner_id=instance.user_id)))


@receiver(pre_delete, sender="circles.Circle")
def stop_building_together_when_the_circle_ends(sender, instance, **kwargs):
    from kinwell.support.models import SupportPlan
    from kinwell.support.services import end_building_together

    end_building_together(SupportPlan.objects.filter(circle=instance))
