# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'year_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_YearPane(object):
    def setupUi(self, YearPane):
        if not YearPane.objectName():
            YearPane.setObjectName(u"YearPane")
        YearPane.resize(1300, 640)
        self.year_layout = QVBoxLayout(YearPane)
        self.year_layout.setObjectName(u"year_layout")
        self.summary_label = QLabel(YearPane)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.year_layout.addWidget(self.summary_label)

        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.table_layout = QVBoxLayout()
        self.table_layout.setObjectName(u"table_layout")
        self.units_label = QLabel(YearPane)
        self.units_label.setObjectName(u"units_label")

        self.table_layout.addWidget(self.units_label)

        self.units_table = QTableView(YearPane)
        self.units_table.setObjectName(u"units_table")
        self.units_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_table.setAlternatingRowColors(True)
        self.units_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units_table.setWordWrap(False)
        self.units_table.verticalHeader().setVisible(False)

        self.table_layout.addWidget(self.units_table)

        self.report_edit = QPlainTextEdit(YearPane)
        self.report_edit.setObjectName(u"report_edit")
        self.report_edit.setReadOnly(True)
        self.report_edit.setMaximumSize(QSize(16777215, 150))

        self.table_layout.addWidget(self.report_edit)


        self.body_layout.addLayout(self.table_layout)

        self.actions_layout = QVBoxLayout()
        self.actions_layout.setObjectName(u"actions_layout")
        self.notices_box = QGroupBox(YearPane)
        self.notices_box.setObjectName(u"notices_box")
        self.notices_box_layout = QVBoxLayout(self.notices_box)
        self.notices_box_layout.setObjectName(u"notices_box_layout")
        self.notices_button = QPushButton(self.notices_box)
        self.notices_button.setObjectName(u"notices_button")

        self.notices_box_layout.addWidget(self.notices_button)


        self.actions_layout.addWidget(self.notices_box)

        self.explanations_box = QGroupBox(YearPane)
        self.explanations_box.setObjectName(u"explanations_box")
        self.explanations_box_layout = QVBoxLayout(self.explanations_box)
        self.explanations_box_layout.setObjectName(u"explanations_box_layout")
        self.export_forms_button = QPushButton(self.explanations_box)
        self.export_forms_button.setObjectName(u"export_forms_button")

        self.explanations_box_layout.addWidget(self.export_forms_button)

        self.import_form_button = QPushButton(self.explanations_box)
        self.import_form_button.setObjectName(u"import_form_button")

        self.explanations_box_layout.addWidget(self.import_form_button)

        self.import_folder_button = QPushButton(self.explanations_box)
        self.import_folder_button.setObjectName(u"import_folder_button")

        self.explanations_box_layout.addWidget(self.import_folder_button)


        self.actions_layout.addWidget(self.explanations_box)

        self.meeting_box = QGroupBox(YearPane)
        self.meeting_box.setObjectName(u"meeting_box")
        self.meeting_box_layout = QVBoxLayout(self.meeting_box)
        self.meeting_box_layout.setObjectName(u"meeting_box_layout")
        self.quorum_combo = QComboBox(self.meeting_box)
        self.quorum_combo.setObjectName(u"quorum_combo")

        self.meeting_box_layout.addWidget(self.quorum_combo)

        self.meeting_button = QPushButton(self.meeting_box)
        self.meeting_button.setObjectName(u"meeting_button")

        self.meeting_box_layout.addWidget(self.meeting_button)

        self.minutes_row = QHBoxLayout()
        self.minutes_row.setObjectName(u"minutes_row")
        self.minutes_button = QPushButton(self.meeting_box)
        self.minutes_button.setObjectName(u"minutes_button")

        self.minutes_row.addWidget(self.minutes_button)

        self.minutes_docx_button = QPushButton(self.meeting_box)
        self.minutes_docx_button.setObjectName(u"minutes_docx_button")

        self.minutes_row.addWidget(self.minutes_docx_button)


        self.meeting_box_layout.addLayout(self.minutes_row)

        self.sign_secretary_button = QPushButton(self.meeting_box)
        self.sign_secretary_button.setObjectName(u"sign_secretary_button")

        self.meeting_box_layout.addWidget(self.sign_secretary_button)

        self.sign_chair_button = QPushButton(self.meeting_box)
        self.sign_chair_button.setObjectName(u"sign_chair_button")

        self.meeting_box_layout.addWidget(self.sign_chair_button)


        self.actions_layout.addWidget(self.meeting_box)

        self.close_box = QGroupBox(YearPane)
        self.close_box.setObjectName(u"close_box")
        self.close_box_layout = QVBoxLayout(self.close_box)
        self.close_box_layout.setObjectName(u"close_box_layout")
        self.announce_button = QPushButton(self.close_box)
        self.announce_button.setObjectName(u"announce_button")

        self.close_box_layout.addWidget(self.announce_button)

        self.advance_button = QPushButton(self.close_box)
        self.advance_button.setObjectName(u"advance_button")

        self.close_box_layout.addWidget(self.advance_button)

        self.reopen_button = QPushButton(self.close_box)
        self.reopen_button.setObjectName(u"reopen_button")

        self.close_box_layout.addWidget(self.reopen_button)


        self.actions_layout.addWidget(self.close_box)

        self.actions_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.actions_layout.addItem(self.actions_spacer)


        self.body_layout.addLayout(self.actions_layout)


        self.year_layout.addLayout(self.body_layout)

#if QT_CONFIG(shortcut)
        self.units_label.setBuddy(self.units_table)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(YearPane)

        QMetaObject.connectSlotsByName(YearPane)
    # setupUi

    def retranslateUi(self, YearPane):
        self.summary_label.setText("")
        self.units_label.setText(QCoreApplication.translate("YearPane", u"&Units \u2014 where each stands after round 1", None))
        self.report_edit.setPlaceholderText(QCoreApplication.translate("YearPane", u"What the last action did (one line per file)", None))
        self.notices_box.setTitle(QCoreApplication.translate("YearPane", u"1. Round-1 notices", None))
        self.notices_button.setText(QCoreApplication.translate("YearPane", u"&Issue notices\u2026", None))
#if QT_CONFIG(tooltip)
        self.notices_button.setToolTip(QCoreApplication.translate("YearPane", u"Signed notices (PDF and workbook) for the selected unit or all units", None))
#endif // QT_CONFIG(tooltip)
        self.explanations_box.setTitle(QCoreApplication.translate("YearPane", u"2. Explanations", None))
        self.export_forms_button.setText(QCoreApplication.translate("YearPane", u"E&xport explanation forms\u2026", None))
        self.import_form_button.setText(QCoreApplication.translate("YearPane", u"Import a &form\u2026", None))
        self.import_folder_button.setText(QCoreApplication.translate("YearPane", u"Import a f&older of forms\u2026", None))
        self.meeting_box.setTitle(QCoreApplication.translate("YearPane", u"3. Council meeting", None))
#if QT_CONFIG(tooltip)
        self.quorum_combo.setToolTip(QCoreApplication.translate("YearPane", u"The round's quorum rule for the meeting's votes", None))
#endif // QT_CONFIG(tooltip)
        self.meeting_button.setText(QCoreApplication.translate("YearPane", u"&Record the meeting\u2026", None))
        self.minutes_button.setText(QCoreApplication.translate("YearPane", u"Write the &minutes\u2026", None))
#if QT_CONFIG(tooltip)
        self.minutes_docx_button.setToolTip(QCoreApplication.translate("YearPane", u"The same minutes as a Word file (.docx) to edit; the official minutes stay the signed PDF", None))
#endif // QT_CONFIG(tooltip)
        self.minutes_docx_button.setText(QCoreApplication.translate("YearPane", u"As &Word\u2026", None))
        self.sign_secretary_button.setText(QCoreApplication.translate("YearPane", u"Sign the minutes as &secretary\u2026", None))
        self.sign_chair_button.setText(QCoreApplication.translate("YearPane", u"Sign the minutes as c&hair\u2026", None))
        self.close_box.setTitle(QCoreApplication.translate("YearPane", u"4. Announce and close", None))
        self.announce_button.setText(QCoreApplication.translate("YearPane", u"&Announcement draft\u2026", None))
        self.advance_button.setText("")
        self.reopen_button.setText(QCoreApplication.translate("YearPane", u"Re&open an earlier phase\u2026", None))
        pass
    # retranslateUi

