# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'results_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ResultsPane(object):
    def setupUi(self, ResultsPane):
        if not ResultsPane.objectName():
            ResultsPane.setObjectName(u"ResultsPane")
        ResultsPane.resize(900, 600)
        self.results_layout = QVBoxLayout(ResultsPane)
        self.results_layout.setObjectName(u"results_layout")
        self.settings_layout = QHBoxLayout()
        self.settings_layout.setObjectName(u"settings_layout")
        self.rule_label = QLabel(ResultsPane)
        self.rule_label.setObjectName(u"rule_label")

        self.settings_layout.addWidget(self.rule_label)

        self.rule_combo = QComboBox(ResultsPane)
        self.rule_combo.setObjectName(u"rule_combo")

        self.settings_layout.addWidget(self.rule_combo)

        self.threshold_label = QLabel(ResultsPane)
        self.threshold_label.setObjectName(u"threshold_label")

        self.settings_layout.addWidget(self.threshold_label)

        self.threshold_edit = QLineEdit(ResultsPane)
        self.threshold_edit.setObjectName(u"threshold_edit")
        self.threshold_edit.setMaximumSize(QSize(80, 16777215))

        self.settings_layout.addWidget(self.threshold_edit)

        self.apply_settings_button = QPushButton(ResultsPane)
        self.apply_settings_button.setObjectName(u"apply_settings_button")

        self.settings_layout.addWidget(self.apply_settings_button)

        self.settings_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.settings_layout.addItem(self.settings_spacer)

        self.group_label = QLabel(ResultsPane)
        self.group_label.setObjectName(u"group_label")

        self.settings_layout.addWidget(self.group_label)

        self.group_combo = QComboBox(ResultsPane)
        self.group_combo.setObjectName(u"group_combo")
        self.group_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.settings_layout.addWidget(self.group_combo)


        self.results_layout.addLayout(self.settings_layout)

        self.results_table = QTableView(ResultsPane)
        self.results_table.setObjectName(u"results_table")
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.setAlternatingRowColors(True)
        self.results_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_table.setWordWrap(False)
        self.results_table.verticalHeader().setVisible(False)

        self.results_layout.addWidget(self.results_table)

        self.blocking_box = QGroupBox(ResultsPane)
        self.blocking_box.setObjectName(u"blocking_box")
        self.blocking_layout = QVBoxLayout(self.blocking_box)
        self.blocking_layout.setObjectName(u"blocking_layout")
        self.blocking_label = QLabel(self.blocking_box)
        self.blocking_label.setObjectName(u"blocking_label")
        self.blocking_label.setWordWrap(True)

        self.blocking_layout.addWidget(self.blocking_label)

        self.blocking_table = QTableView(self.blocking_box)
        self.blocking_table.setObjectName(u"blocking_table")
        self.blocking_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.blocking_table.setAlternatingRowColors(True)
        self.blocking_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.blocking_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.blocking_table.setWordWrap(False)
        self.blocking_table.verticalHeader().setVisible(False)

        self.blocking_layout.addWidget(self.blocking_table)


        self.results_layout.addWidget(self.blocking_box)

        self.export_layout = QHBoxLayout()
        self.export_layout.setObjectName(u"export_layout")
        self.place_label = QLabel(ResultsPane)
        self.place_label.setObjectName(u"place_label")

        self.export_layout.addWidget(self.place_label)

        self.place_edit = QLineEdit(ResultsPane)
        self.place_edit.setObjectName(u"place_edit")

        self.export_layout.addWidget(self.place_edit)

        self.date_label = QLabel(ResultsPane)
        self.date_label.setObjectName(u"date_label")

        self.export_layout.addWidget(self.date_label)

        self.date_edit = QDateEdit(ResultsPane)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.export_layout.addWidget(self.date_edit)

        self.export_button = QPushButton(ResultsPane)
        self.export_button.setObjectName(u"export_button")

        self.export_layout.addWidget(self.export_button)

        self.draft_button = QPushButton(ResultsPane)
        self.draft_button.setObjectName(u"draft_button")

        self.export_layout.addWidget(self.draft_button)

        self.print_button = QPushButton(ResultsPane)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setEnabled(False)

        self.export_layout.addWidget(self.print_button)


        self.results_layout.addLayout(self.export_layout)

        self.export_label = QLabel(ResultsPane)
        self.export_label.setObjectName(u"export_label")
        self.export_label.setWordWrap(True)

        self.results_layout.addWidget(self.export_label)

#if QT_CONFIG(shortcut)
        self.rule_label.setBuddy(self.rule_combo)
        self.threshold_label.setBuddy(self.threshold_edit)
        self.group_label.setBuddy(self.group_combo)
        self.place_label.setBuddy(self.place_edit)
        self.date_label.setBuddy(self.date_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.rule_combo, self.threshold_edit)
        QWidget.setTabOrder(self.threshold_edit, self.apply_settings_button)
        QWidget.setTabOrder(self.apply_settings_button, self.group_combo)
        QWidget.setTabOrder(self.group_combo, self.results_table)
        QWidget.setTabOrder(self.results_table, self.blocking_table)
        QWidget.setTabOrder(self.blocking_table, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.export_button)
        QWidget.setTabOrder(self.export_button, self.draft_button)
        QWidget.setTabOrder(self.draft_button, self.print_button)

        self.retranslateUi(ResultsPane)

        QMetaObject.connectSlotsByName(ResultsPane)
    # setupUi

    def retranslateUi(self, ResultsPane):
        self.rule_label.setText(QCoreApplication.translate("ResultsPane", u"&Consolidation:", None))
        self.threshold_label.setText(QCoreApplication.translate("ResultsPane", u"&Threshold:", None))
#if QT_CONFIG(tooltip)
        self.threshold_edit.setToolTip(QCoreApplication.translate("ResultsPane", u"Widest spread of the members' scores still counted as agreement (rule \"Must agree\")", None))
#endif // QT_CONFIG(tooltip)
        self.apply_settings_button.setText(QCoreApplication.translate("ResultsPane", u"A&pply", None))
        self.group_label.setText(QCoreApplication.translate("ResultsPane", u"Ranking &group:", None))
        self.blocking_box.setTitle(QCoreApplication.translate("ResultsPane", u"Scores that break a rule of the criteria set", None))
        self.blocking_label.setText("")
        self.place_label.setText(QCoreApplication.translate("ResultsPane", u"P&lace:", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("ResultsPane", u"e.g. Th\u00e1i Nguy\u00ean", None))
        self.date_label.setText(QCoreApplication.translate("ResultsPane", u"&Date:", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ResultsPane", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("ResultsPane", u"The official workbook and PDF, to sign", None))
#endif // QT_CONFIG(tooltip)
        self.export_button.setText(QCoreApplication.translate("ResultsPane", u"&Export official results\u2026", None))
#if QT_CONFIG(tooltip)
        self.draft_button.setToolTip(QCoreApplication.translate("ResultsPane", u"A draft marked \"D\u1ef0 TH\u1ea2O\" on every page, with the list of scores that break a rule", None))
#endif // QT_CONFIG(tooltip)
        self.draft_button.setText(QCoreApplication.translate("ResultsPane", u"Export dra&ft\u2026", None))
#if QT_CONFIG(tooltip)
        self.print_button.setToolTip(QCoreApplication.translate("ResultsPane", u"Print the PDF exported last", None))
#endif // QT_CONFIG(tooltip)
        self.print_button.setText(QCoreApplication.translate("ResultsPane", u"P&rint\u2026", None))
        self.export_label.setText("")
        pass
    # retranslateUi

