import factory
from django.contrib.auth import get_user_model

from kinwell.circles import services as circle_services
from kinwell.circles.models import Circle, CircleKind, Membership

DEFAULT_PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name")
    time_zone = "UTC"
    language = "en"

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or DEFAULT_PASSWORD)
        if create:
            obj.save()


class CircleFactory(factory.django.DjangoModelFactory):
    """A circle with an owner. Pass `members=[...]` to add people to it."""

    class Meta:
        model = Circle
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Circle {n}")
    kind = CircleKind.FAMILY

    @factory.post_generation
    def owner(obj, create, extracted, **kwargs):
        Membership.objects.create(circle=obj, user=extracted or UserFactory(), role=Membership.Role.OWNER)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        for person in extracted or []:
            Membership.objects.create(circle=obj, user=person)


def share(person, circle, *kinds):
    circle_services.update_sharing(user=person, circle=circle, kinds=set(kinds))
