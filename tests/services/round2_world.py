"""A round in appraisal round 2: round 1 merged from signed packages (explanation_world), unit A's
explanation of item 1.1 imported with a new evidence file cited at page 2, then round 2 opened.

Unit A explains 1.1 only (self 4, round 1: m1 3, m2 3, so 3 consolidated; proposed 4); unit B
explains nothing. Every member scores every unit and area (no assignment), so each member's
round-2 package holds exactly A/1.1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from parapp.core.explanations import Approval, ExplainedItem
from parapp.core.rounds import Phase
from parapp.services import explanations, rounds
from parapp.services.context import RoundContext
from parapp.store import explanations as explanation_store
from tests.services import explanation_world as world
from tests.services.merge_world import Keys

NEW_EVIDENCE = "QD-moi.pdf"
NEW_PAGE = 2
EXPLANATION = "Kế hoạch đã ban hành đúng hạn, xem quyết định mới"


def new_evidence_pdf(path: Path) -> Path:
    """A real two-page PDF (the viewer opens it at page 2), written with ReportLab."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for page in (1, 2):
        pdf.drawString(72, 720, f"Quyet dinh moi - trang {page}")
        pdf.showPage()
    pdf.save()
    return path


def build(folder: Path) -> tuple[Path, Keys]:
    """Write ``folder/round.parround`` in round 2 with A's explanation of 1.1 imported."""
    path, keys = world.build(folder)
    forms = folder / "forms"
    forms.mkdir()
    new_evidence_pdf(forms / NEW_EVIDENCE)
    with world.opened(path) as ctx:
        rounds.advance_phase(ctx, Phase.EXPLANATION)
        form = forms / "A.xlsx"
        explanations.export_form(ctx, "A", form)
        workbook = load_workbook(form)
        sheet = workbook["GiaiTrinh"]
        cells = {
            "C5": "Nguyễn Văn Lãnh",
            "C6": "Giám đốc Sở",
            "C7": "15/12/2026",
            "F11": 4,
            "G11": EXPLANATION,
            "H11": f"{NEW_EVIDENCE}, tr. {NEW_PAGE}",
        }
        for ref, value in cells.items():
            sheet[ref] = value
        workbook.save(form)
        explanations.import_form(ctx, form, unit_id="A", evidence_dir=forms)
        rounds.advance_phase(ctx, Phase.ROUND_2)
    return path, keys


def explain(ctx: RoundContext, unit_id: str, *codes: str) -> None:
    """Store an explanation of ``codes`` for a unit straight into the round (for tests about
    round 2 that do not test the form's import; round 2 re-scores only explained items)."""
    with ctx.db.transaction() as s:
        explanation_store.add(
            s,
            unit_id=unit_id,
            file_name=f"{unit_id}.xlsx",
            form_sha256="0" * 64,
            form_serial=f"test-{unit_id}",
            imported_at="2026-12-15T08:00:00+07:00",
            actor="tk",
            approval=Approval("Nguyễn Văn Lãnh", "Giám đốc Sở", dt.date(2026, 12, 15)),
            items=tuple(ExplainedItem(code, None, "Giải trình") for code in codes),
        )
