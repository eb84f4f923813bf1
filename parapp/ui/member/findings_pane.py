"""The findings panel: the unit's flags in the member's areas, errors first; activating one jumps
to its item."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidgetItem, QWidget

from parapp.core.findings import Finding, Severity
from parapp.core.messages import Lang
from parapp.ui.forms.ui_findings_pane import Ui_FindingsPane

_CODE_ROLE = Qt.ItemDataRole.UserRole + 1
_COLORS = {Severity.ERROR: QColor(0xB7, 0x1C, 0x1C), Severity.WARNING: QColor(0x8A, 0x5A, 0x00)}


class FindingsPane(QWidget):
    """Lists findings; ``finding_activated`` carries the node code (double-click or Enter)."""

    finding_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FindingsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.setFocusProxy(self.ui.findings_list)
        self._count = 0
        self._shown: tuple[tuple[Finding, ...], Lang] | None = None
        self.ui.findings_list.itemActivated.connect(self._on_activated)

    def set_findings(self, findings: Sequence[Finding], lang: Lang) -> None:
        """Show ``findings`` in ``lang`` (nothing to do when they did not change)."""
        shown = (tuple(findings), lang)
        if shown == self._shown:
            return
        self._shown = shown
        lst = self.ui.findings_list
        lst.clear()
        for finding in findings:
            mark = "✖" if finding.severity is Severity.ERROR else "⚠"
            item = QListWidgetItem(f"{mark} {finding.message.get(lang)}")
            item.setData(_CODE_ROLE, finding.node)
            color = _COLORS.get(finding.severity)
            if color is not None:
                item.setForeground(QBrush(color))
            lst.addItem(item)
        self._count = len(findings)
        self._retitle()

    def texts(self) -> list[str]:
        """The lines shown (tests read them)."""
        lst = self.ui.findings_list
        return [lst.item(i).text() for i in range(lst.count())]

    def retranslate(self) -> None:
        """Refresh the title after a language change."""
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._shown = None
        self._retitle()

    def _retitle(self) -> None:
        text = QCoreApplication.translate("FindingsPane", "Fla&gs: %1 (double-click to go there)")
        self.ui.findings_label.setText(text.replace("%1", str(self._count)))

    def _on_activated(self, item: QListWidgetItem) -> None:
        code = item.data(_CODE_ROLE)
        if isinstance(code, str):
            self.finding_activated.emit(code)
