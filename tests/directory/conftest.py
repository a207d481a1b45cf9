from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def data_dir() -> Path:
    return Path(settings.SHARED_DATA_DIR)


@pytest.fixture
def samhsa_xlsx(data_dir) -> Path:
    return data_dir / "samhsa" / "National_Directory_MH_Facilities_2022.xlsx"


@pytest.fixture
def locator_json(data_dir) -> Path:
    return data_dir / "samhsa" / "findtreatment_locator_sample.json"
