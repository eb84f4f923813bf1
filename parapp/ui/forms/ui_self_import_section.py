# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'self_import_section.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SelfImportSection(object):
    def setupUi(self, SelfImportSection):
        if not SelfImportSection.objectName():
            SelfImportSection.setObjectName(u"SelfImportSection")
        SelfImportSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(SelfImportSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(SelfImportSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_edit = QLineEdit(SelfImportSection)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(SelfImportSection)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)

        self.import_button = QPushButton(SelfImportSection)
        self.import_button.setObjectName(u"import_button")

        self.folder_row.addWidget(self.import_button)

        self.folder_row.setStretch(0, 1)

        self.section_layout.addLayout(self.folder_row)

        self.table = QTableWidget(SelfImportSection)
        if (self.table.columnCount() < 3):
            self.table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.section_layout.addWidget(self.table)

        self.message_label = QLabel(SelfImportSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(2, 1)

        self.retranslateUi(SelfImportSection)

        QMetaObject.connectSlotsByName(SelfImportSection)
    # setupUi

    def retranslateUi(self, SelfImportSection):
        self.folder_edit.setPlaceholderText(QCoreApplication.translate("SelfImportSection", u"Folder holding the units' filled forms", None))
        self.browse_button.setText(QCoreApplication.translate("SelfImportSection", u"Choose a folder\u2026", None))
        self.import_button.setText(QCoreApplication.translate("SelfImportSection", u"Import every form in the folder", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SelfImportSection", u"File", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SelfImportSection", u"Unit", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SelfImportSection", u"Result", None))
        pass
    # retranslateUi

