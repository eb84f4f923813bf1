"""Entry point: arguments -> logging -> a CLI command, or the desktop application."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from parapp import logsetup
from parapp.cli import app as cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``parapp``; a sub-command runs headless, otherwise the GUI opens."""
    args = cli.parse_args(argv)
    log_file = logsetup.configure(debug=args.debug)
    if args.self_test:
        from parapp.selftest import run_self_test  # noqa: PLC0415 - loads everything, on demand

        return run_self_test(lang=args.lang)
    if args.command is not None:
        return cli.run(args)
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


def entry() -> None:
    """Console-script entry: exit with ``main``'s status."""
    sys.exit(main())


if __name__ == "__main__":
    entry()
