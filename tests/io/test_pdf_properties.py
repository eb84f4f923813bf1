"""Properties every official PDF has, read back from the real output (pdfplumber, pdffonts,
pdfinfo), for each document kind generated from real rounds: the results (a small meeting round
and the merged province's 145 units in four ranking groups), a member's score sheet, a round-1
notice, the meeting's minutes and the draft announcement.

- the title and the first table rows are on page 1; no page holds a table's header alone;
- a bold heading never ends a page that the text continues on; a table split over pages
  repeats its header row at the top of the next;
- each chart stands whole on one page with its title and legend; no text crosses a class
  threshold line; a group of 19 units is one chart, a larger group several, each with its title;
- page numbers as Nghị định 30 sets them: none on a part's first page, then the plain number
  centred in the top margin; each appendix numbered on its own and named on each of its pages;
- every font embedded, none of them Helvetica; the creation date is the date printed on the
  document; title, author (the issuing body printed on it) and subject filled.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from parapp.io.sheets.notice_pdf import render_notice_pdf
from parapp.services import announce, exports, meeting, minutes, notices, reports
from parapp.services.context import open_round
from parapp.services.demo import pki as demo_pki
from parapp.services.demo.merged_province import build_merged_round
from tests.services.meeting_world import meeting_round, world_keys
from tests.services.test_meeting import good

MM = 72 / 25.4
TOP_MARGIN = 20 * MM
DATE = dt.date(2027, 1, 20)
PLACE_DATE = re.compile(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})")
APPENDIX = re.compile(r"Phụ lục ([0-9IVXLC]+)")
CHART_CAPTIONS = ("Biểu đồ xếp hạng", "Kết quả theo lĩnh vực")
AT = datetime(2026, 12, 18, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Document:
    kind: str
    path: Path
    title: str
    """Text the first page shows as the document's title."""


def build_documents(folder: Path) -> dict[str, Document]:
    """Every official PDF kind, written by the services from real rounds into ``folder``."""
    out: dict[str, Document] = {}
    (folder / "hop-nhat").mkdir()
    merged = build_merged_round(folder / "hop-nhat", demo_pki.build_pki(folder), lambda: AT)
    with open_round(merged.path) as ctx:
        path = folder / "results-province.pdf"
        reports.export_results(ctx, xlsx=None, pdf=path, place="Hồng Lam", date=DATE)
        out["results-province"] = Document("results-province", path, "BẢNG TỔNG HỢP KẾT QUẢ")
        path = folder / "member-sheet.pdf"
        member = "m01" if "m01" in _members(ctx) else sorted(_members(ctx))[0]
        unit = next(iter(_units(ctx)))
        exports.export_member_sheet_pdf(ctx, member, unit, path, place="Hồng Lam", date=DATE)
        out["member-sheet"] = Document("member-sheet", path, "PHIẾU")
        path = folder / "notice.pdf"
        notice = notices.build_unit_notice(
            ctx, unit, deadline=DATE + dt.timedelta(days=10), place="Hồng Lam", date=DATE
        )
        path.write_bytes(render_notice_pdf(notice, _fonts()).data)
        out["notice"] = Document("notice", path, "THÔNG BÁO")
    keys = world_keys(folder / "keys")
    ctx = meeting_round(folder / "meeting.parround", keys)
    try:
        meeting.record_meeting(ctx, good())
        path = folder / "results-meeting.pdf"
        reports.export_results(ctx, xlsx=None, pdf=path, place="Thái Nguyên", date=DATE)
        out["results-meeting"] = Document("results-meeting", path, "BẢNG TỔNG HỢP KẾT QUẢ")
        path = folder / "minutes.pdf"
        minutes.write_minutes(ctx, path)
        out["minutes"] = Document("minutes", path, "BIÊN BẢN")
        path = folder / "announcement.pdf"
        announce.write_announcement(ctx, pdf=path, date=DATE)
        out["announcement"] = Document("announcement", path, "QUYẾT ĐỊNH")
    finally:
        ctx.close()
    return out


def _fonts() -> Path:
    from parapp import paths

    return paths.resource("fonts")


def _members(ctx: Any) -> list[str]:
    from parapp.services import rounds

    return [m.id for m in rounds.list_members(ctx)]


def _units(ctx: Any) -> list[str]:
    from parapp.services import rounds

    return [u.id for u in rounds.list_units(ctx)]


KINDS = ("results-province", "results-meeting", "member-sheet", "notice", "minutes", "announcement")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    return build_documents(tmp_path_factory.mktemp("official-pdfs"))


@dataclass
class Line:
    """A text line of a page: its words joined, its box, whether every letter is bold."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    bold: bool
    sizes: frozenset[float]


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    """Body lines (below the top margin), top to bottom, outside any table."""
    margin: list[Line]
    """Lines in the top margin (page number, appendix name, draft mark)."""
    tables: list[tuple[float, float, list[list[str]]]]
    """Each table's top, bottom and rows of cell texts."""
    chars: list[dict[str, Any]]
    dashed: list[dict[str, Any]]
    text: str


def _black(colour: Any) -> bool:
    return colour in ((0,), (0, 0, 0), [0], [0, 0, 0], 0, (0.0,), (0.0, 0.0, 0.0))


def _lines(chars: list[dict[str, Any]]) -> list[Line]:
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"]), c["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - char["bottom"]) < 2:
            rows[-1].append(char)
        else:
            rows.append([char])
    split: list[list[dict[str, Any]]] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        split.append([row[0]])
        for char in row[1:]:
            if char["x0"] - split[-1][-1]["x1"] > 30:  # a separate text on the same baseline
                split.append([])
            split[-1].append(char)
    out = []
    for row in split:
        text = "".join(c["text"] for c in row).strip()
        if not text:
            continue
        letters = [c for c in row if c["text"].strip()]
        out.append(
            Line(
                text,
                min(c["top"] for c in row),
                max(c["bottom"] for c in row),
                min(c["x0"] for c in row),
                max(c["x1"] for c in row),
                all("Bold" in c["fontname"] for c in letters),
                frozenset(round(c["size"], 1) for c in letters),
            )
        )
    return out


def _inside(char: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(
        x0 - 1 <= x <= x1 + 1 and top - 1 <= y <= bottom + 1 for x0, top, x1, bottom in boxes
    )


def read_pages(path: Path, appendices: int = 2) -> list[Page]:
    """The pages up to the end of the ``appendices``-th appendix (the others are alike)."""
    pages: list[Page] = []
    seen: set[str] = set()
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            named = APPENDIX.search(page.extract_text(layout=False)[:300] or "")
            if named:
                seen.add(named.group(0))
                if len(seen) > appendices:
                    break
            # Table rules are black lines; chart bars, cell fills and threshold lines are not.
            ruled = page.filter(
                lambda o: (
                    o["object_type"] == "char"
                    or (o["object_type"] == "line" and _black(o.get("stroking_color")))
                )
            )
            found = ruled.find_tables(
                {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
            )
            tables = [
                (t.bbox[1], t.bbox[3], [[(c or "").strip() for c in r] for r in t.extract()])
                for t in found
            ]
            boxes = [t.bbox for t in found]
            chars = page.chars
            outside = [c for c in chars if not _inside(c, boxes)]
            margin = [c for c in outside if c["bottom"] <= TOP_MARGIN]
            body = [c for c in outside if c["bottom"] > TOP_MARGIN]
            dashed = [
                o
                for o in page.lines
                if o.get("dash") and o["dash"][0] and not _black(o.get("stroking_color"))
            ]
            pages.append(
                Page(
                    number,
                    float(page.width),
                    float(page.height),
                    _lines(body),
                    _lines(margin),
                    tables,
                    chars,
                    dashed,
                    page.extract_text() or "",
                )
            )
    return pages


@pytest.fixture(scope="module")
def pages(documents: dict[str, Document]) -> dict[str, list[Page]]:
    return {kind: read_pages(doc.path) for kind, doc in documents.items()}


def _parts(read: list[Page]) -> list[list[Page]]:
    """The document's separately numbered parts: the main text, then each appendix (a page
    whose text starts a "Phụ lục" other than the previous page's)."""
    parts: list[list[Page]] = []
    current = None
    for page in read:
        named = _appendix_of(page)
        if not parts or (named is not None and named != current):
            parts.append([page])
            current = named
        else:
            parts[-1].append(page)
    return parts


def _appendix_of(page: Page) -> str | None:
    for line in [*page.margin, *page.lines[:3]]:
        found = APPENDIX.match(line.text)
        if found:
            return found.group(0)
    return None


@pytest.mark.parametrize("kind", KINDS)
def test_title_and_first_table_rows_on_page_one(
    kind: str, documents: dict[str, Document], pages: dict[str, list[Page]]
) -> None:
    read = pages[kind]
    first = read[0]
    assert documents[kind].title in first.text
    if kind in ("minutes", "announcement"):
        return  # text documents: their tables come after the body text
    assert first.tables, f"{kind}: no table on page 1"
    assert len(first.tables[0][2]) >= 2, f"{kind}: page 1 holds the table's header alone"


@pytest.mark.parametrize("kind", KINDS)
def test_no_page_holds_a_table_header_alone(kind: str, pages: dict[str, list[Page]]) -> None:
    for page in pages[kind]:
        for _top, _bottom, rows in page.tables:
            assert len(rows) >= 2 or page.lines, f"{kind} page {page.number}: header alone"
            assert len(rows) >= 2, f"{kind} page {page.number}: a one-row table {rows}"


@pytest.mark.parametrize("kind", KINDS)
def test_no_heading_ends_a_page(kind: str, pages: dict[str, list[Page]]) -> None:
    """The bottom line of a page the text continues on (the next page is not a part's first)
    is not a bold line outside the tables: a heading goes with what it heads."""
    for part in _parts(pages[kind]):
        for page in part[:-1]:
            bottom_table = max((b for _t, b, _r in page.tables), default=0)
            lines = [line for line in page.lines if line.top > bottom_table]
            if lines and not _is_chart_text(page, lines[-1]):
                assert not lines[-1].bold, f"{kind} page {page.number} ends on {lines[-1].text!r}"


def _is_chart_text(page: Page, line: Line) -> bool:
    return any(size < 10.5 for size in line.sizes) and not line.bold


@pytest.mark.parametrize("kind", KINDS)
def test_a_split_table_repeats_its_header(kind: str, pages: dict[str, list[Page]]) -> None:
    read = pages[kind]
    for before, page in pairwise(read):
        if not before.tables or not page.tables:
            continue
        _last_top, last_bottom, last_rows = max(before.tables, key=lambda t: t[1])
        top, _bottom, rows = min(page.tables, key=lambda t: t[0])
        below = [line for line in before.lines if line.top > last_bottom]
        above = [line for line in page.lines if line.bottom < top]
        if below or above:
            continue  # the table ended on the page before
        assert rows[0] == last_rows[0], (
            f"{kind} page {page.number}: the table goes on without its header row"
        )


@pytest.mark.parametrize("kind", ["results-province", "results-meeting"])
def test_each_chart_whole_on_one_page_with_title_and_legend(
    kind: str, pages: dict[str, list[Page]]
) -> None:
    captions = 0
    for page in pages[kind]:
        for index, line in enumerate(page.lines):
            if not line.text.startswith(CHART_CAPTIONS):
                continue
            captions += 1
            chart = page.lines[index + 1 :]
            ticks: dict[int, set[str]] = {}
            for x in chart:
                ticks.setdefault(round(x.bottom), set()).add(x.text)
            axis = [
                b for b, texts in ticks.items() if {"0", "20", "40", "60", "80", "100"} <= texts
            ]
            assert axis, f"{kind} page {page.number}: {line.text!r} without its whole chart"
            legend = [x for x in chart if x.text.startswith(("Chỉ số (%)", "Đạt / tối đa"))]
            assert legend, f"{kind} page {page.number}: {line.text!r} without its legend"
            assert legend[0].bottom <= page.height - 20 * MM + 1
    assert captions


@pytest.mark.parametrize("kind", ["results-province", "results-meeting"])
def test_no_text_crosses_a_threshold_line(kind: str, pages: dict[str, list[Page]]) -> None:
    for page in pages[kind]:
        for rule in page.dashed:
            for char in page.chars:
                if not char["text"].strip():
                    continue
                crosses = char["x0"] < rule["x0"] - 0.3 and char["x1"] > rule["x0"] + 0.3
                if crosses and char["bottom"] > rule["top"] and char["top"] < rule["bottom"]:
                    raise AssertionError(
                        f"{kind} page {page.number}: {char['text']!r} on a threshold line"
                    )


def test_ranking_charts_readable_one_per_small_group(pages: dict[str, list[Page]]) -> None:
    """The province's groups (20, 5, 44 and 76 units): 20 or fewer bars make one chart; a larger
    group is several charts, each on its page under its own numbered title; labels >= 8 pt."""
    captions: dict[str, list[str]] = {}
    for page in pages["results-province"]:
        for line in page.lines:
            if line.text.startswith("Biểu đồ xếp hạng"):
                base, _, piece = line.text.partition(" (")
                captions.setdefault(base, []).append(piece)
                assert min(line.sizes) >= 10
    sizes = sorted(len(v) for v in captions.values())
    assert len(captions) == 4
    assert sizes[:2] == [1, 1], captions  # 5 and 20 units: one chart each
    for pieces in captions.values():
        if len(pieces) > 1:
            assert pieces == [f"{n}/{len(pieces)})" for n in range(1, len(pieces) + 1)]
    small = [
        c for p in pages["results-province"] for c in p.chars if c["size"] < 8 and c["text"].strip()
    ]
    assert not small, small[0]


@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers_as_nd30_sets_them(kind: str, pages: dict[str, list[Page]]) -> None:
    for part in _parts(pages[kind]):
        named = _appendix_of(part[0])
        for position, page in enumerate(part, 1):
            numbers = [
                line
                for line in page.margin
                if line.text.isdigit() and abs((line.x0 + line.x1) / 2 - page.width / 2) < 3
            ]
            if position == 1:
                assert not numbers, f"{kind} page {page.number}: a number on a part's first page"
            else:
                assert [n.text for n in numbers] == [str(position)], (
                    f"{kind} page {page.number}: expected {position}, margin "
                    f"{[m.text for m in page.margin]}"
                )
                assert all(13 <= s <= 14 for s in numbers[0].sizes)
            if named is not None:
                assert _appendix_of(page) == named, f"{kind} page {page.number} names no appendix"


def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(
        ["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_embedded_and_no_helvetica(kind: str, documents: dict[str, Document]) -> None:
    listing = subprocess.run(
        ["pdffonts", str(documents[kind].path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    for row in listing:
        assert "Helvetica" not in row, row
        assert row.split()[-5] == "yes", f"not embedded: {row}"


@pytest.mark.parametrize("kind", KINDS)
def test_metadata_and_the_documents_date(
    kind: str, documents: dict[str, Document], pages: dict[str, list[Page]]
) -> None:
    info = _pdfinfo(documents[kind].path)
    printed = PLACE_DATE.search(" ".join(pages[kind][0].text.split()))
    assert printed is not None
    day, month, year = (int(g) for g in printed.groups())
    assert info["CreationDate"].startswith(f"{year:04d}-{month:02d}-{day:02d}"), info
    assert info["Title"] not in ("", "untitled")
    assert info["Subject"] not in ("", "unspecified", "(unspecified)")
    # The issuing body, in the header's left column (it may wrap).
    first = pages[kind][0]
    header = [c for c in first.chars if c["x1"] <= first.width * 0.45 and c["top"] < 200]
    left = [x.text for x in _lines(header)]
    assert info["Author"].upper() in " ".join(left), (info["Author"], left)
