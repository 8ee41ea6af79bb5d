from __future__ import annotations

import pytest

from dingmi_desktop.storage import Store
from tests.services.samples import Users


@pytest.fixture
def users(demo_store: Store) -> Users:
    return Users(demo_store)
