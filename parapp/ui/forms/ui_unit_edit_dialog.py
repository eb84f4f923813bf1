# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_edit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_UnitEditDialog(object):
    def setupUi(self, UnitEditDialog):
        if not UnitEditDialog.objectName():
            UnitEditDialog.setObjectName(u"UnitEditDialog")
        UnitEditDialog.setMinimumSize(QSize(460, 0))
        self.dialog_layout = QVBoxLayout(UnitEditDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.code_title = QLabel(UnitEditDialog)
        self.code_title.setObjectName(u"code_title")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_title)

        self.code_label = QLabel(UnitEditDialog)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code_label)

        self.name_label = QLabel(UnitEditDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(UnitEditDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.type_label = QLabel(UnitEditDialog)
        self.type_label.setObjectName(u"type_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.type_label)

        self.type_combo = QComboBox(UnitEditDialog)
        self.type_combo.setObjectName(u"type_combo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.type_combo)

        self.type_note = QLabel(UnitEditDialog)
        self.type_note.setObjectName(u"type_note")
        self.type_note.setStyleSheet(u"color: #555;")
        self.type_note.setWordWrap(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.type_note)


        self.dialog_layout.addLayout(self.form)

        self.error_label = QLabel(UnitEditDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(UnitEditDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.type_label.setBuddy(self.type_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnitEditDialog)

        QMetaObject.connectSlotsByName(UnitEditDialog)
    # setupUi

    def retranslateUi(self, UnitEditDialog):
        UnitEditDialog.setWindowTitle(QCoreApplication.translate("UnitEditDialog", u"Edit unit", None))
        self.code_title.setText(QCoreApplication.translate("UnitEditDialog", u"Code", None))
        self.name_label.setText(QCoreApplication.translate("UnitEditDialog", u"Name", None))
        self.type_label.setText(QCoreApplication.translate("UnitEditDialog", u"Unit type", None))
    # retranslateUi

