# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'units_section.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_UnitsSection(object):
    def setupUi(self, UnitsSection):
        if not UnitsSection.objectName():
            UnitsSection.setObjectName(u"UnitsSection")
        UnitsSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(UnitsSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(UnitsSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.table = QTableWidget(UnitsSection)
        if (self.table.columnCount() < 4):
            self.table.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.section_layout.addWidget(self.table)

        self.roster_row = QHBoxLayout()
        self.roster_row.setObjectName(u"roster_row")
        self.edit_button = QPushButton(UnitsSection)
        self.edit_button.setObjectName(u"edit_button")

        self.roster_row.addWidget(self.edit_button)

        self.remove_button = QPushButton(UnitsSection)
        self.remove_button.setObjectName(u"remove_button")

        self.roster_row.addWidget(self.remove_button)

        self.roster_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.roster_row.addItem(self.roster_spacer)


        self.section_layout.addLayout(self.roster_row)

        self.add_row = QHBoxLayout()
        self.add_row.setObjectName(u"add_row")
        self.code_edit = QLineEdit(UnitsSection)
        self.code_edit.setObjectName(u"code_edit")

        self.add_row.addWidget(self.code_edit)

        self.name_edit = QLineEdit(UnitsSection)
        self.name_edit.setObjectName(u"name_edit")

        self.add_row.addWidget(self.name_edit)

        self.type_combo = QComboBox(UnitsSection)
        self.type_combo.setObjectName(u"type_combo")

        self.add_row.addWidget(self.type_combo)

        self.add_button = QPushButton(UnitsSection)
        self.add_button.setObjectName(u"add_button")

        self.add_row.addWidget(self.add_button)

        self.add_row.setStretch(0, 1)
        self.add_row.setStretch(1, 3)
        self.add_row.setStretch(2, 2)

        self.section_layout.addLayout(self.add_row)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.template_button = QPushButton(UnitsSection)
        self.template_button.setObjectName(u"template_button")

        self.file_row.addWidget(self.template_button)

        self.import_button = QPushButton(UnitsSection)
        self.import_button.setObjectName(u"import_button")

        self.file_row.addWidget(self.import_button)

        self.file_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.file_row.addItem(self.file_spacer)


        self.section_layout.addLayout(self.file_row)

        self.preview_box = QGroupBox(UnitsSection)
        self.preview_box.setObjectName(u"preview_box")
        self.preview_layout = QHBoxLayout(self.preview_box)
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_table = QTableWidget(self.preview_box)
        if (self.preview_table.columnCount() < 4):
            self.preview_table.setColumnCount(4)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.preview_table.setHorizontalHeaderItem(0, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.preview_table.setHorizontalHeaderItem(1, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.preview_table.setHorizontalHeaderItem(2, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.preview_table.setHorizontalHeaderItem(3, __qtablewidgetitem7)
        self.preview_table.setObjectName(u"preview_table")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.horizontalHeader().setStretchLastSection(True)

        self.preview_layout.addWidget(self.preview_table)

        self.problem_list = QListWidget(self.preview_box)
        self.problem_list.setObjectName(u"problem_list")

        self.preview_layout.addWidget(self.problem_list)

        self.confirm_button = QPushButton(self.preview_box)
        self.confirm_button.setObjectName(u"confirm_button")

        self.preview_layout.addWidget(self.confirm_button)

        self.preview_layout.setStretch(0, 3)
        self.preview_layout.setStretch(1, 3)

        self.section_layout.addWidget(self.preview_box)

        self.message_label = QLabel(UnitsSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(1, 3)
        self.section_layout.setStretch(5, 2)

        self.retranslateUi(UnitsSection)

        QMetaObject.connectSlotsByName(UnitsSection)
    # setupUi

    def retranslateUi(self, UnitsSection):
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("UnitsSection", u"Code", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("UnitsSection", u"Name", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("UnitsSection", u"Unit type", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("UnitsSection", u"Ranking group", None))
        self.edit_button.setText(QCoreApplication.translate("UnitsSection", u"Edit\u2026", None))
        self.remove_button.setText(QCoreApplication.translate("UnitsSection", u"Remove", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("UnitsSection", u"Code, e.g. STP", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("UnitsSection", u"Name, e.g. S\u1edf T\u01b0 ph\u00e1p", None))
        self.add_button.setText(QCoreApplication.translate("UnitsSection", u"Add unit", None))
        self.template_button.setText(QCoreApplication.translate("UnitsSection", u"Write the units workbook template\u2026", None))
        self.import_button.setText(QCoreApplication.translate("UnitsSection", u"Import units from a workbook\u2026", None))
        self.preview_box.setTitle(QCoreApplication.translate("UnitsSection", u"Preview of the workbook", None))
        ___qtablewidgetitem4 = self.preview_table.horizontalHeaderItem(0)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("UnitsSection", u"Row", None))
        ___qtablewidgetitem5 = self.preview_table.horizontalHeaderItem(1)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("UnitsSection", u"Code", None))
        ___qtablewidgetitem6 = self.preview_table.horizontalHeaderItem(2)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("UnitsSection", u"Name", None))
        ___qtablewidgetitem7 = self.preview_table.horizontalHeaderItem(3)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("UnitsSection", u"Type", None))
        self.confirm_button.setText(QCoreApplication.translate("UnitsSection", u"Import these units", None))
        pass
    # retranslateUi

