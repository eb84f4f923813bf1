# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'packages_section.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_PackagesSection(object):
    def setupUi(self, PackagesSection):
        if not PackagesSection.objectName():
            PackagesSection.setObjectName(u"PackagesSection")
        PackagesSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(PackagesSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(PackagesSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_label = QLabel(PackagesSection)
        self.folder_label.setObjectName(u"folder_label")

        self.folder_row.addWidget(self.folder_label)

        self.folder_combo = QComboBox(PackagesSection)
        self.folder_combo.setObjectName(u"folder_combo")
        self.folder_combo.setMinimumSize(QSize(420, 0))
        self.folder_combo.setEditable(True)

        self.folder_row.addWidget(self.folder_combo)

        self.browse_button = QPushButton(PackagesSection)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)

        self.build_button = QPushButton(PackagesSection)
        self.build_button.setObjectName(u"build_button")

        self.folder_row.addWidget(self.build_button)

        self.folder_row.setStretch(1, 1)

        self.section_layout.addLayout(self.folder_row)

        self.table = QTableWidget(PackagesSection)
        if (self.table.columnCount() < 7):
            self.table.setColumnCount(7)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(6, __qtablewidgetitem6)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.section_layout.addWidget(self.table)

        self.message_label = QLabel(PackagesSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.folder_label.setBuddy(self.folder_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PackagesSection)

        QMetaObject.connectSlotsByName(PackagesSection)
    # setupUi

    def retranslateUi(self, PackagesSection):
        self.folder_label.setText(QCoreApplication.translate("PackagesSection", u"Write to:", None))
        self.browse_button.setText(QCoreApplication.translate("PackagesSection", u"Choose a folder\u2026", None))
        self.build_button.setText(QCoreApplication.translate("PackagesSection", u"Build the packages of all members", None))
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("PackagesSection", u"Member", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("PackagesSection", u"Package sent", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("PackagesSection", u"File", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("PackagesSection", u"Submitted", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("PackagesSection", u"Partly submitted", None))
        ___qtablewidgetitem5 = self.table.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("PackagesSection", u"Not yet submitted", None))
        ___qtablewidgetitem6 = self.table.horizontalHeaderItem(6)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("PackagesSection", u"Due", None))
        pass
    # retranslateUi

