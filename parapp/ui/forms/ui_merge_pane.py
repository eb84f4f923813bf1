# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_MergePane(object):
    def setupUi(self, MergePane):
        if not MergePane.objectName():
            MergePane.setObjectName(u"MergePane")
        MergePane.resize(900, 600)
        MergePane.setAcceptDrops(True)
        self.merge_layout = QVBoxLayout(MergePane)
        self.merge_layout.setObjectName(u"merge_layout")
        self.drop_label = QLabel(MergePane)
        self.drop_label.setObjectName(u"drop_label")
        self.drop_label.setMinimumSize(QSize(0, 90))
        self.drop_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.drop_label.setFrameShadow(QFrame.Shadow.Sunken)
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setWordWrap(True)

        self.merge_layout.addWidget(self.drop_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.add_files_button = QPushButton(MergePane)
        self.add_files_button.setObjectName(u"add_files_button")

        self.buttons_layout.addWidget(self.add_files_button)

        self.trust_button = QPushButton(MergePane)
        self.trust_button.setObjectName(u"trust_button")
        self.trust_button.setEnabled(False)

        self.buttons_layout.addWidget(self.trust_button)

        self.summary_label = QLabel(MergePane)
        self.summary_label.setObjectName(u"summary_label")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summary_label.sizePolicy().hasHeightForWidth())
        self.summary_label.setSizePolicy(sizePolicy)

        self.buttons_layout.addWidget(self.summary_label)


        self.merge_layout.addLayout(self.buttons_layout)

        self.report_label = QLabel(MergePane)
        self.report_label.setObjectName(u"report_label")

        self.merge_layout.addWidget(self.report_label)

        self.report_table = QTableView(MergePane)
        self.report_table.setObjectName(u"report_table")
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.setAlternatingRowColors(True)
        self.report_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.setWordWrap(False)
        self.report_table.verticalHeader().setVisible(False)

        self.merge_layout.addWidget(self.report_table)

#if QT_CONFIG(shortcut)
        self.report_label.setBuddy(self.report_table)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.add_files_button, self.trust_button)
        QWidget.setTabOrder(self.trust_button, self.report_table)

        self.retranslateUi(MergePane)

        QMetaObject.connectSlotsByName(MergePane)
    # setupUi

    def retranslateUi(self, MergePane):
        self.drop_label.setText(QCoreApplication.translate("MergePane", u"Drop the members' signed score packages (.parscore) here", None))
        self.add_files_button.setText(QCoreApplication.translate("MergePane", u"&Add files\u2026", None))
#if QT_CONFIG(tooltip)
        self.trust_button.setToolTip(QCoreApplication.translate("MergePane", u"Register the certificate that signed the selected refused package as the member's, after comparing its fingerprint with the member", None))
#endif // QT_CONFIG(tooltip)
        self.trust_button.setText(QCoreApplication.translate("MergePane", u"&Trust this certificate\u2026", None))
        self.summary_label.setText("")
        self.report_label.setText(QCoreApplication.translate("MergePane", u"&Merge report", None))
        pass
    # retranslateUi

