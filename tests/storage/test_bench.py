"""`dingmi bench` store figures: the keys exist and the numbers are sane (timings are not asserted)."""

from __future__ import annotations

from dingmi_desktop.bench import store_bench
from dingmi_desktop.bench.runner import BenchContext


def test_store_bench_records_its_keys(tmp_path):
    ctx = BenchContext(quick=True, workdir=str(tmp_path))
    store_bench.run(ctx, stored_forms=150, kdf_target=0)
    assert set(ctx.results) == {"unlock.kdf_s", "store.form_save_s", "store.sqlcipher_vs_sqlite_ratio"}
    assert all(value > 0 for value in ctx.results.values())
    assert ctx.sizes["store.forms"] == 150
    assert any("64 MiB，2 轮" in note for note in ctx.notes)


def test_the_kdf_is_calibrated_and_timed_in_a_child_process(monkeypatch):
    """Argon2id's calibrated memory (up to 1 GiB) is the key's strength, not the program's footprint: it
    must not reach this process (memory.peak_mib)."""
    from dingmi_desktop.security import kdf

    def refuse(*_args, **_kwargs):
        raise AssertionError("the KDF ran in the bench process")

    monkeypatch.setattr(kdf, "derive_key", refuse)
    params, seconds = store_bench.kdf_in_child(0, 1)
    assert params == kdf.KdfParams.FLOOR and seconds > 0


def test_draft_bench_saves_through_the_product_path(tmp_path, clock):
    """store.draft_save_s times DraftingService.save_draft on a founded store; each save really lands."""
    from dingmi_desktop.bench import draft_bench
    from dingmi_desktop.services.demo import DEMO_PASSWORD
    from dingmi_desktop.storage import Store

    ctx = BenchContext(quick=True, workdir=str(tmp_path))
    draft_bench.run(ctx)
    assert set(ctx.results) == {"store.draft_save_s"} and ctx.results["store.draft_save_s"] > 0
    store = Store.open(tmp_path / "draft-bench" / "store", clock=clock)
    try:
        with store.sign_in("zhangsan", DEMO_PASSWORD).transaction() as tx:
            newest = max(tx.forms.list(limit=500), key=lambda f: f.id)
        assert newest.title == "关于第24号项目技术方案的请示"  # the last of the quick run's saves
    finally:
        store.close()
