from kinwell.push.models import PushDevice


def devices_of(*, owner) -> list[PushDevice]:
    return list(PushDevice.objects.filter(owner=owner))


def reachable(*, user) -> bool:
    """The push channel's question: does this person have a device to push to?"""
    return PushDevice.objects.filter(owner=user).exists()
