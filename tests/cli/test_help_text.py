"""``parapp --help`` and argparse's own words in Vietnamese by default, English with --lang en;
a closed output pipe ends a command quietly."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parapp.__main__ import main
from parapp.cli import app as cli
from parapp.cli import help_text, help_vi
from parapp.core.messages import Lang

ROOT = Path(__file__).resolve().parents[2]


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_help_is_vietnamese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--help")
    assert out.startswith("cách dùng: parapp [tùy chọn] [TỆP | LỆNH ...]")
    assert "hiện hướng dẫn này rồi thoát" in out
    assert "tùy chọn:" in out
    assert "ngôn ngữ giao diện" in out
    for english in ("usage:", "options:", "show this help message", "interface language"):
        assert english not in out


def test_every_command_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "round", "create", "--help")
    assert out.startswith("cách dùng: parapp round create")
    assert "Tạo tệp VÒNG.parround" in out
    assert "--criteria MÃ_BỘ --name TÊN VÒNG" in out
    assert "ROUND" not in out
    # A description built from a command's help ("Write a unit's self-assessment form.").
    out = _help(capsys, "round", "self-form", "--help")
    assert "Ghi mẫu tự đánh giá của một đơn vị." in out


def test_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "en", "--help")
    assert out.startswith("usage: parapp [options]")
    assert "show this help message and exit" in out
    out = _help(capsys, "--lang=en", "round", "create", "--help")
    assert out.startswith("usage: parapp round create")
    assert "Create ROUND.parround" in out


def test_argparse_errors_are_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["round", "create"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "lỗi: thiếu các tham số bắt buộc: VÒNG" in err
    assert "required" not in err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "round", "create"])
    assert "error: the following arguments are required" in capsys.readouterr().err


def test_argparse_words_are_put_back_after_parsing(capsys: pytest.CaptureFixture[str]) -> None:
    _help(capsys, "--help")
    assert cli.build_parser().format_help().startswith("usage: parapp")


def test_every_help_text_of_the_tree_has_its_vietnamese() -> None:
    missing = [t for t in help_text.texts(cli.build_parser()) if help_text.translate(t) is None]
    missing += [
        t for t in help_text.texts(cli.build_parser(gui=True)) if help_text.translate(t) is None
    ]
    assert not missing, "add to parapp/cli/help_vi.py: " + repr(missing)


def test_requested_lang_reads_only_lang() -> None:
    assert help_text.requested_lang([]) is Lang.VI
    assert help_text.requested_lang(["--lang", "en", "criteria"]) is Lang.EN
    assert help_text.requested_lang(["--lang=en"]) is Lang.EN
    assert help_text.requested_lang(["--lang", "vi"]) is Lang.VI
    assert help_text.requested_lang(["--", "--lang", "en"]) is Lang.VI


def test_localize_leaves_english_alone() -> None:
    parser = argparse.ArgumentParser(description="Criteria sets.")
    assert help_text.localize(parser, Lang.EN).description == "Criteria sets."
    assert help_text.localize(parser, Lang.VI).description == "Bộ tiêu chí."


def test_piping_into_head_ends_quietly() -> None:
    """`parapp criteria check | head -1`: the reader leaves at once; no BrokenPipeError."""
    child = subprocess.Popen(
        [sys.executable, "-m", "parapp", "criteria", "check"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # what `head -1` does after its line
    err = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=120) == 0
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err


def _usage_and_help(parser: argparse.ArgumentParser) -> list[str]:
    """The help screen of ``parser`` and of every sub-command under it."""
    screens = [parser.format_help()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                screens += _usage_and_help(sub)
    return screens


def test_no_english_placeholder_in_any_vietnamese_help_screen() -> None:
    english = set(help_vi.PLACEHOLDERS_VI)
    every: list[str] = []
    for parser in (cli.build_parser(), cli.build_parser(gui=True)):
        help_text._plain_progs(parser)  # as parse() does
        help_text.localize(parser, Lang.VI)
        help_text.use_argparse_language(Lang.VI)
        try:
            screens = _usage_and_help(parser)
        finally:
            help_text.use_argparse_language(Lang.EN)
        left = {
            (screen.splitlines()[0], word)
            for screen in screens
            for word in re.findall(r"\b[A-Z][A-Z0-9_]*\b", screen)
            if word in english
        }
        assert not left, sorted(left)[:20]
        every += screens
    assert any("[--ca TỆP]" in screen for screen in every)
    assert any("--unit MÃ " in screen for screen in every)


def test_english_keeps_its_placeholders(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "--lang", "en", "merge", "--help")
    assert "ROUND FILE.parscore [FILE.parscore ...]" in out
    assert "[--ca FILE]" in out
