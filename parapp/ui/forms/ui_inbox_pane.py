# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inbox_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_InboxPane(object):
    def setupUi(self, InboxPane):
        if not InboxPane.objectName():
            InboxPane.setObjectName(u"InboxPane")
        InboxPane.resize(900, 600)
        self.inbox_layout = QVBoxLayout(InboxPane)
        self.inbox_layout.setObjectName(u"inbox_layout")
        self.inbox_label = QLabel(InboxPane)
        self.inbox_label.setObjectName(u"inbox_label")
        self.inbox_label.setWordWrap(True)

        self.inbox_layout.addWidget(self.inbox_label)

        self.inbox_table = QTableView(InboxPane)
        self.inbox_table.setObjectName(u"inbox_table")
        self.inbox_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.inbox_table.setAlternatingRowColors(True)
        self.inbox_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.inbox_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inbox_table.setWordWrap(False)
        self.inbox_table.verticalHeader().setVisible(False)

        self.inbox_layout.addWidget(self.inbox_table)

        self.reason_label = QLabel(InboxPane)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.inbox_layout.addWidget(self.reason_label)

        self.resolve_group = QGroupBox(InboxPane)
        self.resolve_group.setObjectName(u"resolve_group")
        self.resolve_layout = QHBoxLayout(self.resolve_group)
        self.resolve_layout.setObjectName(u"resolve_layout")
        self.resolution_reason_label = QLabel(self.resolve_group)
        self.resolution_reason_label.setObjectName(u"resolution_reason_label")

        self.resolve_layout.addWidget(self.resolution_reason_label)

        self.resolution_reason_edit = QLineEdit(self.resolve_group)
        self.resolution_reason_edit.setObjectName(u"resolution_reason_edit")

        self.resolve_layout.addWidget(self.resolution_reason_edit)

        self.choose_button = QPushButton(self.resolve_group)
        self.choose_button.setObjectName(u"choose_button")

        self.resolve_layout.addWidget(self.choose_button)

        self.keep_button = QPushButton(self.resolve_group)
        self.keep_button.setObjectName(u"keep_button")

        self.resolve_layout.addWidget(self.keep_button)


        self.inbox_layout.addWidget(self.resolve_group)

#if QT_CONFIG(shortcut)
        self.inbox_label.setBuddy(self.inbox_table)
        self.resolution_reason_label.setBuddy(self.resolution_reason_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InboxPane)

        QMetaObject.connectSlotsByName(InboxPane)
    # setupUi

    def retranslateUi(self, InboxPane):
        self.inbox_label.setText(QCoreApplication.translate("InboxPane", u"Every file offered to the round, with what became of it (a refused or losing copy is kept)", None))
        self.reason_label.setText("")
        self.resolve_group.setTitle(QCoreApplication.translate("InboxPane", u"Resolve the conflict", None))
        self.resolution_reason_label.setText(QCoreApplication.translate("InboxPane", u"&Reason:", None))
        self.resolution_reason_edit.setPlaceholderText(QCoreApplication.translate("InboxPane", u"why this version (required, kept in the audit log)", None))
        self.choose_button.setText(QCoreApplication.translate("InboxPane", u"&Choose this version", None))
        self.keep_button.setText(QCoreApplication.translate("InboxPane", u"&Keep the current version", None))
        pass
    # retranslateUi

