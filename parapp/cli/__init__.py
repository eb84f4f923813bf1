"""The command line: the same services as the GUI, headless; one module per command group.

- ``app``: the parser root and the dispatch only (``build_parser``, ``parse_args``, ``run``,
  ``main``) and ``COMMAND_GROUPS``, the list of group modules in ``parapp --help`` order.
- one module per group: ``criteria``, ``rounds`` (round set-up, settings, workbooks),
  ``packages``, ``demo``, ``sign`` (sign, verify), ``merge`` (merge, resolve, completeness,
  audit, trust), ``results``, ``export`` (export, submit).
- shared: ``session`` (current user, opening a round as them, "wrote FILE", the ``Commands`` and
  ``Handler`` types) and ``keys`` (the signing-key options). Groups never import each other.

Adding a group: write ``parapp/cli/<group>.py`` with ``add_commands(commands: Commands)`` that
calls ``commands.add_parser(...)`` for its top-level command(s) and ``set_defaults(handler=...)``
on every leaf (a handler takes ``(args, lang, out, err)`` and returns the exit status; raise a
``UserFacingError`` with a bilingual ``Msg`` for exit 1). Then add ONE line, ``"<group>",``, to
``COMMAND_GROUPS`` in ``app.py`` (``tests/cli/test_command_groups.py`` then checks that it
registers a command, with a handler and a description on every leaf, colliding with no other
group; add a row to its ``GROUP_COMMANDS`` to pin your commands). Group modules are imported
only when the command tree is built, never when the desktop application starts. The console
entry point stays ``parapp.__main__:entry``.
"""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """``parapp COMMAND …`` without the desktop application (``parapp.cli.app.main``)."""
    from parapp.cli.app import main as run  # noqa: PLC0415 - keeps ``import parapp.cli`` light

    return run(argv)
