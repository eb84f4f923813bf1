# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget)

from parapp.ui.secretary.wizard.assignments_section import AssignmentsSection
from parapp.ui.secretary.wizard.members_section import MembersSection
from parapp.ui.secretary.wizard.packages_section import PackagesSection
from parapp.ui.secretary.wizard.rules_section import (PhasesSection, RulesSection)
from parapp.ui.secretary.wizard.self_import_section import SelfImportSection
from parapp.ui.secretary.wizard.units_section import UnitsSection

class Ui_SettingsPane(object):
    def setupUi(self, SettingsPane):
        if not SettingsPane.objectName():
            SettingsPane.setObjectName(u"SettingsPane")
        SettingsPane.resize(1300, 640)
        self.pane_layout = QVBoxLayout(SettingsPane)
        self.pane_layout.setObjectName(u"pane_layout")
        self.tabs = QTabWidget(SettingsPane)
        self.tabs.setObjectName(u"tabs")
        self.units = UnitsSection()
        self.units.setObjectName(u"units")
        self.tabs.addTab(self.units, "")
        self.self_import = SelfImportSection()
        self.self_import.setObjectName(u"self_import")
        self.tabs.addTab(self.self_import, "")
        self.members = MembersSection()
        self.members.setObjectName(u"members")
        self.tabs.addTab(self.members, "")
        self.assignments = AssignmentsSection()
        self.assignments.setObjectName(u"assignments")
        self.tabs.addTab(self.assignments, "")
        self.phases = PhasesSection()
        self.phases.setObjectName(u"phases")
        self.tabs.addTab(self.phases, "")
        self.rules = RulesSection()
        self.rules.setObjectName(u"rules")
        self.tabs.addTab(self.rules, "")
        self.packages = PackagesSection()
        self.packages.setObjectName(u"packages")
        self.tabs.addTab(self.packages, "")

        self.pane_layout.addWidget(self.tabs)


        self.retranslateUi(SettingsPane)

        QMetaObject.connectSlotsByName(SettingsPane)
    # setupUi

    def retranslateUi(self, SettingsPane):
        self.tabs.setTabText(self.tabs.indexOf(self.units), QCoreApplication.translate("SettingsPane", u"Units", None))
        self.tabs.setTabText(self.tabs.indexOf(self.self_import), QCoreApplication.translate("SettingsPane", u"Self-assessments", None))
        self.tabs.setTabText(self.tabs.indexOf(self.members), QCoreApplication.translate("SettingsPane", u"Council members", None))
        self.tabs.setTabText(self.tabs.indexOf(self.assignments), QCoreApplication.translate("SettingsPane", u"Assignments", None))
        self.tabs.setTabText(self.tabs.indexOf(self.phases), QCoreApplication.translate("SettingsPane", u"Phases and deadlines", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rules), QCoreApplication.translate("SettingsPane", u"Rules", None))
        self.tabs.setTabText(self.tabs.indexOf(self.packages), QCoreApplication.translate("SettingsPane", u"Packages", None))
        pass
    # retranslateUi

