import pytest

from tests.library import FIXTURE_ARTICLES


@pytest.fixture(autouse=True)
def fixture_articles(settings):
    settings.LIBRARY_ARTICLES_DIR = FIXTURE_ARTICLES
