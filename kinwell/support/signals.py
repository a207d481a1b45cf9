"""When a person who was building a plan together deletes their account, their answers
leave the other person's plan with them (the foreign key alone would keep the words)."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def forget_partner_answers(sender, instance, **kwargs):
    from kinwell.support.models import SupportPlan

    SupportPlan.objects.filter(partner=instance).update(partner=None, circle=None, partner_answers_text="")
