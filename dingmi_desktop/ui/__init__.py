"""The PySide6 user interface. Only this package and app.py import Qt."""

from dingmi_desktop.ui.compat import pin_immortal_singletons

pin_immortal_singletons()
