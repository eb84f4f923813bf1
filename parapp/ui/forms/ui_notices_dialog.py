# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notices_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_NoticesDialog(object):
    def setupUi(self, NoticesDialog):
        if not NoticesDialog.objectName():
            NoticesDialog.setObjectName(u"NoticesDialog")
        NoticesDialog.resize(620, 360)
        self.dialog_layout = QVBoxLayout(NoticesDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.unit_label = QLabel(NoticesDialog)
        self.unit_label.setObjectName(u"unit_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(NoticesDialog)
        self.unit_combo.setObjectName(u"unit_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.deadline_label = QLabel(NoticesDialog)
        self.deadline_label.setObjectName(u"deadline_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deadline_label)

        self.deadline_edit = QDateEdit(NoticesDialog)
        self.deadline_edit.setObjectName(u"deadline_edit")
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat(u"dd/MM/yyyy")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deadline_edit)

        self.place_label = QLabel(NoticesDialog)
        self.place_label.setObjectName(u"place_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(NoticesDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.folder_label = QLabel(NoticesDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_layout = QHBoxLayout()
        self.folder_layout.setObjectName(u"folder_layout")
        self.folder_edit = QLineEdit(NoticesDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_layout.addWidget(self.folder_edit)

        self.folder_button = QPushButton(NoticesDialog)
        self.folder_button.setObjectName(u"folder_button")

        self.folder_layout.addWidget(self.folder_button)


        self.form_layout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.folder_layout)

        self.key_label = QLabel(NoticesDialog)
        self.key_label.setObjectName(u"key_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.key_label)

        self.key_layout = QHBoxLayout()
        self.key_layout.setObjectName(u"key_layout")
        self.key_edit = QLineEdit(NoticesDialog)
        self.key_edit.setObjectName(u"key_edit")

        self.key_layout.addWidget(self.key_edit)

        self.key_button = QPushButton(NoticesDialog)
        self.key_button.setObjectName(u"key_button")

        self.key_layout.addWidget(self.key_button)


        self.form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.key_layout)

        self.passphrase_label = QLabel(NoticesDialog)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(NoticesDialog)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)


        self.dialog_layout.addLayout(self.form_layout)

        self.note_label = QLabel(NoticesDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.note_label)

        self.button_box = QDialogButtonBox(NoticesDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.unit_label.setBuddy(self.unit_combo)
        self.deadline_label.setBuddy(self.deadline_edit)
        self.place_label.setBuddy(self.place_edit)
        self.folder_label.setBuddy(self.folder_edit)
        self.key_label.setBuddy(self.key_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoticesDialog)

        QMetaObject.connectSlotsByName(NoticesDialog)
    # setupUi

    def retranslateUi(self, NoticesDialog):
        NoticesDialog.setWindowTitle(QCoreApplication.translate("NoticesDialog", u"Round-1 notices", None))
        self.unit_label.setText(QCoreApplication.translate("NoticesDialog", u"&Units:", None))
        self.deadline_label.setText(QCoreApplication.translate("NoticesDialog", u"&Deadline for explanations:", None))
        self.place_label.setText(QCoreApplication.translate("NoticesDialog", u"P&lace:", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("NoticesDialog", u"e.g. Th\u00e1i Nguy\u00ean", None))
        self.folder_label.setText(QCoreApplication.translate("NoticesDialog", u"&Folder:", None))
        self.folder_button.setText(QCoreApplication.translate("NoticesDialog", u"Choose\u2026", None))
        self.key_label.setText(QCoreApplication.translate("NoticesDialog", u"Secretary's &key (.p12):", None))
        self.key_button.setText(QCoreApplication.translate("NoticesDialog", u"Browse\u2026", None))
        self.passphrase_label.setText(QCoreApplication.translate("NoticesDialog", u"&Passphrase:", None))
        self.note_label.setText(QCoreApplication.translate("NoticesDialog", u"Each notice is signed (PAdES) and checked; a workbook goes beside it. The passphrase is not kept.", None))
    # retranslateUi

