"""Entry point: arguments -> logging -> a CLI command, or the desktop application."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from parapp import logsetup
from parapp.cli import app as cli

CLOSED_PIPE_STATUS = 0
"""Exit status when the reader of our output went away (``parapp audit R | head``): the output
was cut short by the reader's choice, not by an error of parapp."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``parapp``; a sub-command runs headless, otherwise the GUI opens.

    Help, errors and every message speak the language of ``--lang`` (Vietnamese by default),
    from the very first parse. A closed output pipe ends the command quietly.
    """
    try:
        return _main(argv)
    except BrokenPipeError:
        _drop_stdout()
        return CLOSED_PIPE_STATUS


def _main(argv: Sequence[str] | None) -> int:
    args = cli.parse_args(argv)
    log_file = logsetup.configure(debug=args.debug)
    if args.self_test:
        from parapp.selftest import run_self_test  # noqa: PLC0415 - loads everything, on demand

        status = run_self_test(lang=args.lang)
        sys.stdout.flush()
        return status
    if args.command is not None:
        status = cli.run(args)
        # Flushed here, inside the guard: a reader that left shows up now, not at exit.
        sys.stdout.flush()
        return status
    # Imported here so that the CLI never loads Qt.
    from parapp.ui import app  # noqa: PLC0415

    return app.run(
        sys.argv[:1],
        lang=args.lang,
        demo=args.demo,
        screenshot=args.screenshot,
        file=args.file,
        fault_log=log_file.with_name("crash.log") if log_file else None,
    )


def _drop_stdout() -> None:
    """Point stdout at the null device so that the interpreter's final flush cannot fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real file descriptor (tests capture stdout)
        pass


def entry() -> None:
    """Console-script entry: exit with ``main``'s status."""
    sys.exit(main())


if __name__ == "__main__":
    entry()
