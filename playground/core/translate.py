"""Translations without Qt, for the CLI and the training runner (which never load Qt).

They read the very ``.ts`` files the window's ``.qm`` are compiled from (Qt Linguist's XML, read
with ``xml.etree``), so one catalogue serves the window, the runner's messages and the CLI. The
language comes from ``--lang`` or the locale variables (``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
Plurals follow Qt's ``%n`` convention: English has two forms, Chinese one.

``Text`` is a ``str`` in English that remembers its template, so a message made in the runner can
still be shown in the window's language (``playground.app.i18n.localized``).
"""

from __future__ import annotations

import argparse
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from playground.core.errors import quote
from playground.core.resources import translations_dir

LANGUAGES = ("en", "zh_CN")
"""Languages that ship; ``en`` is the source language (its catalogue holds only plural forms)."""
CATALOGUE = "playground_{language}.ts"



def normalise(name: str | None) -> str:
    """A locale name (``zh_CN.UTF-8``, ``zh-Hans``, ``en_GB``, ``C``) → a shipped language."""
    if not name:
        return "en"
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    if base.lower().startswith("zh") and base.lower() not in ("zh_tw", "zh_hk", "zh_hant", "zh_mo"):
        return "zh_CN"
    return "en"


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale variables ask for, as ``gettext`` reads them (first set one wins)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key)
        if value:
            return normalise(value)
    return "en"


def plural_index(language: str, n: int) -> int:
    """Which numerus form Qt uses for ``n``: English singular/plural, Chinese a single form."""
    if language.startswith("zh"):
        return 0
    return 0 if n == 1 else 1


class Catalogue:
    """One ``.ts`` file: ``(context, source, comment)`` → the translation or its plural forms."""

    def __init__(self, messages: dict[tuple[str, str, str], list[str]]) -> None:
        self.messages = messages

    @classmethod
    def read(cls, path: Path) -> Catalogue:
        messages: dict[tuple[str, str, str], list[str]] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                comment = message.findtext("comment") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
                if any(forms):
                    messages[(name, source, comment)] = forms
        return cls(messages)

    def lookup(self, context: str, source: str, comment: str, n: int, language: str) -> str | None:
        forms = self.messages.get((context, source, comment))
        if not forms:
            return None
        return forms[min(plural_index(language, n), len(forms) - 1)] if n >= 0 else forms[0]


@cache
def catalogue(language: str) -> Catalogue:
    path = translations_dir() / CATALOGUE.format(language=language)
    try:
        return Catalogue.read(path)
    except (OSError, ET.ParseError):
        return Catalogue({})


_language: str | None = None


def set_language(language: str | None) -> str:
    """Use ``language`` (a locale name, or ``None`` for the system's) for ``translate``; returns it."""
    global _language
    _language = normalise(language) if language else system_language()
    return _language


def language() -> str:
    return _language if _language is not None else system_language()


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1,
              lang: str | None = None) -> str:
    """``source`` in the current language (Qt's ``QCoreApplication.translate``, without Qt).

    The arguments are Qt's, in Qt's order, so ``lupdate`` finds the calls; ``%n`` becomes ``n``.
    """
    lang = lang or language()
    text = catalogue(lang).lookup(context, source, disambiguation or "", n, lang)
    if text is None and lang != "en":
        text = catalogue("en").lookup(context, source, disambiguation or "", n, "en")
    if text is None:
        text = source
    return text.replace("%n", str(n)) if n >= 0 else text


class Text(str):
    """A message in English that keeps its template and arguments, so it can be shown translated.

    ``Text("runner", "finished %n epoch(s)", None, 3)`` reads "finished 3 epochs";
    ``Text("runner", "{0} is busy").format("cuda:0")`` keeps ``("cuda:0",)``. It pickles (the
    runner sends it to the window) and is a plain ``str`` everywhere else.
    """

    context: str
    source: str
    disambiguation: str | None
    n: int
    args: tuple[Any, ...]

    def __new__(cls, context: str, source: str, disambiguation: str | None = None, n: int = -1,
                args: tuple[Any, ...] = ()) -> Text:
        english = translate(context, source, disambiguation, n, "en")
        self = super().__new__(cls, english.format(*args) if args else english)
        self.context, self.source, self.disambiguation, self.n, self.args = (
            context, source, disambiguation, n, tuple(args))
        return self

    def format(self, *args: Any, **kwargs: Any) -> Text:  # type: ignore[override]
        if kwargs:
            raise TypeError("Text.format takes positional arguments only ({0}, {1}, …)")
        return Text(self.context, self.source, self.disambiguation, self.n, args)

    def localized(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the current language)."""
        text = translate(self.context, self.source, self.disambiguation, self.n, lang)
        return text.format(*self.args) if self.args else text

    def __reduce__(self) -> tuple[Any, ...]:
        return Text, (self.context, self.source, self.disambiguation, self.n, self.args)


def take_language(argv: list[str]) -> tuple[list[str], str | None]:
    """``argv`` without ``--lang X`` / ``--lang=X`` (allowed anywhere on the command line), and ``X``."""
    out, lang = [], None
    it = iter(argv)
    for arg in it:
        if arg == "--lang":
            lang = next(it, None)
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            out.append(arg)
    if lang is not None and not lang.lower().startswith(("en", "zh", "c", "posix")):
        raise SystemExit(f"playground: error: --lang: unknown language {quote(lang)}; "
                         f"choose one of: {', '.join(LANGUAGES)}")
    return out, lang


def translate_parser(parser: argparse.ArgumentParser, context: str = "cli") -> argparse.ArgumentParser:
    """Translate an argparse parser's description and help texts in place, sub-commands included.

    ``tools/translations.py`` shows lupdate these literals as ``translate("cli", …)`` calls.
    """
    if parser.description:
        parser.description = translate(context, parser.description)
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            action.help = translate(context, action.help)
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                translate_parser(sub, context)
            for choice in action._choices_actions:
                if choice.help:
                    choice.help = translate(context, choice.help)
    return parser


def localized(message: object, lang: str | None = None) -> str:
    """Any message in the current language: ``Text`` is translated, other text is kept as it is."""
    return message.localized(lang) if isinstance(message, Text) else str(message)
