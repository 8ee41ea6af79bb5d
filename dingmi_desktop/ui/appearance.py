"""Application-wide look: bundled CJK font, translations and the style sheet, set up once at start."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QDir, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from dingmi_desktop.paths import resource_path, resources_root
from dingmi_desktop.ui.wheel_guard import install_wheel_guard

log = logging.getLogger(__name__)

UI_FONT_FILE = "wqy-zenhei.ttc"
LANGUAGE_ENV = "DINGMI_LANG"


def register_fonts(app: QApplication, point_size: float = 10.0) -> str:
    """Register the bundled font and make it the application font; returns the family name used."""
    family = ""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", UI_FONT_FILE)))
    if font_id >= 0:
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    if not family:
        log.error("bundled font %s could not be registered", UI_FONT_FILE)
        return app.font().family()
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    app.setFont(font)
    return family


def ui_language() -> str:
    """'zh_CN' (default) or 'en'; the DINGMI_LANG environment variable overrides."""
    wanted = os.environ.get(LANGUAGE_ENV, "").strip()
    if wanted.lower().startswith("en"):
        return "en"
    return "zh_CN"


def install_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load resources/translations/dingmi_<lang>.qm; Chinese is the source language and needs none."""
    language = language or ui_language()
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return None
    translator = QTranslator(app)
    directory = resources_root() / "translations"
    if translator.load(f"dingmi_{language}", str(directory)):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for %s in %s", language, directory)
    return None


_qt_translator: QTranslator | None = None


def install_qt_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Qt's own strings (file, print, message and colour dialogs, standard buttons) in the UI language:
    qtbase_zh_CN from Qt's translations directory for Chinese; none (Qt's English) otherwise. Calling it
    again replaces the previous one, so the language can be switched."""
    global _qt_translator
    language = language or ui_language()
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    QLocale.setDefault(chinese)
    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(chinese, "qtbase", "_", directory):
        log.warning("Qt's own translation qtbase_zh_CN not found in %s; Qt dialogs stay English", directory)
        return None
    app.installTranslator(translator)
    _qt_translator = translator
    return translator


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    try:
        sheet = resource_path("styles", "app.qss").read_text(encoding="utf-8")
        QDir.addSearchPath("styles", str(resource_path("styles")))  # url(styles:arrow-down.svg)
    except FileNotFoundError:
        log.warning("style sheet missing; using the plain Fusion style")
        return
    app.setStyleSheet(sheet)


def app_icon() -> QIcon:
    """The program's icon at every size drawn from resources/icons/dingmi-desktop.svg."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"dingmi-desktop-{size}.png")))
    return icon


def set_up_application(app: QApplication, language: str | None = None) -> None:
    app.setApplicationName("dingmi-desktop")
    app.setOrganizationName("dingmi")
    app.setApplicationDisplayName(QApplication.translate("app", "定密桌面"))
    app.setWindowIcon(app_icon())  # every window's icon, the same drawing as the menu entry's
    register_fonts(app)
    install_translator(app, language)
    install_qt_translator(app, language)
    apply_style(app)
    install_wheel_guard(app)  # combo / spin boxes change under the wheel only with keyboard focus
