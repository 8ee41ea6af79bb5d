"""Child processes on the test's clock, so that no test, in this process or a child, reads the machine's date.

`python -m tests.clocked ISO MODULE ARGS...` runs MODULE as `python -m MODULE ARGS...` with
dingmi_desktop.clock.system_now starting at ISO and moving on with real elapsed (monotonic) time;
`-c` children prepend `prelude(start)` to their code.
"""

from __future__ import annotations

import runpy
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def install(start_iso: str) -> None:
    from dingmi_desktop import clock

    start = datetime.fromisoformat(start_iso)
    base = time.monotonic()
    clock.system_now = lambda: start + timedelta(seconds=time.monotonic() - base)


def command(start: datetime, module: str, *args: str) -> list[str]:
    """argv for `python -m MODULE ARGS...` on the clock starting at `start`."""
    return [sys.executable, "-m", "tests.clocked", start.isoformat(), module, *args]


def prelude(start: datetime) -> str:
    """Code to put before a `python -c` child's own code (run with cwd=REPO)."""
    return f"import tests.clocked as _clocked; _clocked.install({start.isoformat()!r})\n"


def main() -> None:
    start_iso, module, *args = sys.argv[1:]
    install(start_iso)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
