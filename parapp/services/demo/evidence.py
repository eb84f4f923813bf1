"""A demo unit's dossier: its self-scored items and the evidence PDFs that back them.

Each citation points at a page that really holds the item: pages are filled against a
conservative line budget, so no cited line slides onto the next page when rendered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from parapp import paths
from parapp.core.criteria import CriteriaSet, Node
from parapp.core.rounds import EvidenceRef, SelfAssessment
from parapp.io.sheets import evidence_pdf
from parapp.io.sheets.evidence_pdf import EvidenceDocument
from parapp.services.demo import data
from parapp.services.demo.data import Flag, Schedule, UnitSpec

FIRST_PAGE_LINES = 22
"""Text lines budgeted on a PDF's first page, below the header (about 30 fit)."""
PAGE_LINES = 34
"""Text lines budgeted on later pages (about 40 fit at 13 pt, leading 18)."""
CHARS_PER_LINE = 72
"""Characters per line at 13 pt on the A4 text width, rounded down."""
TTHC_LIST_PAGE = 2


@dataclass
class Item:
    """One self-scored item: figure, score, the result the report states, the explanation."""

    node: Node
    figure: Decimal | None
    score: Decimal
    result: str
    explanation: str = ""
    cite: bool = True
    """False for the deliberate claim without evidence."""


@dataclass
class Dossier:
    """A unit's self-assessment being composed, with the documents it cites."""

    spec: UnitSpec
    unit_type: str
    year: int
    has_procedures: bool
    items: list[Item] = field(default_factory=list)
    entries: dict[str, SelfAssessment] = field(default_factory=dict)
    documents: dict[str, EvidenceDocument] = field(default_factory=dict)
    """File name -> document: the files the unit actually supplies."""


class Pages:
    """Paragraphs packed onto pages by estimated lines; remembers the page of each key."""

    def __init__(self) -> None:
        self._pages: list[list[str]] = [[]]
        self._used = 0
        self.page_of: dict[str, int] = {}

    def add(self, text: str, key: str | None = None, keep_with: str = "") -> None:
        """Append a paragraph; ``keep_with`` keeps a heading with the first line under it."""
        need = _lines(text) + (_lines(keep_with) if keep_with else 0)
        budget = FIRST_PAGE_LINES if len(self._pages) == 1 else PAGE_LINES
        if self._used + need > budget:
            self.new_page()
        self._pages[-1].append(text)
        self._used += _lines(text)
        if key is not None:
            self.page_of[key] = len(self._pages)

    def new_page(self) -> None:
        """Start a page (no-op on an empty one, so page numbers never skip)."""
        if self._pages[-1]:
            self._pages.append([])
            self._used = 0

    def texts(self) -> list[str]:
        """One text per page, paragraphs separated by newlines."""
        return ["\n".join(page) for page in self._pages if page]


def _lines(text: str) -> int:
    # +12 for the first-line indent; a paragraph takes at least one line.
    return sum(max(1, -(-(len(part) + 12) // CHARS_PER_LINE)) for part in text.split("\n"))


def file_names(spec: UnitSpec, year: int) -> dict[str, str]:
    """The unit's evidence file names by kind: plan, report, quarter, tthc."""
    return {
        "plan": data.PLAN_FILE.format(year=year, unit=spec.id),
        "report": data.REPORT_FILE.format(year=year, unit=spec.id),
        "quarter": data.QUARTER_FILE.format(year=year, unit=spec.id),
        "tthc": data.TTHC_FILE.format(unit=spec.id),
    }


def _line(item: Item) -> str:
    return f"{item.node.code}. {item.node.name.rstrip('.')}: {item.result}."


def compose(
    dossier: Dossier, criteria_set: CriteriaSet, plan: Schedule, rng: random.Random
) -> None:
    """Write the unit's documents and its entries, each citing the pages that hold the item."""
    spec, year = dossier.spec, dossier.year
    names = file_names(spec, year)
    numbers = {kind: f"{rng.randint(3, 48):02d}" for kind in ("plan", "report", "quarter", "tthc")}
    plan_number = f"{numbers['plan']}/KH-{spec.symbol}"
    fields = {"year": year, "province": data.PROVINCE, "unit": spec.name}

    plan_pages = Pages()
    plan_pages.add(data.PLAN_PURPOSE.format(**fields))
    plan_pages.new_page()
    tasks = [i for i in dossier.items if "kế hoạch" in i.node.name.casefold()]
    for index, item in enumerate(tasks):
        text = f"{item.node.code}. {item.node.name.rstrip('.')}."
        if index == 0:
            plan_pages.add(data.PLAN_TASKS, keep_with=text)
        plan_pages.add(text, key=item.node.code)
    plan_pages.new_page()
    plan_pages.add(data.PLAN_BUDGET.format(budget=rng.randint(40, 260), **fields))

    report = Pages()
    report.add(data.REPORT_INTRO.format(plan_number=plan_number, plan_day=plan.plan_date, **fields))
    report.new_page()
    area = ""
    for item in dossier.items:
        text = _line(item)
        root = item.node.code.split(".")[0]
        if root != area:
            area = root
            heading = criteria_set.node(root)
            report.add(f"{heading.code}. {heading.name}", keep_with=text)
        report.add(text, key=item.node.code)

    reported = [i for i in dossier.items if "báo cáo" in i.node.name.casefold()]
    reported = reported or dossier.items[:1]
    quarter = Pages()
    quarter.add(data.QUARTER_INTRO)
    for item in reported:
        quarter.add(_line(item), key=item.node.code)
    quarter.new_page()
    total = 20 + rng.randint(0, 25)
    done = total * int(spec.quality * 100) // 100
    quarter.add(data.QUARTER_FIGURES.format(tasks_total=total, tasks_done=done))

    published = {
        i.node.code
        for i in dossier.items
        if dossier.has_procedures
        and "thủ tục hành chính" in criteria_set.node(i.node.code.split(".")[0]).name.casefold()
        and _publishes_procedures(i.node.name.casefold())
    }

    def document(kind: str, title: str, pages: list[str], issuer: str = spec.issuer) -> None:
        symbol = {"plan": "KH", "report": "BC", "quarter": "BC", "tthc": "QĐ"}[kind]
        owner = "UBND" if kind == "tthc" else spec.symbol
        day = {"plan": plan.plan_date, "quarter": plan.quarter_date}.get(kind, plan.report_date)
        place = data.PROVINCE if kind == "tthc" else spec.place
        dossier.documents[names[kind]] = EvidenceDocument(
            issuer=issuer,
            number=f"{numbers[kind]}/{symbol}-{owner}",
            title=title,
            place_date=f"{place}, {day}",
            pages=pages,
        )

    document("plan", data.PLAN_TITLE.format(year=year), plan_pages.texts())
    document("report", data.REPORT_TITLE.format(year=year), report.texts())
    if Flag.MISSING_FILE not in spec.flags:
        document("quarter", data.QUARTER_TITLE.format(year=year), quarter.texts())
    if published:
        listing = "\n".join(
            [data.TTHC_LIST] + [f"{n}. {name}." for n, name in enumerate(data.PROCEDURES, start=1)]
        )
        document(
            "tthc",
            data.TTHC_TITLE.format(unit=spec.name),
            [data.TTHC_DECISION.format(unit=spec.name), listing],
            issuer=data.PROVINCE_ISSUER,
        )

    for item in dossier.items:
        code = item.node.code
        refs: list[EvidenceRef] = []
        if item.cite:
            refs.append(EvidenceRef(names["report"], report.page_of[code]))
            if code in plan_pages.page_of:
                refs.append(EvidenceRef(names["plan"], plan_pages.page_of[code]))
            if code in quarter.page_of:
                refs.append(EvidenceRef(names["quarter"], quarter.page_of[code]))
            if code in published:
                refs.append(EvidenceRef(names["tthc"], TTHC_LIST_PAGE))
        dossier.entries[code] = SelfAssessment(
            code, item.figure, item.score, item.explanation, tuple(refs)
        )


def _publishes_procedures(name: str) -> bool:
    # The province's decision publishing the unit's procedures backs these items.
    return "công bố" in name or ("công khai" in name and "thủ tục hành chính" in name)


def write(dossier: Dossier, folder: Path) -> int:
    """Render the unit's documents into ``folder``; return how many were written."""
    fonts = paths.resource("fonts")
    folder.mkdir(parents=True, exist_ok=True)
    for name, document in sorted(dossier.documents.items()):
        evidence_pdf.write(document, folder / name, fonts)
    return len(dossier.documents)
