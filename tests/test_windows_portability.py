"""Nothing POSIX-only on the app's paths: the users run Windows.

Reads every module of ``parapp`` and fails on a call, import or literal that exists only on POSIX
systems (or behaves so differently on Windows that it breaks there). The test suite itself may use
them (it runs on Linux); the app may not.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "parapp"

POSIX_MODULES = {"fcntl", "pwd", "grp", "termios", "tty", "pty", "resource", "posix", "syslog"}
POSIX_ATTRIBUTES = {
    ("os", name)
    for name in (
        "fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "setuid", "setgid", "setsid",
        "getpgid", "killpg", "mkfifo", "mknod", "chown", "lchown", "fchown", "statvfs", "sync",
        "getloadavg", "uname", "nice", "O_NOFOLLOW", "O_DIRECTORY", "O_CLOEXEC", "WNOHANG",
        "sched_getaffinity",
    )
} | {
    ("signal", name)
    for name in ("SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
                 "alarm")
}  # fmt: skip
POSIX_LITERALS = ("/tmp/", "/dev/", "/proc/", "/etc/", "/usr/", "/var/")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _guarded(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Inside ``if os.name == "nt"`` / ``sys.platform`` branches the other side is allowed, and so
    is a per-platform table whose name says it is the POSIX one (``_POSIX_MODULES = (…)``)."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and ("POSIX" in t.id or "LINUX" in t.id) for t in node.targets
        ):
            return True
        if isinstance(node, ast.If) and any(
            isinstance(n, ast.Attribute) and n.attr in {"name", "platform"}
            for n in ast.walk(node.test)
        ):
            return True
    return False


def problems_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        where = f"{shown}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for name in names:
                if name and name.split(".")[0] in POSIX_MODULES and not _guarded(node, parents):
                    found.append(f"{where}: imports {name}")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in POSIX_ATTRIBUTES and not _guarded(node, parents):
                found.append(f"{where}: uses {node.value.id}.{node.attr}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith(POSIX_LITERALS)
            and not _guarded(node, parents)
        ):
            found.append(f"{where}: hard-coded POSIX path {node.value!r}")
    return found


def test_no_posix_only_call_in_the_app() -> None:
    found = [p for module in _modules() for p in problems_in(module)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "import fcntl\n",
        "import os\nos.fork()\n",
        "import os\nuid = os.getuid()\n",
        "import signal, os\nos.kill(1, signal.SIGKILL)\n",
        "folder = '/tmp/parapp'\n",
    ],
)
def test_the_guard_catches_posix_only_code(tmp_path: Path, source: str) -> None:
    module = tmp_path / "probe.py"
    module.write_text(source, encoding="utf-8")
    assert problems_in(module)


def test_a_platform_guarded_branch_is_allowed(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text("import os\nif os.name != 'nt':\n    import fcntl\n    os.getuid()\n")
    assert problems_in(module) == []
