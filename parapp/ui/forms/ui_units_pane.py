# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'units_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_UnitsPane(object):
    def setupUi(self, UnitsPane):
        if not UnitsPane.objectName():
            UnitsPane.setObjectName(u"UnitsPane")
        UnitsPane.resize(360, 600)
        self.units_layout = QVBoxLayout(UnitsPane)
        self.units_layout.setSpacing(4)
        self.units_layout.setObjectName(u"units_layout")
        self.units_layout.setContentsMargins(0, 0, 0, 0)
        self.units_label = QLabel(UnitsPane)
        self.units_label.setObjectName(u"units_label")

        self.units_layout.addWidget(self.units_label)

        self.units_table = QTableView(UnitsPane)
        self.units_table.setObjectName(u"units_table")
        self.units_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_table.setAlternatingRowColors(True)
        self.units_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units_table.setWordWrap(False)
        self.units_table.verticalHeader().setVisible(False)

        self.units_layout.addWidget(self.units_table)

#if QT_CONFIG(shortcut)
        self.units_label.setBuddy(self.units_table)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnitsPane)

        QMetaObject.connectSlotsByName(UnitsPane)
    # setupUi

    def retranslateUi(self, UnitsPane):
        self.units_label.setText(QCoreApplication.translate("UnitsPane", u"&Units", None))
        pass
    # retranslateUi

