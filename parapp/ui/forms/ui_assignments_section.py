# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assignments_section.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_AssignmentsSection(object):
    def setupUi(self, AssignmentsSection):
        if not AssignmentsSection.objectName():
            AssignmentsSection.setObjectName(u"AssignmentsSection")
        AssignmentsSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(AssignmentsSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(AssignmentsSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.matrices = QHBoxLayout()
        self.matrices.setObjectName(u"matrices")
        self.areas_column = QVBoxLayout()
        self.areas_column.setObjectName(u"areas_column")
        self.areas_label = QLabel(AssignmentsSection)
        self.areas_label.setObjectName(u"areas_label")

        self.areas_column.addWidget(self.areas_label)

        self.areas_table = QTableWidget(AssignmentsSection)
        self.areas_table.setObjectName(u"areas_table")
        self.areas_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.areas_table.horizontalHeader().setDefaultSectionSize(120)

        self.areas_column.addWidget(self.areas_table)


        self.matrices.addLayout(self.areas_column)

        self.units_column = QVBoxLayout()
        self.units_column.setObjectName(u"units_column")
        self.units_label = QLabel(AssignmentsSection)
        self.units_label.setObjectName(u"units_label")

        self.units_column.addWidget(self.units_label)

        self.units_table = QTableWidget(AssignmentsSection)
        self.units_table.setObjectName(u"units_table")
        self.units_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_table.horizontalHeader().setDefaultSectionSize(120)

        self.units_column.addWidget(self.units_table)


        self.matrices.addLayout(self.units_column)

        self.matrices.setStretch(0, 3)
        self.matrices.setStretch(1, 2)

        self.section_layout.addLayout(self.matrices)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.default_button = QPushButton(AssignmentsSection)
        self.default_button.setObjectName(u"default_button")

        self.buttons.addWidget(self.default_button)

        self.everyone_button = QPushButton(AssignmentsSection)
        self.everyone_button.setObjectName(u"everyone_button")

        self.buttons.addWidget(self.everyone_button)

        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)

        self.apply_button = QPushButton(AssignmentsSection)
        self.apply_button.setObjectName(u"apply_button")

        self.buttons.addWidget(self.apply_button)


        self.section_layout.addLayout(self.buttons)

        self.message_label = QLabel(AssignmentsSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.areas_label.setBuddy(self.areas_table)
        self.units_label.setBuddy(self.units_table)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssignmentsSection)

        QMetaObject.connectSlotsByName(AssignmentsSection)
    # setupUi

    def retranslateUi(self, AssignmentsSection):
        self.areas_label.setText(QCoreApplication.translate("AssignmentsSection", u"<b>Areas \u00d7 members</b> (one appraiser per area)", None))
        self.units_label.setText(QCoreApplication.translate("AssignmentsSection", u"<b>Units \u00d7 members</b> (untick to split the council by unit)", None))
        self.default_button.setText(QCoreApplication.translate("AssignmentsSection", u"One appraiser per area", None))
        self.everyone_button.setText(QCoreApplication.translate("AssignmentsSection", u"Everyone scores every area", None))
        self.apply_button.setText(QCoreApplication.translate("AssignmentsSection", u"Save the assignments", None))
        pass
    # retranslateUi

