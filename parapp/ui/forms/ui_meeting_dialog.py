# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(1180, 700)
        self.dialog_layout = QVBoxLayout(MeetingDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.heading_layout = QHBoxLayout()
        self.heading_layout.setObjectName(u"heading_layout")
        self.number_label = QLabel(MeetingDialog)
        self.number_label.setObjectName(u"number_label")

        self.heading_layout.addWidget(self.number_label)

        self.number_edit = QLineEdit(MeetingDialog)
        self.number_edit.setObjectName(u"number_edit")

        self.heading_layout.addWidget(self.number_edit)

        self.held_label = QLabel(MeetingDialog)
        self.held_label.setObjectName(u"held_label")

        self.heading_layout.addWidget(self.held_label)

        self.held_edit = QDateTimeEdit(MeetingDialog)
        self.held_edit.setObjectName(u"held_edit")
        self.held_edit.setCalendarPopup(True)
        self.held_edit.setDisplayFormat(u"dd/MM/yyyy HH:mm")

        self.heading_layout.addWidget(self.held_edit)

        self.place_label = QLabel(MeetingDialog)
        self.place_label.setObjectName(u"place_label")

        self.heading_layout.addWidget(self.place_label)

        self.place_edit = QLineEdit(MeetingDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.heading_layout.addWidget(self.place_edit)

        self.chair_label = QLabel(MeetingDialog)
        self.chair_label.setObjectName(u"chair_label")

        self.heading_layout.addWidget(self.chair_label)

        self.chair_combo = QComboBox(MeetingDialog)
        self.chair_combo.setObjectName(u"chair_combo")

        self.heading_layout.addWidget(self.chair_combo)


        self.dialog_layout.addLayout(self.heading_layout)

        self.rule_label = QLabel(MeetingDialog)
        self.rule_label.setObjectName(u"rule_label")
        self.rule_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.rule_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.attendance_box = QGroupBox(MeetingDialog)
        self.attendance_box.setObjectName(u"attendance_box")
        self.attendance_layout = QVBoxLayout(self.attendance_box)
        self.attendance_layout.setObjectName(u"attendance_layout")
        self.attendance_table = QTableWidget(self.attendance_box)
        self.attendance_table.setObjectName(u"attendance_table")
        self.attendance_table.verticalHeader().setVisible(False)

        self.attendance_layout.addWidget(self.attendance_table)


        self.body_layout.addWidget(self.attendance_box)

        self.items_box = QGroupBox(MeetingDialog)
        self.items_box.setObjectName(u"items_box")
        self.items_layout = QVBoxLayout(self.items_box)
        self.items_layout.setObjectName(u"items_layout")
        self.subject_list = QListWidget(self.items_box)
        self.subject_list.setObjectName(u"subject_list")

        self.items_layout.addWidget(self.subject_list)

        self.item_form = QFormLayout()
        self.item_form.setObjectName(u"item_form")
        self.proposal_label = QLabel(self.items_box)
        self.proposal_label.setObjectName(u"proposal_label")

        self.item_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.proposal_label)

        self.proposal_edit = QLineEdit(self.items_box)
        self.proposal_edit.setObjectName(u"proposal_edit")

        self.item_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.proposal_edit)

        self.chair_value_label = QLabel(self.items_box)
        self.chair_value_label.setObjectName(u"chair_value_label")

        self.item_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.chair_value_label)

        self.chair_value_edit = QLineEdit(self.items_box)
        self.chair_value_edit.setObjectName(u"chair_value_edit")

        self.item_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.chair_value_edit)

        self.note_label = QLabel(self.items_box)
        self.note_label.setObjectName(u"note_label")

        self.item_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(self.items_box)
        self.note_edit.setObjectName(u"note_edit")

        self.item_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.items_layout.addLayout(self.item_form)

        self.votes_table = QTableWidget(self.items_box)
        self.votes_table.setObjectName(u"votes_table")
        self.votes_table.verticalHeader().setVisible(False)

        self.items_layout.addWidget(self.votes_table)


        self.body_layout.addWidget(self.items_box)


        self.dialog_layout.addLayout(self.body_layout)

        self.approve_check = QCheckBox(MeetingDialog)
        self.approve_check.setObjectName(u"approve_check")

        self.dialog_layout.addWidget(self.approve_check)

        self.button_box = QDialogButtonBox(MeetingDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.number_label.setBuddy(self.number_edit)
        self.held_label.setBuddy(self.held_edit)
        self.place_label.setBuddy(self.place_edit)
        self.chair_label.setBuddy(self.chair_combo)
        self.proposal_label.setBuddy(self.proposal_edit)
        self.chair_value_label.setBuddy(self.chair_value_edit)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingDialog)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"Record the council meeting", None))
        self.number_label.setText(QCoreApplication.translate("MeetingDialog", u"&Minutes no.:", None))
        self.held_label.setText(QCoreApplication.translate("MeetingDialog", u"&Held on:", None))
        self.place_label.setText(QCoreApplication.translate("MeetingDialog", u"P&lace:", None))
        self.chair_label.setText(QCoreApplication.translate("MeetingDialog", u"&Chair:", None))
        self.rule_label.setText("")
        self.attendance_box.setTitle(QCoreApplication.translate("MeetingDialog", u"Attendance (an absent member may send a written opinion)", None))
        self.items_box.setTitle(QCoreApplication.translate("MeetingDialog", u"Contested items and votes", None))
        self.proposal_label.setText(QCoreApplication.translate("MeetingDialog", u"&Proposed score:", None))
        self.chair_value_label.setText(QCoreApplication.translate("MeetingDialog", u"Chair's &decision (no majority):", None))
        self.note_label.setText(QCoreApplication.translate("MeetingDialog", u"Dis&cussion:", None))
        self.approve_check.setText(QCoreApplication.translate("MeetingDialog", u"Put the approval of the round's results to the vote (the last subject of the list)", None))
    # retranslateUi

