"""English date and time formats where they differ from Django's.

Django's English times end with a full stop ("5:56 p.m."), so any sentence of ours that
ends with a time read "5:56 p.m..". "5:56 PM" ends cleanly wherever it lands. Anything
not named here is Django's own."""

TIME_FORMAT = "g:i A"
DATETIME_FORMAT = "N j, Y, g:i A"
SHORT_DATETIME_FORMAT = "m/d/Y g:i A"
