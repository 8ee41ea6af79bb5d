"""定密桌面 — classification-determination desktop for air-gapped terminals."""

__version__ = "0.1.0"
