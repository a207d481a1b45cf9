from ninja import Schema


class ErrorOut(Schema):
    detail: str | list | dict


# The error bodies every endpoint may answer with, for the OpenAPI document.
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 410: ErrorOut, 422: ErrorOut}
