# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'phases_section.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PhasesSection(object):
    def setupUi(self, PhasesSection):
        if not PhasesSection.objectName():
            PhasesSection.setObjectName(u"PhasesSection")
        PhasesSection.resize(1300, 600)
        self.section_layout = QVBoxLayout(PhasesSection)
        self.section_layout.setObjectName(u"section_layout")
        self.gate_label = QLabel(PhasesSection)
        self.gate_label.setObjectName(u"gate_label")
        self.gate_label.setStyleSheet(u"background: #fff3cd; padding: 4px;")
        self.gate_label.setWordWrap(True)

        self.section_layout.addWidget(self.gate_label)

        self.current_label = QLabel(PhasesSection)
        self.current_label.setObjectName(u"current_label")

        self.section_layout.addWidget(self.current_label)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")

        self.section_layout.addLayout(self.form)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.save_button = QPushButton(PhasesSection)
        self.save_button.setObjectName(u"save_button")

        self.buttons.addWidget(self.save_button)

        self.advance_button = QPushButton(PhasesSection)
        self.advance_button.setObjectName(u"advance_button")

        self.buttons.addWidget(self.advance_button)

        self.buttons_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttons_spacer)


        self.section_layout.addLayout(self.buttons)

        self.bottom_spacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.section_layout.addItem(self.bottom_spacer)

        self.message_label = QLabel(PhasesSection)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.section_layout.addWidget(self.message_label)

        self.section_layout.setStretch(4, 1)

        self.retranslateUi(PhasesSection)

        QMetaObject.connectSlotsByName(PhasesSection)
    # setupUi

    def retranslateUi(self, PhasesSection):
        self.save_button.setText(QCoreApplication.translate("PhasesSection", u"Save the deadlines", None))
        pass
    # retranslateUi

