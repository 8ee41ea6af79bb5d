"""Time is defined once: only dingmi_desktop/clock.py reads the machine clock, and tests run on their own."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from dingmi_desktop import clock as dingmi_clock
from dingmi_desktop.clock import local_date, local_text, zone
from tests.fixtures.store import TEST_EPOCH, TEST_TODAY

PACKAGE = Path(__file__).resolve().parents[1] / "dingmi_desktop"
TESTS = Path(__file__).resolve().parent
MACHINE_CLOCK = re.compile(
    r"datetime\.now\(|datetime\.today\(|datetime\.utcnow\(|date\.today\(|QDate\.currentDate\(|"
    r"QDateTime\.currentDateTime\(|time\.time\(\)|\.astimezone\(\)"
)


def _offenders(root: Path, allowed: set[Path]) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if path in allowed:
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if MACHINE_CLOCK.search(line.split("#")[0]):
                found.append(f"{path.relative_to(root.parent)}:{number}: {line.strip()}")
    return found


def test_only_the_clock_module_reads_the_machine_clock() -> None:
    assert _offenders(PACKAGE, {PACKAGE / "clock.py"}) == []


def test_tests_never_read_the_machine_clock() -> None:
    assert _offenders(TESTS, {Path(__file__).resolve()}) == []


def test_every_test_runs_on_its_own_controlled_clock(clock) -> None:
    assert dingmi_clock.system_now() > TEST_EPOCH  # the product's "machine clock" is the test's clock
    clock.advance(days=400)
    assert dingmi_clock.system_now() - TEST_EPOCH >= timedelta(days=400)


def test_dates_are_the_units_local_dates() -> None:
    late_utc = TEST_EPOCH.replace(hour=17, minute=30)  # 01:30 the next day in Beijing
    assert local_date(late_utc) == TEST_TODAY + timedelta(days=1)
    assert local_text(late_utc).endswith("01:30")
    assert local_date(late_utc, zone("UTC")) == late_utc.date()
