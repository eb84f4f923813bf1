# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'criteria_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QRadioButton, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_CriteriaPage(object):
    def setupUi(self, CriteriaPage):
        if not CriteriaPage.objectName():
            CriteriaPage.setObjectName(u"CriteriaPage")
        CriteriaPage.resize(1280, 600)
        self.page_layout = QVBoxLayout(CriteriaPage)
        self.page_layout.setObjectName(u"page_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(CriteriaPage)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(CriteriaPage)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.path_label = QLabel(CriteriaPage)
        self.path_label.setObjectName(u"path_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.path_label)

        self.path_row = QHBoxLayout()
        self.path_row.setObjectName(u"path_row")
        self.path_edit = QLineEdit(CriteriaPage)
        self.path_edit.setObjectName(u"path_edit")

        self.path_row.addWidget(self.path_edit)

        self.path_button = QPushButton(CriteriaPage)
        self.path_button.setObjectName(u"path_button")

        self.path_row.addWidget(self.path_button)

        self.path_row.setStretch(0, 1)

        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.path_row)


        self.page_layout.addLayout(self.form)

        self.bundled_radio = QRadioButton(CriteriaPage)
        self.bundled_radio.setObjectName(u"bundled_radio")
        self.bundled_radio.setChecked(True)

        self.page_layout.addWidget(self.bundled_radio)

        self.bundled_list = QListWidget(CriteriaPage)
        self.bundled_list.setObjectName(u"bundled_list")

        self.page_layout.addWidget(self.bundled_list)

        self.workbook_radio = QRadioButton(CriteriaPage)
        self.workbook_radio.setObjectName(u"workbook_radio")

        self.page_layout.addWidget(self.workbook_radio)

        self.book_row = QHBoxLayout()
        self.book_row.setObjectName(u"book_row")
        self.workbook_edit = QLineEdit(CriteriaPage)
        self.workbook_edit.setObjectName(u"workbook_edit")

        self.book_row.addWidget(self.workbook_edit)

        self.workbook_button = QPushButton(CriteriaPage)
        self.workbook_button.setObjectName(u"workbook_button")

        self.book_row.addWidget(self.workbook_button)

        self.book_row.setStretch(0, 1)

        self.page_layout.addLayout(self.book_row)

        self.report_label = QLabel(CriteriaPage)
        self.report_label.setObjectName(u"report_label")
        self.report_label.setWordWrap(True)

        self.page_layout.addWidget(self.report_label)

        self.report_table = QTableWidget(CriteriaPage)
        if (self.report_table.columnCount() < 2):
            self.report_table.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.report_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.report_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.report_table.setObjectName(u"report_table")
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.horizontalHeader().setStretchLastSection(True)

        self.page_layout.addWidget(self.report_table)

        self.message_label = QLabel(CriteriaPage)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.page_layout.addWidget(self.message_label)

        self.page_layout.setStretch(2, 2)
        self.page_layout.setStretch(6, 2)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.path_label.setBuddy(self.path_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CriteriaPage)

        QMetaObject.connectSlotsByName(CriteriaPage)
    # setupUi

    def retranslateUi(self, CriteriaPage):
        CriteriaPage.setTitle(QCoreApplication.translate("CriteriaPage", u"New appraisal round", None))
        CriteriaPage.setSubTitle(QCoreApplication.translate("CriteriaPage", u"Name the round, choose where its file goes and which criteria set it uses.", None))
        self.name_label.setText(QCoreApplication.translate("CriteriaPage", u"Round name", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("CriteriaPage", u"e.g. Th\u1ea9m \u0111\u1ecbnh Ch\u1ec9 s\u1ed1 CCHC n\u0103m 2026", None))
        self.path_label.setText(QCoreApplication.translate("CriteriaPage", u"Round file", None))
        self.path_button.setText(QCoreApplication.translate("CriteriaPage", u"Choose\u2026", None))
        self.bundled_radio.setText(QCoreApplication.translate("CriteriaPage", u"A bundled criteria set", None))
        self.workbook_radio.setText(QCoreApplication.translate("CriteriaPage", u"The province's workbook (.xlsx or .json)", None))
        self.workbook_button.setText(QCoreApplication.translate("CriteriaPage", u"Choose and check\u2026", None))
        ___qtablewidgetitem = self.report_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CriteriaPage", u"Where", None))
        ___qtablewidgetitem1 = self.report_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CriteriaPage", u"Problem", None))
    # retranslateUi

