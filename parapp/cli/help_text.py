"""``parapp --help`` in Vietnamese: the command tree's help texts and argparse's own words.

The command modules write their help in English (the source language, like the Qt interface).
``localize(parser, lang)`` walks the finished tree and, for Vietnamese, replaces every help text,
description and usage line found in ``help_vi.HELP_VI``; ``parse`` also makes argparse's own
texts ("usage:", "options", its error messages) Vietnamese while it parses, through the
``gettext`` names argparse looks up when it speaks, and puts them back afterwards.

``requested_lang(tokens)`` reads ``--lang`` before anything is parsed, so that ``--help`` and a
parse error already speak the chosen language.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator, Sequence

from parapp.cli.help_vi import ARGPARSE_VI, HELP_PATTERNS_VI, HELP_VI, PLACEHOLDERS_VI
from parapp.core.messages import Lang

_ORIGINAL_GETTEXT: Callable[[str], str] = argparse._  # type: ignore[attr-defined]
_ORIGINAL_NGETTEXT: Callable[[str, str, int], str] = argparse.ngettext  # type: ignore[attr-defined]
_PLACEHOLDER = re.compile(
    r"\b(" + "|".join(sorted(PLACEHOLDERS_VI, key=len, reverse=True)) + r")\b"
)


def requested_lang(tokens: Sequence[str]) -> Lang:
    """The language asked for by ``--lang en`` / ``--lang=en`` anywhere before ``--``."""
    chosen = Lang.VI
    values = iter(tokens)
    for token in values:
        if token == "--":
            break
        if token == "--lang":
            chosen = Lang.EN if next(values, "") == "en" else Lang.VI
        elif token.startswith("--lang="):
            chosen = Lang.EN if token.removeprefix("--lang=") == "en" else Lang.VI
    return chosen


def translate(text: str) -> str | None:
    """The Vietnamese of one help text, or None when the table lacks it.

    Also finds "Write a unit's form." from "write a unit's form" (descriptions that repeat a
    command's help as a sentence) and the texts built at run time (``HELP_PATTERNS_VI``).
    """
    found = HELP_VI.get(text)
    if found is not None:
        return placeholders(found)
    if text.endswith(".") and text[:1].isupper():
        short = HELP_VI.get(text[:1].lower() + text[1:-1])
        if short is not None:
            return placeholders(short[:1].upper() + short[1:] + ".")
    for pattern, replacement in HELP_PATTERNS_VI:
        if re.fullmatch(pattern, text):
            return placeholders(re.sub(pattern, replacement, text))
    return None


def placeholders(text: str) -> str:
    """``text`` with its placeholders (FILE, ROUND, ``FILE.xlsx``, ``UNIT:CODE=SCORE``) in
    Vietnamese: TỆP, VÒNG, ``TỆP.xlsx``, ``ĐƠN_VỊ:MÃ_MỤC=ĐIỂM``."""
    return _PLACEHOLDER.sub(lambda found: PLACEHOLDERS_VI[found[1]], text)


def texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every help text, description and usage line of ``parser``'s tree (for tests)."""
    for holder, name in _fields(parser):
        value = getattr(holder, name)
        if isinstance(value, str) and value != argparse.SUPPRESS:
            yield value


def parse(parser: argparse.ArgumentParser, tokens: Sequence[str]) -> argparse.Namespace:
    """``parser.parse_args(tokens)`` speaking the language ``tokens`` ask for (Vietnamese by
    default): its help, usage and errors. argparse's own words are switched only meanwhile."""
    lang = requested_lang(tokens)
    _plain_progs(parser)
    localize(parser, lang)
    previous = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    use_argparse_language(lang)
    try:
        return parser.parse_args(tokens)
    finally:
        argparse._, argparse.ngettext = previous  # type: ignore[attr-defined]


def _plain_progs(parser: argparse.ArgumentParser) -> None:
    """``parapp round create``, not ``parapp [options] [FILE | COMMAND ...] round create``:
    argparse builds a sub-command's name from its parent's whole usage line."""
    if not parser.usage:
        return
    usage = parser.usage % {"prog": parser.prog}
    for holder, name in _fields(parser):
        if name == "description" and isinstance(holder, argparse.ArgumentParser):
            holder.prog = holder.prog.replace(usage, parser.prog)


def localize(parser: argparse.ArgumentParser, lang: Lang) -> argparse.ArgumentParser:
    """Put ``parser``'s whole tree into ``lang`` (English: left as written); returns it."""
    if lang is Lang.VI:
        for holder, name in _fields(parser):
            value = getattr(holder, name)
            if isinstance(value, str) and value != argparse.SUPPRESS:
                vietnamese = translate(value)
                if vietnamese is not None:
                    setattr(holder, name, vietnamese)
        for action in _actions(parser):
            if action.metavar is None and action.option_strings and _takes_free_value(action):
                action.metavar = placeholders(action.dest.upper())
            elif isinstance(action.metavar, str):
                action.metavar = placeholders(action.metavar)
            elif isinstance(action.metavar, tuple):
                action.metavar = tuple(placeholders(part) for part in action.metavar)
    return parser


def use_argparse_language(lang: Lang) -> None:
    """argparse's own texts in ``lang`` (it calls its module's ``_`` and ``ngettext``)."""
    if lang is Lang.VI:
        argparse._ = _gettext_vi  # type: ignore[attr-defined]
        argparse.ngettext = _ngettext_vi  # type: ignore[attr-defined]
    else:
        argparse._ = _ORIGINAL_GETTEXT  # type: ignore[attr-defined]
        argparse.ngettext = _ORIGINAL_NGETTEXT  # type: ignore[attr-defined]


def _gettext_vi(text: str) -> str:
    return ARGPARSE_VI.get(text, text)


def _ngettext_vi(singular: str, plural: str, count: int) -> str:
    return ARGPARSE_VI.get(singular if count == 1 else plural, plural)


def _takes_free_value(action: argparse.Action) -> bool:
    """Whether argparse would name ``action``'s value after its dest (no choices to list)."""
    return action.nargs != 0 and action.choices is None


def _actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    """Every action of ``parser``'s tree, each once (a shared parent's too)."""
    seen: set[int] = set()
    for holder, name in _fields(parser):
        if name == "help" and isinstance(holder, argparse.Action) and id(holder) not in seen:
            seen.add(id(holder))
            yield holder


def _fields(parser: argparse.ArgumentParser) -> Iterator[tuple[object, str]]:
    """(object, attribute) of every translatable text, each parser visited once."""
    seen: set[int] = set()
    pending = [parser]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield from ((current, name) for name in ("description", "epilog", "usage"))
        for action in current._actions:
            yield action, "help"
            if isinstance(action, argparse._SubParsersAction):
                yield from ((choice, "help") for choice in action._choices_actions)
                pending.extend(action.choices.values())
        for group in current._action_groups:
            yield group, "title"
            yield group, "description"
