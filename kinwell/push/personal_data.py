from kinwell.core.personal_data import register_section
from kinwell.push.models import PushDevice


@register_section("push_devices")
def devices_section(user) -> dict | None:
    """The devices with push on, as the person sees them. The push address and keys are
    left out: they are the browser's, and only useful for sending to it."""
    devices = PushDevice.objects.filter(owner=user)
    if not devices:
        return None
    return {"devices": [{"name": device.name, "added": device.added_at, "last_used": device.last_used_at}
                        for device in devices]}
