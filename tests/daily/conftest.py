import pytest

from tests.daily import FIXTURE_BANK


@pytest.fixture(autouse=True)
def _fixture_bank(settings):
    # The tests' own small bank, so they never depend on the real one's size or wording.
    settings.DAILY_QUESTIONS_DIR = FIXTURE_BANK
