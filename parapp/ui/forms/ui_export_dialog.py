# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(560, 320)
        self.export_layout = QVBoxLayout(ExportDialog)
        self.export_layout.setObjectName(u"export_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.unit_label = QLabel(ExportDialog)
        self.unit_label.setObjectName(u"unit_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(ExportDialog)
        self.unit_combo.setObjectName(u"unit_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.format_label = QLabel(ExportDialog)
        self.format_label.setObjectName(u"format_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.format_label)

        self.format_layout = QHBoxLayout()
        self.format_layout.setObjectName(u"format_layout")
        self.pdf_check = QCheckBox(ExportDialog)
        self.pdf_check.setObjectName(u"pdf_check")
        self.pdf_check.setChecked(True)

        self.format_layout.addWidget(self.pdf_check)

        self.xlsx_check = QCheckBox(ExportDialog)
        self.xlsx_check.setObjectName(u"xlsx_check")
        self.xlsx_check.setChecked(True)

        self.format_layout.addWidget(self.xlsx_check)

        self.format_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.format_layout.addItem(self.format_spacer)


        self.form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.format_layout)

        self.place_label = QLabel(ExportDialog)
        self.place_label.setObjectName(u"place_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(ExportDialog)
        self.place_edit.setObjectName(u"place_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.date_label = QLabel(ExportDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(ExportDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setDisplayFormat(u"dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.folder_label = QLabel(ExportDialog)
        self.folder_label.setObjectName(u"folder_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.folder_label)

        self.folder_layout = QHBoxLayout()
        self.folder_layout.setObjectName(u"folder_layout")
        self.folder_edit = QLineEdit(ExportDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_layout.addWidget(self.folder_edit)

        self.browse_button = QPushButton(ExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_layout.addWidget(self.browse_button)


        self.form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.folder_layout)


        self.export_layout.addLayout(self.form_layout)

        self.progress_bar = QProgressBar(ExportDialog)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setMaximum(0)
        self.progress_bar.setTextVisible(False)

        self.export_layout.addWidget(self.progress_bar)

        self.result_label = QLabel(ExportDialog)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_layout.addWidget(self.result_label)

        self.vertical_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.export_layout.addItem(self.vertical_spacer)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.open_folder_button = QPushButton(ExportDialog)
        self.open_folder_button.setObjectName(u"open_folder_button")

        self.button_layout.addWidget(self.open_folder_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.export_button = QPushButton(ExportDialog)
        self.export_button.setObjectName(u"export_button")

        self.button_layout.addWidget(self.export_button)

        self.close_button = QPushButton(ExportDialog)
        self.close_button.setObjectName(u"close_button")

        self.button_layout.addWidget(self.close_button)


        self.export_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.unit_label.setBuddy(self.unit_combo)
        self.place_label.setBuddy(self.place_edit)
        self.date_label.setBuddy(self.date_edit)
        self.folder_label.setBuddy(self.folder_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.unit_combo, self.pdf_check)
        QWidget.setTabOrder(self.pdf_check, self.xlsx_check)
        QWidget.setTabOrder(self.xlsx_check, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.folder_edit)
        QWidget.setTabOrder(self.folder_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.open_folder_button)

        self.retranslateUi(ExportDialog)

        self.export_button.setDefault(True)


        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export score sheet", None))
        self.unit_label.setText(QCoreApplication.translate("ExportDialog", u"&Unit:", None))
        self.format_label.setText(QCoreApplication.translate("ExportDialog", u"Formats:", None))
        self.pdf_check.setText(QCoreApplication.translate("ExportDialog", u"&PDF (to sign and print)", None))
        self.xlsx_check.setText(QCoreApplication.translate("ExportDialog", u"E&xcel (to review)", None))
        self.place_label.setText(QCoreApplication.translate("ExportDialog", u"P&lace:", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("ExportDialog", u"e.g. Th\u00e1i Nguy\u00ean", None))
        self.date_label.setText(QCoreApplication.translate("ExportDialog", u"&Date:", None))
        self.folder_label.setText(QCoreApplication.translate("ExportDialog", u"&Folder:", None))
        self.browse_button.setText(QCoreApplication.translate("ExportDialog", u"&Browse\u2026", None))
        self.open_folder_button.setText(QCoreApplication.translate("ExportDialog", u"&Open folder", None))
        self.export_button.setText(QCoreApplication.translate("ExportDialog", u"&Export", None))
        self.close_button.setText(QCoreApplication.translate("ExportDialog", u"&Close", None))
    # retranslateUi

