# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_pane.ui'
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

class Ui_AuditPane(object):
    def setupUi(self, AuditPane):
        if not AuditPane.objectName():
            AuditPane.setObjectName(u"AuditPane")
        AuditPane.resize(900, 600)
        self.audit_layout = QVBoxLayout(AuditPane)
        self.audit_layout.setObjectName(u"audit_layout")
        self.audit_label = QLabel(AuditPane)
        self.audit_label.setObjectName(u"audit_label")

        self.audit_layout.addWidget(self.audit_label)

        self.audit_table = QTableView(AuditPane)
        self.audit_table.setObjectName(u"audit_table")
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.setAlternatingRowColors(True)
        self.audit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_table.setWordWrap(False)
        self.audit_table.verticalHeader().setVisible(False)

        self.audit_layout.addWidget(self.audit_table)

#if QT_CONFIG(shortcut)
        self.audit_label.setBuddy(self.audit_table)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditPane)

        QMetaObject.connectSlotsByName(AuditPane)
    # setupUi

    def retranslateUi(self, AuditPane):
        self.audit_label.setText(QCoreApplication.translate("AuditPane", u"Every recorded change of a score or setting, oldest first (read-only)", None))
        pass
    # retranslateUi

