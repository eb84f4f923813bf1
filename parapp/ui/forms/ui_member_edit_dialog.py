# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_edit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_MemberEditDialog(object):
    def setupUi(self, MemberEditDialog):
        if not MemberEditDialog.objectName():
            MemberEditDialog.setObjectName(u"MemberEditDialog")
        MemberEditDialog.setMinimumSize(QSize(460, 0))
        self.dialog_layout = QVBoxLayout(MemberEditDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.id_title = QLabel(MemberEditDialog)
        self.id_title.setObjectName(u"id_title")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.id_title)

        self.id_label = QLabel(MemberEditDialog)
        self.id_label.setObjectName(u"id_label")
        self.id_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.id_label)

        self.name_label = QLabel(MemberEditDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(MemberEditDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.title_label = QLabel(MemberEditDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(MemberEditDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title_edit)


        self.dialog_layout.addLayout(self.form)

        self.error_label = QLabel(MemberEditDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(MemberEditDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.title_label.setBuddy(self.title_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberEditDialog)

        QMetaObject.connectSlotsByName(MemberEditDialog)
    # setupUi

    def retranslateUi(self, MemberEditDialog):
        MemberEditDialog.setWindowTitle(QCoreApplication.translate("MemberEditDialog", u"Edit council member", None))
        self.id_title.setText(QCoreApplication.translate("MemberEditDialog", u"Id", None))
        self.name_label.setText(QCoreApplication.translate("MemberEditDialog", u"Full name", None))
        self.title_label.setText(QCoreApplication.translate("MemberEditDialog", u"Title", None))
    # retranslateUi

