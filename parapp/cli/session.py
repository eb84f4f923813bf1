"""What several command groups share, so that no group imports another: who runs the command,
opening a round as them, the "wrote FILE" line, and the types of a group's registration and
handlers."""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from parapp.core.messages import Lang, Msg
from parapp.services.context import RoundContext, open_round

Commands = Any  # argparse's private _SubParsersAction: the root parser's sub-commands
Handler = Callable[[argparse.Namespace, Lang, TextIO, TextIO], int]
"""A command: parsed arguments, language, stdout, stderr -> exit status."""


def current_user() -> str:
    """Who runs the command, for the audit log ("" when the system cannot tell)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user database entry (containers)
        return ""


class _CommandRound(RoundContext):
    """A round open for one command, holding the round's write lock until it closes."""

    writer: Any = None

    def close(self) -> None:
        super().close()
        if self.writer is not None:
            self.writer.release()


def open_as_user(path: Path) -> RoundContext:
    """Open a round for a command, recording the system user as the actor, and take the round's
    write lock for the command. When another parapp holds the round, it opens read-only: read
    commands work, and a write command stops at its first change, before anything is stored,
    with the sentence naming who holds it (host, user, time) and exit status 1."""
    from parapp.services import round_setup  # noqa: PLC0415 - loaded with the round

    ctx = open_round(path, actor=current_user())
    locked = _CommandRound(ctx.db, ctx.path, ctx.evidence, ctx.clock, ctx.actor)
    locked.writer = round_setup.take_round(locked)
    return locked


def written(lang: Lang, out: TextIO, path: Path) -> int:
    """Tell that ``path`` was written; exit status 0."""
    out.write(Msg(f"Đã ghi {path}.\n", f"Wrote {path}.\n").get(lang))
    return 0
