"""A bench store of generated decided items (bench.bulk_items), made once per run and copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dingmi_desktop.bench.bulk_items import bench_store, generate
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import MutableClock

BULK_ITEMS = 2000


@pytest.fixture(scope="session")
def _bulk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bulk-template") / "store"
    clock = MutableClock()
    store = bench_store(path, clock)
    try:
        generate(store, BULK_ITEMS, clock=clock)
    finally:
        store.close()
    return path


@pytest.fixture
def bulk_dir(_bulk_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "tmp" / "bulk"  # inside this test's temporary directory, like the bench's own
    shutil.copytree(_bulk_template, target)
    return target


@pytest.fixture
def bulk_store(bulk_dir: Path, clock: MutableClock) -> Iterator[Store]:
    store = Store.open(bulk_dir, clock=clock)
    session = store.sign_in("wangwu", DEMO_PASSWORD)  # unlocks the database
    yield store
    session.close()
    store.close()
