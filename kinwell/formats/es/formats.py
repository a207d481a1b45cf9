"""Dates, times and numbers as Kinwell writes them in Spanish (FORMAT_MODULE_PATH).

US Spanish: "jueves, 3 de diciembre de 2026", a decimal point (13.5) and a thousands
comma as in the United States, and the 12-hour clock with "a. m." / "p. m." (the
spacing comes from the project catalogue's "a.m." and "p.m.", see kinwell/core/dates.py).
"""

DATE_FORMAT = r"j \d\e F \d\e Y"  # 3 de diciembre de 2026
SHORT_DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "g:i a"  # 5:56 p. m.
DATETIME_FORMAT = r"l, j \d\e F \d\e Y, g:i a"  # jueves, 3 de diciembre de 2026, 5:56 p. m.
SHORT_DATETIME_FORMAT = "d/m/Y g:i a"
MONTH_DAY_FORMAT = r"j \d\e F"  # 3 de diciembre
YEAR_MONTH_FORMAT = r"F \d\e Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# Kinwell's named formats.
WEEKDAY_DATE_FORMAT = r"l, j \d\e F \d\e Y"  # jueves, 3 de diciembre de 2026
WEEKDAY_DAY_FORMAT = r"l, j \d\e F"  # jueves, 3 de diciembre
SHORT_MONTH_DAY_FORMAT = "j M"  # 3 dic
SHORT_WEEKDAY_DATE_FORMAT = r"D j \d\e M \d\e Y"  # jue 3 de dic de 2026
WEEKDAY_TIME_FORMAT = r"l j \d\e F, g:i a"  # jueves 3 de diciembre, 5:56 p. m.
