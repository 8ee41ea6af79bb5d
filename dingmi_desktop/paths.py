"""Where things live: bundled resources and the per-user data directory."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "dingmi-desktop"
DATA_DIR_ENV = "DINGMI_DATA_DIR"


def resources_root() -> Path:
    """The resources/ folder, from a PyInstaller bundle, an installed wheel or a source checkout."""
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")  # installed wheel (force-included)
    candidates.append(package_dir.parent / "resources")  # source checkout / editable install
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError(f"resources/ not found; looked in: {', '.join(map(str, candidates))}")


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource, e.g. resource_path("fonts", "wqy-zenhei.ttc")."""
    path = resources_root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path


def default_data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """--data-dir is resolved by callers; this is $DINGMI_DATA_DIR, else the platform's user data dir."""
    env = (os.environ if environ is None else environ).get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "store"


def demo_data_dir() -> Path:
    """The per-user demo store `dingmi-desktop --demo` opens when no directory is named."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "demo"


def store_dir(explicit: Path | None, *, demo: bool, environ: Mapping[str, str] | None = None) -> Path:
    """The store the GUI opens: --data-dir, else $DINGMI_DATA_DIR, else the per-user store (or demo) dir.

    A named directory wins over --demo, which then builds (or opens) its demo store there.
    """
    if explicit is not None:
        return explicit
    if (os.environ if environ is None else environ).get(DATA_DIR_ENV):
        return default_data_dir(environ)
    return demo_data_dir() if demo else default_data_dir(environ)
