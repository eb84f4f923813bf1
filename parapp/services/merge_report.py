"""The merge report of one file as text lines, the same for ``parapp merge`` and the secretary's
merge pane: the verdict, then every refused value, then the warnings that were merged."""

from __future__ import annotations

from parapp.core.messages import Lang, Msg
from parapp.services.merge import FileOutcome

MAX_LINES = 50
"""Problems or warnings listed per file; the rest are counted."""


def file_lines(outcome: FileOutcome, lang: Lang | str = Lang.VI) -> list[str]:
    """The report of ``outcome``: one line for the verdict, one per problem, one per warning."""
    label = outcome.outcome.label.get(lang)
    if outcome.details and outcome.headline is not None:
        lines = [f"{outcome.path.name}: {label} – {outcome.headline.get(lang)}:"]
        lines.extend(f"    ✗ {item.get(lang)}" for item in outcome.details[:MAX_LINES])
        lines.extend(_more(len(outcome.details), lang))
    else:
        lines = [outcome.describe(lang)]
    if outcome.findings:
        lines.append(
            Msg(
                f"    Cảnh báo ({len(outcome.findings)}), điểm vẫn được nhập:",
                f"    Warnings ({len(outcome.findings)}), the scores were merged:",
            ).get(lang)
        )
        lines.extend(
            f"    ! {finding.unit}: {finding.message.get(lang)}"
            for finding in outcome.findings[:MAX_LINES]
        )
        lines.extend(_more(len(outcome.findings), lang))
    return lines


def _more(count: int, lang: Lang | str) -> list[str]:
    more = count - MAX_LINES
    if more <= 0:
        return []
    return [Msg(f"    … và {more} mục khác", f"    … and {more} more").get(lang)]
