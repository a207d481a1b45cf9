from ninja import Field, Router, Schema

from kinwell.accounts import services
from kinwell.core.personal_data import export_for
from kinwell.core.schemas import ERRORS

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    time_zone: str
    language: str


class MeUpdate(Schema):
    display_name: str | None = Field(None, min_length=1, max_length=60)
    time_zone: str | None = Field(None, max_length=64)
    language: str | None = Field(None, max_length=8)


@router.get("/me", response={200: MeOut, **ERRORS})
def me(request):
    return request.auth


@router.patch("/me", response={200: MeOut, **ERRORS})
def update_me(request, payload: MeUpdate):
    return services.update_profile(user=request.auth, **payload.dict())


@router.get("/me/export", response={200: dict, **ERRORS})
def export_me(request):
    """Everything Kinwell holds about the signed-in person."""
    return export_for(request.auth)
