"""定密桌面 — classification-determination desktop for air-gapped terminals."""


def __getattr__(name: str) -> str:
    # Lazy: reading the package metadata costs an import the GUI's start need not pay.
    if name == "__version__":
        from dingmi_desktop.version import package_version

        return package_version()
    raise AttributeError(f"module 'dingmi_desktop' has no attribute {name!r}")
