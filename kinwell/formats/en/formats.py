"""Dates, times and numbers as Kinwell writes them in English (FORMAT_MODULE_PATH).

Django's own names first, then Kinwell's named formats (read with
`kinwell.core.dates.named_format` or the `named_date` filter): templates and Python
name a format, never spell one out, so each language writes dates its own way.
"""

DATE_FORMAT = "N j, Y"  # Dec. 3, 2026
SHORT_DATE_FORMAT = "m/d/Y"
TIME_FORMAT = "P"  # 5:56 p.m.
DATETIME_FORMAT = "N j, Y, P"
SHORT_DATETIME_FORMAT = "m/d/Y P"
MONTH_DAY_FORMAT = "F j"  # December 3
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# Kinwell's named formats.
WEEKDAY_DATE_FORMAT = "l, F j, Y"  # Thursday, December 3, 2026
WEEKDAY_DAY_FORMAT = "l, F j"  # Thursday, December 3
SHORT_MONTH_DAY_FORMAT = "M j"  # Dec 3
SHORT_WEEKDAY_DATE_FORMAT = "D, M j, Y"  # Thu, Dec 3, 2026
WEEKDAY_TIME_FORMAT = "l, F j, P"  # Thursday, December 3, 5:56 p.m.
