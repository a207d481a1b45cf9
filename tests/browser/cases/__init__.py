"""The axe-core cases for tests/browser/test_accessibility.py, one module per app.

Each module except `common` exports `CASES`, a list of `common.Case`: every page of that
app in every state a person can see it. A new app adds `cases/<app>.py`; nothing else
needs to change, test_accessibility.py finds it."""
