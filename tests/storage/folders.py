"""Real read-only folders and real full disks for failure tests, no mocks.

- `read_only_folder(path)`: in this process. Root passes every permission bit, so as root the folder is made
  immutable (`chattr +i`, refused even to root: EPERM); otherwise it is made mode 0555 (EACCES).
- `in_namespace(code)`: runs Python `code` in a child inside a private user+mount namespace
  (`unshare -Urm`), where it may mount a small tmpfs (ENOSPC when full) or bind a folder read-only
  (EROFS). Nothing is mounted outside that child. Tests skip where namespaces are not allowed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def read_only_folder(path: Path) -> Iterator[None]:
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("chattr not available: cannot make a folder read-only for root")
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i refused here: {done.stderr.decode(errors='replace').strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        try:
            yield
        finally:
            path.chmod(mode)


def _namespaces_allowed() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-Urm", "true"], capture_output=True)
    return probe.returncode == 0


# Helpers the child's code can call (it runs as root of its own namespace, in a private mount table).
_CHILD_PRELUDE = r'''
import hashlib, json, os, subprocess, sys
from pathlib import Path

def sh(*argv):
    subprocess.run(argv, check=True, capture_output=True)

def tmpfs(path, kib):
    Path(path).mkdir(parents=True, exist_ok=True)
    sh("mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(path))

def read_only(path):
    sh("mount", "--bind", str(path), str(path))
    sh("mount", "-o", "remount,bind,ro", str(path))

def fill(path, leave_kib):
    """Fills the file system of `path` so that about `leave_kib` KiB stay free."""
    filler = Path(path) / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    if leave_kib:
        os.truncate(filler, max(0, filler.stat().st_size - leave_kib * 1024))
    return filler

def digests(directory):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in Path(directory).iterdir()
            if p.is_file()}

def dingmi(*argv):
    cmd = [sys.executable, "-m", "tests.clocked", START, "dingmi_desktop.cli", *map(str, argv)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    return {"code": done.returncode, "out": done.stdout, "err": done.stderr}

RESULT = {}
'''


def in_namespace(code: str, start_iso: str, **params: Any) -> dict[str, Any]:
    """Runs `code` (which fills the dict RESULT) in a private namespace; returns RESULT."""
    if not _namespaces_allowed():
        pytest.skip("user and mount namespaces (unshare -Urm) are not allowed here")
    program = (
        _CHILD_PRELUDE
        + f"START = {start_iso!r}\nPARAMS = json.loads({json.dumps(json.dumps(params))})\n"
        + code
        + "\nprint('RESULT=' + json.dumps(RESULT, ensure_ascii=False))\n"
    )
    done = subprocess.run(
        ["unshare", "-Urm", sys.executable, "-c", program],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    line = [x for x in done.stdout.splitlines() if x.startswith("RESULT=")][-1]
    return json.loads(line[len("RESULT=") :])
