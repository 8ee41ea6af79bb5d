"""What keeps the suite within its time budget without weakening what the tests prove."""

from __future__ import annotations

from dingmi_desktop.security import keyslots
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD, remembered_derivation


def test_signing_a_demo_user_in_again_reuses_the_derived_key(demo_store: Store) -> None:
    """Every GUI test signs demo users in; after the first time, their Argon2id key is remembered."""
    assert keyslots.derive_key is remembered_derivation
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    before = remembered_derivation.cache_info()
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    after = remembered_derivation.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits
