"""The rotating log file: event kinds, ids, timings and errors, never form contents.

Logs live beside the store, in `<store>/../logs/` (for the default layout the per-user data directory:
`~/.local/share/dingmi-desktop/{store,demo,logs}`): a store directory must stay empty until a store is
created or restored into it, so nothing else may be written inside it. Each program has its own file
(`dingmi-desktop.log`, `dingmi.log`): RotatingFileHandler is not safe across processes.
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_DIR_NAME = "logs"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # at most six files of 1 MB per program
LOGGER = "dingmi_desktop"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_active: dict[str, Path] = {}

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def log_dir(store_dir: Path) -> Path:
    return Path(store_dir).parent / LOG_DIR_NAME


def active_log_file(program: str) -> Path | None:
    """The file this process logs to, once set up."""
    return _active.get(program)


class ContentFreeFormatter(logging.Formatter):
    """Our own exceptions carry user-facing messages that may quote what was typed into a form: the file
    gets their type and traceback, not their text. Foreign exceptions (bugs) keep their message."""

    def formatException(self, ei: ExcInfo) -> str:
        exc_type, exc, tb = ei
        if exc_type is not None and type(exc).__module__.startswith("dingmi_desktop"):
            frames = "".join(traceback.format_tb(tb))
            return f"Traceback (most recent call last):\n{frames}{exc_type.__qualname__}: <message withheld>"
        return super().formatException(ei)


def set_up(store_dir: Path, program: str) -> Path | None:
    """Attach the rotating file for `program`; None when the folder cannot be made (the run goes on)."""
    folder = log_dir(store_dir)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"{program}.log"
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError:
        # No stderr line: a folder that cannot be written gets its one clear message from the command itself
        # (storage.files), and a run without a log file loses nothing the store keeps.
        return None
    if os.name == "posix":
        path.chmod(0o600)
    handler.setFormatter(ContentFreeFormatter(FORMAT))
    handler.set_name(f"dingmi-file-{program}")
    logger = logging.getLogger(LOGGER)
    tear_down(program)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _active[program] = path
    return path


def tear_down(program: str) -> None:
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if handler.get_name() == f"dingmi-file-{program}":
            logger.removeHandler(handler)
            handler.close()
    if program in _active:
        logger.setLevel(logging.NOTSET)
    _active.pop(program, None)


@contextmanager
def logging_to(store_dir: Path, program: str) -> Iterator[Path | None]:
    path = set_up(store_dir, program)
    try:
        yield path
    finally:
        tear_down(program)
