"""The window's language: Qt translators for the system locale, or the one chosen in View ▸ Language.

Our catalogue (``playground_<lang>.qm``, compiled by ``lrelease`` from the ``.ts`` files that the
CLI reads too) and Qt's own (``qtbase_<lang>.qm``, for standard buttons such as Cancel) are
installed before any widget exists. The choice is kept in QSettings and applies at the next start:
every window, dialog and message is then built in that language from the first string on.
Messages made in the training process arrive as ``Text`` (English plus its template) and are
translated here, with Qt's plural rules.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from playground.core import translate as core_translate
from playground.core.translate import Text, normalise, translations_dir

SETTINGS_KEY = "ui/language"
SYSTEM = "system"
CHOICES: tuple[tuple[str, str], ...] = (
    (SYSTEM, ""),  # labelled in the window's language by the menu
    ("en", "English"),
    ("zh_CN", "简体中文"),
)
"""What View ▸ Language offers: each language by its own name, as language menus do."""

_installed: list[QTranslator] = []


def chosen(settings: QSettings) -> str:
    value = settings.value(SETTINGS_KEY, SYSTEM)
    return value if value in {key for key, _ in CHOICES} else SYSTEM


def resolve(choice: str) -> str:
    """``system`` → the shipped language nearest the system locale; anything else as it is."""
    return normalise(QLocale.system().name()) if choice == SYSTEM else normalise(choice)


def install(language: str) -> str:
    """Install the translators for ``language`` (a choice or a locale name); returns the language used."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    uninstall()
    lang = resolve(language)
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"playground_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    core_translate.set_language(lang)
    return lang


def uninstall() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def install_saved(settings: QSettings | None = None) -> str:
    """Start-up: the language saved in the settings (default: the system's)."""
    return install(chosen(settings if settings is not None else QSettings()))


def localized(message: object) -> str:
    """A runner message in the window's language; other text is shown as it is."""
    if isinstance(message, Text):
        text = QCoreApplication.translate(message.context, message.source, message.disambiguation, message.n)
        if text == message.source.replace("%n", str(message.n)):  # no translator: the English of the catalogue
            return str(message)
        return text.format(*message.args) if message.args else text
    return str(message)
