# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'disagreements_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_DisagreementsPane(object):
    def setupUi(self, DisagreementsPane):
        if not DisagreementsPane.objectName():
            DisagreementsPane.setObjectName(u"DisagreementsPane")
        DisagreementsPane.resize(900, 600)
        self.disagreements_layout = QVBoxLayout(DisagreementsPane)
        self.disagreements_layout.setObjectName(u"disagreements_layout")
        self.rule_label = QLabel(DisagreementsPane)
        self.rule_label.setObjectName(u"rule_label")
        self.rule_label.setWordWrap(True)

        self.disagreements_layout.addWidget(self.rule_label)

        self.items_table = QTableView(DisagreementsPane)
        self.items_table.setObjectName(u"items_table")
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.setAlternatingRowColors(True)
        self.items_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setWordWrap(False)
        self.items_table.verticalHeader().setVisible(False)

        self.disagreements_layout.addWidget(self.items_table)

        self.decision_group = QGroupBox(DisagreementsPane)
        self.decision_group.setObjectName(u"decision_group")
        self.decision_layout = QFormLayout(self.decision_group)
        self.decision_layout.setObjectName(u"decision_layout")
        self.value_label = QLabel(self.decision_group)
        self.value_label.setObjectName(u"value_label")

        self.decision_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.value_label)

        self.value_edit = QLineEdit(self.decision_group)
        self.value_edit.setObjectName(u"value_edit")

        self.decision_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.value_edit)

        self.reason_label = QLabel(self.decision_group)
        self.reason_label.setObjectName(u"reason_label")

        self.decision_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QLineEdit(self.decision_group)
        self.reason_edit.setObjectName(u"reason_edit")

        self.decision_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason_edit)

        self.resolve_button = QPushButton(self.decision_group)
        self.resolve_button.setObjectName(u"resolve_button")
        self.resolve_button.setEnabled(False)

        self.decision_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.resolve_button)


        self.disagreements_layout.addWidget(self.decision_group)

#if QT_CONFIG(shortcut)
        self.value_label.setBuddy(self.value_edit)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.items_table, self.value_edit)
        QWidget.setTabOrder(self.value_edit, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.resolve_button)

        self.retranslateUi(DisagreementsPane)

        QMetaObject.connectSlotsByName(DisagreementsPane)
    # setupUi

    def retranslateUi(self, DisagreementsPane):
        self.rule_label.setText("")
        self.decision_group.setTitle(QCoreApplication.translate("DisagreementsPane", u"Secretary's decision on the selected item", None))
        self.value_label.setText(QCoreApplication.translate("DisagreementsPane", u"&Value (score or N/A):", None))
        self.value_edit.setPlaceholderText(QCoreApplication.translate("DisagreementsPane", u"e.g. 8,5 or N/A", None))
        self.reason_label.setText(QCoreApplication.translate("DisagreementsPane", u"&Reason (required):", None))
        self.resolve_button.setText(QCoreApplication.translate("DisagreementsPane", u"&Resolve", None))
        pass
    # retranslateUi

