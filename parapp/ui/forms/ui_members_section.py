# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'members_section.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_MembersSection(object):
    def setupUi(self, MembersSection):
        if not MembersSection.objectName():
            MembersSection.setObjectName(u"MembersSection")
        MembersSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(MembersSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(MembersSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.table = QTableWidget(MembersSection)
        if (self.table.columnCount() < 5):
            self.table.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.table.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.section_layout.addWidget(self.table)

        self.roster_row = QHBoxLayout()
        self.roster_row.setObjectName(u"roster_row")
        self.edit_button = QPushButton(MembersSection)
        self.edit_button.setObjectName(u"edit_button")

        self.roster_row.addWidget(self.edit_button)

        self.remove_button = QPushButton(MembersSection)
        self.remove_button.setObjectName(u"remove_button")

        self.roster_row.addWidget(self.remove_button)

        self.roster_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.roster_row.addItem(self.roster_spacer)


        self.section_layout.addLayout(self.roster_row)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(MembersSection)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(MembersSection)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.id_label = QLabel(MembersSection)
        self.id_label.setObjectName(u"id_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.id_label)

        self.id_edit = QLineEdit(MembersSection)
        self.id_edit.setObjectName(u"id_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.id_edit)

        self.title_label = QLabel(MembersSection)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(MembersSection)
        self.title_edit.setObjectName(u"title_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.role_label = QLabel(MembersSection)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(MembersSection)
        self.role_combo.setObjectName(u"role_combo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.certificate_label = QLabel(MembersSection)
        self.certificate_label.setObjectName(u"certificate_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.certificate_label)

        self.cert_row = QHBoxLayout()
        self.cert_row.setObjectName(u"cert_row")
        self.file_button = QPushButton(MembersSection)
        self.file_button.setObjectName(u"file_button")

        self.cert_row.addWidget(self.file_button)

        self.module_combo = QComboBox(MembersSection)
        self.module_combo.setObjectName(u"module_combo")
        self.module_combo.setEditable(True)

        self.cert_row.addWidget(self.module_combo)

        self.token_button = QPushButton(MembersSection)
        self.token_button.setObjectName(u"token_button")

        self.cert_row.addWidget(self.token_button)

        self.token_combo = QComboBox(MembersSection)
        self.token_combo.setObjectName(u"token_combo")

        self.cert_row.addWidget(self.token_combo)

        self.clear_cert_button = QPushButton(MembersSection)
        self.clear_cert_button.setObjectName(u"clear_cert_button")

        self.cert_row.addWidget(self.clear_cert_button)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cert_row)

        self.cert_label = QLabel(MembersSection)
        self.cert_label.setObjectName(u"cert_label")
        self.cert_label.setWordWrap(True)
        self.cert_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.cert_label)

        self.add_button = QPushButton(MembersSection)
        self.add_button.setObjectName(u"add_button")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.add_button)


        self.section_layout.addLayout(self.form)

        self.message_label = QLabel(MembersSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(1, 2)
#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.id_label.setBuddy(self.id_edit)
        self.title_label.setBuddy(self.title_edit)
        self.role_label.setBuddy(self.role_combo)
        self.certificate_label.setBuddy(self.file_button)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MembersSection)

        QMetaObject.connectSlotsByName(MembersSection)
    # setupUi

    def retranslateUi(self, MembersSection):
        ___qtablewidgetitem = self.table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("MembersSection", u"Id", None))
        ___qtablewidgetitem1 = self.table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("MembersSection", u"Name", None))
        ___qtablewidgetitem2 = self.table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("MembersSection", u"Title", None))
        ___qtablewidgetitem3 = self.table.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("MembersSection", u"Role", None))
        ___qtablewidgetitem4 = self.table.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("MembersSection", u"Certificate (SHA-256)", None))
        self.edit_button.setText(QCoreApplication.translate("MembersSection", u"Edit\u2026", None))
        self.remove_button.setText(QCoreApplication.translate("MembersSection", u"Remove", None))
        self.name_label.setText(QCoreApplication.translate("MembersSection", u"Full name", None))
        self.id_label.setText(QCoreApplication.translate("MembersSection", u"Id", None))
        self.id_edit.setPlaceholderText(QCoreApplication.translate("MembersSection", u"made from the name when empty", None))
        self.title_label.setText(QCoreApplication.translate("MembersSection", u"Title", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("MembersSection", u"e.g. Ph\u00f3 Gi\u00e1m \u0111\u1ed1c S\u1edf N\u1ed9i v\u1ee5", None))
        self.role_label.setText(QCoreApplication.translate("MembersSection", u"Role", None))
        self.certificate_label.setText(QCoreApplication.translate("MembersSection", u"Certificate", None))
        self.file_button.setText(QCoreApplication.translate("MembersSection", u"Certificate file (.cer, .pem, .p12)\u2026", None))
        self.token_button.setText(QCoreApplication.translate("MembersSection", u"Read from the plugged token", None))
        self.clear_cert_button.setText(QCoreApplication.translate("MembersSection", u"No certificate", None))
        self.add_button.setText(QCoreApplication.translate("MembersSection", u"Add member", None))
        pass
    # retranslateUi

