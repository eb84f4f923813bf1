# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'completeness_pane.ui'
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

class Ui_CompletenessPane(object):
    def setupUi(self, CompletenessPane):
        if not CompletenessPane.objectName():
            CompletenessPane.setObjectName(u"CompletenessPane")
        CompletenessPane.resize(900, 600)
        self.completeness_layout = QVBoxLayout(CompletenessPane)
        self.completeness_layout.setObjectName(u"completeness_layout")
        self.legend_label = QLabel(CompletenessPane)
        self.legend_label.setObjectName(u"legend_label")
        self.legend_label.setWordWrap(True)

        self.completeness_layout.addWidget(self.legend_label)

        self.matrix_table = QTableView(CompletenessPane)
        self.matrix_table.setObjectName(u"matrix_table")
        self.matrix_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix_table.setWordWrap(False)
        self.matrix_table.verticalHeader().setVisible(False)

        self.completeness_layout.addWidget(self.matrix_table)

        self.summary_label = QLabel(CompletenessPane)
        self.summary_label.setObjectName(u"summary_label")

        self.completeness_layout.addWidget(self.summary_label)


        self.retranslateUi(CompletenessPane)

        QMetaObject.connectSlotsByName(CompletenessPane)
    # setupUi

    def retranslateUi(self, CompletenessPane):
        self.legend_label.setText("")
        self.summary_label.setText("")
        pass
    # retranslateUi

