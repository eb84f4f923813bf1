# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rules_section.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_RulesSection(object):
    def setupUi(self, RulesSection):
        if not RulesSection.objectName():
            RulesSection.setObjectName(u"RulesSection")
        RulesSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(RulesSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(RulesSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.rules_box = QGroupBox(RulesSection)
        self.rules_box.setObjectName(u"rules_box")
        self.rules_form = QFormLayout(self.rules_box)
        self.rules_form.setObjectName(u"rules_form")
        self.rule_label = QLabel(self.rules_box)
        self.rule_label.setObjectName(u"rule_label")

        self.rules_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.rule_label)

        self.rule_combo = QComboBox(self.rules_box)
        self.rule_combo.setObjectName(u"rule_combo")

        self.rules_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.rule_combo)

        self.threshold_label = QLabel(self.rules_box)
        self.threshold_label.setObjectName(u"threshold_label")

        self.rules_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.threshold_label)

        self.threshold_edit = QLineEdit(self.rules_box)
        self.threshold_edit.setObjectName(u"threshold_edit")

        self.rules_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.threshold_edit)

        self.quorum_label = QLabel(self.rules_box)
        self.quorum_label.setObjectName(u"quorum_label")

        self.rules_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.quorum_label)

        self.quorum_combo = QComboBox(self.rules_box)
        self.quorum_combo.setObjectName(u"quorum_combo")

        self.rules_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.quorum_combo)

        self.bands_title = QLabel(self.rules_box)
        self.bands_title.setObjectName(u"bands_title")

        self.rules_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.bands_title)

        self.bands_combo = QComboBox(self.rules_box)
        self.bands_combo.setObjectName(u"bands_combo")

        self.rules_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.bands_combo)

        self.bands_label = QLabel(self.rules_box)
        self.bands_label.setObjectName(u"bands_label")
        self.bands_label.setWordWrap(True)

        self.rules_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.bands_label)

        self.save_button = QPushButton(self.rules_box)
        self.save_button.setObjectName(u"save_button")

        self.rules_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.save_button)


        self.section_layout.addWidget(self.rules_box)

        self.crl_box = QGroupBox(RulesSection)
        self.crl_box.setObjectName(u"crl_box")
        self.crl_layout = QVBoxLayout(self.crl_box)
        self.crl_layout.setObjectName(u"crl_layout")
        self.crl_list = QListWidget(self.crl_box)
        self.crl_list.setObjectName(u"crl_list")

        self.crl_layout.addWidget(self.crl_list)

        self.crl_buttons = QHBoxLayout()
        self.crl_buttons.setObjectName(u"crl_buttons")
        self.add_crl_button = QPushButton(self.crl_box)
        self.add_crl_button.setObjectName(u"add_crl_button")

        self.crl_buttons.addWidget(self.add_crl_button)

        self.clear_crl_button = QPushButton(self.crl_box)
        self.clear_crl_button.setObjectName(u"clear_crl_button")

        self.crl_buttons.addWidget(self.clear_crl_button)

        self.crl_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.crl_buttons.addItem(self.crl_spacer)


        self.crl_layout.addLayout(self.crl_buttons)


        self.section_layout.addWidget(self.crl_box)

        self.message_label = QLabel(RulesSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.rule_label.setBuddy(self.rule_combo)
        self.threshold_label.setBuddy(self.threshold_edit)
        self.quorum_label.setBuddy(self.quorum_combo)
        self.bands_title.setBuddy(self.bands_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RulesSection)

        QMetaObject.connectSlotsByName(RulesSection)
    # setupUi

    def retranslateUi(self, RulesSection):
        self.rules_box.setTitle(QCoreApplication.translate("RulesSection", u"Scoring and meeting rules", None))
        self.rule_label.setText(QCoreApplication.translate("RulesSection", u"Consolidation of members' scores", None))
        self.threshold_label.setText(QCoreApplication.translate("RulesSection", u"Agreement threshold (must agree)", None))
        self.threshold_edit.setPlaceholderText(QCoreApplication.translate("RulesSection", u"e.g. 0,5", None))
        self.quorum_label.setText(QCoreApplication.translate("RulesSection", u"Quorum rule of the meeting", None))
        self.bands_title.setText(QCoreApplication.translate("RulesSection", u"Classification bands", None))
        self.save_button.setText(QCoreApplication.translate("RulesSection", u"Save the rules", None))
        self.crl_box.setTitle(QCoreApplication.translate("RulesSection", u"Certificate revocation lists (CRLs)", None))
        self.add_crl_button.setText(QCoreApplication.translate("RulesSection", u"Add a CRL file\u2026", None))
        self.clear_crl_button.setText(QCoreApplication.translate("RulesSection", u"Remove every CRL", None))
        pass
    # retranslateUi

