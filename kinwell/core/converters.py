"""A path converter for database ids: digits that fit a 64-bit integer.

Django's `int` converter accepts any length, and a 30-digit id overflows the
database driver with a 500. With this one such a URL simply does not match: 404.
"""

from django.urls import register_converter


class IdConverter:
    regex = "[0-9]{1,18}"
    # What the regex lets through, for the OpenAPI document.
    minimum = 0
    maximum = 10**18 - 1

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(IdConverter, "id")
