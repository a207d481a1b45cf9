from typing import Annotated

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str | list | dict


# The error bodies every endpoint may answer with, for the OpenAPI document.
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 410: ErrorOut, 422: ErrorOut}


# An id a client sends: beyond what a database integer holds is a 422, not a 500.
DatabaseId = Annotated[int, Field(ge=1, le=2**63 - 1)]
