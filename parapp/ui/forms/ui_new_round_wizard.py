# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_round_wizard.ui'
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
from PySide6.QtWidgets import (QApplication, QSizePolicy, QVBoxLayout, QWidget,
    QWizard, QWizardPage)

from parapp.ui.secretary.wizard.assignments_section import AssignmentsSection
from parapp.ui.secretary.wizard.criteria_page import CriteriaPage
from parapp.ui.secretary.wizard.members_section import MembersSection
from parapp.ui.secretary.wizard.packages_section import PackagesSection
from parapp.ui.secretary.wizard.rules_section import (PhasesSection, RulesSection)
from parapp.ui.secretary.wizard.units_section import UnitsSection

class Ui_NewRoundWizard(object):
    def setupUi(self, NewRoundWizard):
        if not NewRoundWizard.objectName():
            NewRoundWizard.setObjectName(u"NewRoundWizard")
        NewRoundWizard.resize(1280, 720)
        NewRoundWizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.criteria_page = CriteriaPage()
        self.criteria_page.setObjectName(u"criteria_page")
        NewRoundWizard.addPage(self.criteria_page)
        self.units_page = QWizardPage()
        self.units_page.setObjectName(u"units_page")
        self.units_page_layout = QVBoxLayout(self.units_page)
        self.units_page_layout.setObjectName(u"units_page_layout")
        self.units_page_layout.setContentsMargins(0, 0, 0, 0)
        self.units = UnitsSection(self.units_page)
        self.units.setObjectName(u"units")

        self.units_page_layout.addWidget(self.units)

        NewRoundWizard.addPage(self.units_page)
        self.members_page = QWizardPage()
        self.members_page.setObjectName(u"members_page")
        self.members_page_layout = QVBoxLayout(self.members_page)
        self.members_page_layout.setObjectName(u"members_page_layout")
        self.members_page_layout.setContentsMargins(0, 0, 0, 0)
        self.members = MembersSection(self.members_page)
        self.members.setObjectName(u"members")

        self.members_page_layout.addWidget(self.members)

        NewRoundWizard.addPage(self.members_page)
        self.assignments_page = QWizardPage()
        self.assignments_page.setObjectName(u"assignments_page")
        self.assignments_page_layout = QVBoxLayout(self.assignments_page)
        self.assignments_page_layout.setObjectName(u"assignments_page_layout")
        self.assignments_page_layout.setContentsMargins(0, 0, 0, 0)
        self.assignments = AssignmentsSection(self.assignments_page)
        self.assignments.setObjectName(u"assignments")

        self.assignments_page_layout.addWidget(self.assignments)

        NewRoundWizard.addPage(self.assignments_page)
        self.phases_page = QWizardPage()
        self.phases_page.setObjectName(u"phases_page")
        self.phases_page_layout = QVBoxLayout(self.phases_page)
        self.phases_page_layout.setObjectName(u"phases_page_layout")
        self.phases_page_layout.setContentsMargins(0, 0, 0, 0)
        self.phases = PhasesSection(self.phases_page)
        self.phases.setObjectName(u"phases")

        self.phases_page_layout.addWidget(self.phases)

        NewRoundWizard.addPage(self.phases_page)
        self.rules_page = QWizardPage()
        self.rules_page.setObjectName(u"rules_page")
        self.rules_page_layout = QVBoxLayout(self.rules_page)
        self.rules_page_layout.setObjectName(u"rules_page_layout")
        self.rules_page_layout.setContentsMargins(0, 0, 0, 0)
        self.rules = RulesSection(self.rules_page)
        self.rules.setObjectName(u"rules")

        self.rules_page_layout.addWidget(self.rules)

        NewRoundWizard.addPage(self.rules_page)
        self.packages_page = QWizardPage()
        self.packages_page.setObjectName(u"packages_page")
        self.packages_page_layout = QVBoxLayout(self.packages_page)
        self.packages_page_layout.setObjectName(u"packages_page_layout")
        self.packages_page_layout.setContentsMargins(0, 0, 0, 0)
        self.packages = PackagesSection(self.packages_page)
        self.packages.setObjectName(u"packages")

        self.packages_page_layout.addWidget(self.packages)

        NewRoundWizard.addPage(self.packages_page)

        self.retranslateUi(NewRoundWizard)

        QMetaObject.connectSlotsByName(NewRoundWizard)
    # setupUi

    def retranslateUi(self, NewRoundWizard):
        NewRoundWizard.setWindowTitle(QCoreApplication.translate("NewRoundWizard", u"New appraisal round \u2014 parapp", None))
        self.units_page.setTitle(QCoreApplication.translate("NewRoundWizard", u"Units", None))
        self.units_page.setSubTitle(QCoreApplication.translate("NewRoundWizard", u"The units appraised this year: type them, or import the units workbook.", None))
        self.members_page.setTitle(QCoreApplication.translate("NewRoundWizard", u"Council members", None))
        self.members_page.setSubTitle(QCoreApplication.translate("NewRoundWizard", u"Name, title, role and signing certificate of each member.", None))
        self.assignments_page.setTitle(QCoreApplication.translate("NewRoundWizard", u"Assignments", None))
        self.assignments_page.setSubTitle(QCoreApplication.translate("NewRoundWizard", u"Which areas (and units) each member scores.", None))
        self.phases_page.setTitle(QCoreApplication.translate("NewRoundWizard", u"Phases and deadlines", None))
        self.phases_page.setSubTitle(QCoreApplication.translate("NewRoundWizard", u"The deadline of each phase (optional).", None))
        self.rules_page.setTitle(QCoreApplication.translate("NewRoundWizard", u"Rules", None))
        self.rules_page.setSubTitle(QCoreApplication.translate("NewRoundWizard", u"Consolidation, quorum, classification bands and revocation lists.", None))
        self.packages_page.setTitle(QCoreApplication.translate("NewRoundWizard", u"Packages for the members", None))
        self.packages_page.setSubTitle(QCoreApplication.translate("NewRoundWizard", u"Write every member's scoring package to a folder or a USB stick (optional).", None))
    # retranslateUi

