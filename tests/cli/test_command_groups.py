"""The command tree is assembled from one module per command group (``parapp.cli.app``'s
``COMMAND_GROUPS``): each group registers what it declares, the tree is the one of before the
split, every leaf has a handler, and the desktop start imports no group."""

from __future__ import annotations

import argparse
import ast
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import parapp.cli
from parapp.cli import app as cli

ROOT = Path(__file__).resolve().parents[2]
CLI_DIR = ROOT / "parapp" / "cli"
SHARED = {"app", "session", "keys"}
"""Modules of ``parapp.cli`` that are not command groups (the root and shared helpers)."""

GROUP_COMMANDS = {
    "criteria": ["criteria"],
    "rounds": ["round"],
    "demo": ["demo"],
    "packages": ["package"],
    "sign": ["verify", "sign"],
    "merge": ["merge", "resolve", "completeness", "audit", "trust"],
    "results": ["results"],
    "export": ["export", "submit"],
}
"""What each group module declares, in ``--help`` order. A new group may add its row."""

TOP_LEVEL_BEFORE = [command for commands in GROUP_COMMANDS.values() for command in commands]
"""``parapp --help``'s commands before the split into one module per group, in order."""

ACTIONS_BEFORE = {
    "criteria": ["list", "check", "export", "diff"],
    "round": [
        "create", "show", "add-unit", "add-member", "assign", "phase", "self-form",
        "self-import", "results-template", "results-import", "units-template", "import-units",
        "settings", "unit-edit", "unit-remove", "member-edit", "member-remove",
    ],
    "package": ["build", "open"],
    "sign": ["pdf", "xlsx", "package", "new-cert", "tokens"],
}  # fmt: skip


def _sub_commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    children = _sub_commands(parser)
    if not children and path:
        yield path, parser
    for name, child in children.items():
        yield from _leaves(child, (*path, name))


def _registered_by(group: str) -> list[str]:
    root = cli.ArgumentParser(prog="parapp")
    commands = root.add_subparsers(dest="command")
    importlib.import_module(f"parapp.cli.{group}").add_commands(commands)
    return list(_sub_commands(root))


def test_every_group_module_registers_what_it_declares() -> None:
    tree = list(_sub_commands(cli.build_parser()))
    seen: list[str] = []
    for group in cli.COMMAND_GROUPS:
        registered = _registered_by(group)
        assert registered, f"parapp.cli.{group} registers no command"
        if group in GROUP_COMMANDS:
            assert registered == GROUP_COMMANDS[group], group
        assert not set(registered) & set(seen), f"{group} registers a command twice"
        seen += registered
    assert seen == tree  # the tree is exactly the groups' commands, in the groups' order
    assert set(GROUP_COMMANDS) <= set(cli.COMMAND_GROUPS)


def test_the_command_tree_is_the_one_before_the_split() -> None:
    tree = _sub_commands(cli.build_parser())
    assert [name for name in tree if name in TOP_LEVEL_BEFORE] == TOP_LEVEL_BEFORE
    for command, actions in ACTIONS_BEFORE.items():
        assert list(_sub_commands(tree[command])) == actions, command


def test_every_listed_group_is_a_module_of_its_own_with_add_commands() -> None:
    assert len(set(cli.COMMAND_GROUPS)) == len(cli.COMMAND_GROUPS)
    for group in cli.COMMAND_GROUPS:
        assert (CLI_DIR / f"{group}.py").is_file(), group
        assert group not in SHARED, group
        assert callable(importlib.import_module(f"parapp.cli.{group}").add_commands), group


def test_every_leaf_command_has_a_handler_and_a_help() -> None:
    leaves = list(_leaves(cli.build_parser()))
    assert len(leaves) >= 34  # 34 before the split
    for path, parser in leaves:
        assert callable(parser.get_default("handler")), path
        assert parser.description, path
        assert parser.format_help().startswith("usage: parapp"), path


@pytest.mark.parametrize("group", sorted(set(cli.COMMAND_GROUPS)))
def test_groups_import_only_the_shared_modules(group: str) -> None:
    tree = ast.parse((CLI_DIR / f"{group}.py").read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    others = {f"parapp.cli.{name}" for name in (*cli.COMMAND_GROUPS, "app") if name != group}
    assert not imported & others, f"{group} imports another group; share through session"


def test_the_desktop_start_imports_no_command_group() -> None:
    code = (
        "import sys\n"
        "import parapp.__main__\n"
        "from parapp.cli import app\n"
        "app.parse_args(['--lang', 'en', 'x.parround'])\n"
        "print(' '.join(m for m in sys.modules if m.startswith('parapp.cli.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = set(result.stdout.split())
    assert "parapp.cli.app" in loaded
    groups = {f"parapp.cli.{name}" for name in (*cli.COMMAND_GROUPS, "session", "keys")}
    assert not loaded & groups


def test_the_package_runs_a_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert parapp.cli.main(["criteria", "list"]) == 0
    assert "PAR-TINH-2019" in capsys.readouterr().out
