# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'secretary_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QStatusBar, QTabWidget,
    QVBoxLayout, QWidget)

from parapp.ui.secretary.audit_pane import AuditPane
from parapp.ui.secretary.completeness_pane import CompletenessPane
from parapp.ui.secretary.disagreements_pane import DisagreementsPane
from parapp.ui.secretary.merge_pane import MergePane
from parapp.ui.secretary.results_pane import ResultsPane

class Ui_SecretaryWindow(object):
    def setupUi(self, SecretaryWindow):
        if not SecretaryWindow.objectName():
            SecretaryWindow.setObjectName(u"SecretaryWindow")
        SecretaryWindow.resize(1366, 768)
        self.add_files_action = QAction(SecretaryWindow)
        self.add_files_action.setObjectName(u"add_files_action")
#if QT_CONFIG(shortcut)
        self.add_files_action.setShortcut(u"Ctrl+O")
#endif // QT_CONFIG(shortcut)
        self.close_action = QAction(SecretaryWindow)
        self.close_action.setObjectName(u"close_action")
#if QT_CONFIG(shortcut)
        self.close_action.setShortcut(u"Ctrl+W")
#endif // QT_CONFIG(shortcut)
        self.refresh_action = QAction(SecretaryWindow)
        self.refresh_action.setObjectName(u"refresh_action")
#if QT_CONFIG(shortcut)
        self.refresh_action.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.vietnamese_action = QAction(SecretaryWindow)
        self.vietnamese_action.setObjectName(u"vietnamese_action")
        self.vietnamese_action.setCheckable(True)
        self.vietnamese_action.setText(u"Ti\u1ebfng &Vi\u1ec7t")
        self.english_action = QAction(SecretaryWindow)
        self.english_action.setObjectName(u"english_action")
        self.english_action.setCheckable(True)
        self.central_widget = QWidget(SecretaryWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setObjectName(u"central_layout")
        self.round_label = QLabel(self.central_widget)
        self.round_label.setObjectName(u"round_label")
        self.round_label.setWordWrap(True)

        self.central_layout.addWidget(self.round_label)

        self.tabs_widget = QTabWidget(self.central_widget)
        self.tabs_widget.setObjectName(u"tabs_widget")
        self.merge_tab = QWidget()
        self.merge_tab.setObjectName(u"merge_tab")
        self.merge_tab_layout = QVBoxLayout(self.merge_tab)
        self.merge_tab_layout.setObjectName(u"merge_tab_layout")
        self.merge_pane = MergePane(self.merge_tab)
        self.merge_pane.setObjectName(u"merge_pane")

        self.merge_tab_layout.addWidget(self.merge_pane)

        self.tabs_widget.addTab(self.merge_tab, "")
        self.completeness_tab = QWidget()
        self.completeness_tab.setObjectName(u"completeness_tab")
        self.completeness_tab_layout = QVBoxLayout(self.completeness_tab)
        self.completeness_tab_layout.setObjectName(u"completeness_tab_layout")
        self.completeness_pane = CompletenessPane(self.completeness_tab)
        self.completeness_pane.setObjectName(u"completeness_pane")

        self.completeness_tab_layout.addWidget(self.completeness_pane)

        self.tabs_widget.addTab(self.completeness_tab, "")
        self.disagreements_tab = QWidget()
        self.disagreements_tab.setObjectName(u"disagreements_tab")
        self.disagreements_tab_layout = QVBoxLayout(self.disagreements_tab)
        self.disagreements_tab_layout.setObjectName(u"disagreements_tab_layout")
        self.disagreements_pane = DisagreementsPane(self.disagreements_tab)
        self.disagreements_pane.setObjectName(u"disagreements_pane")

        self.disagreements_tab_layout.addWidget(self.disagreements_pane)

        self.tabs_widget.addTab(self.disagreements_tab, "")
        self.results_tab = QWidget()
        self.results_tab.setObjectName(u"results_tab")
        self.results_tab_layout = QVBoxLayout(self.results_tab)
        self.results_tab_layout.setObjectName(u"results_tab_layout")
        self.results_pane = ResultsPane(self.results_tab)
        self.results_pane.setObjectName(u"results_pane")

        self.results_tab_layout.addWidget(self.results_pane)

        self.tabs_widget.addTab(self.results_tab, "")
        self.audit_tab = QWidget()
        self.audit_tab.setObjectName(u"audit_tab")
        self.audit_tab_layout = QVBoxLayout(self.audit_tab)
        self.audit_tab_layout.setObjectName(u"audit_tab_layout")
        self.audit_pane = AuditPane(self.audit_tab)
        self.audit_pane.setObjectName(u"audit_pane")

        self.audit_tab_layout.addWidget(self.audit_pane)

        self.tabs_widget.addTab(self.audit_tab, "")

        self.central_layout.addWidget(self.tabs_widget)

        SecretaryWindow.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(SecretaryWindow)
        self.menu_bar.setObjectName(u"menu_bar")
        self.file_menu = QMenu(self.menu_bar)
        self.file_menu.setObjectName(u"file_menu")
        self.view_menu = QMenu(self.menu_bar)
        self.view_menu.setObjectName(u"view_menu")
        SecretaryWindow.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(SecretaryWindow)
        self.status_bar.setObjectName(u"status_bar")
        SecretaryWindow.setStatusBar(self.status_bar)

        self.menu_bar.addAction(self.file_menu.menuAction())
        self.menu_bar.addAction(self.view_menu.menuAction())
        self.file_menu.addAction(self.add_files_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.vietnamese_action)
        self.view_menu.addAction(self.english_action)

        self.retranslateUi(SecretaryWindow)

        self.tabs_widget.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SecretaryWindow)
    # setupUi

    def retranslateUi(self, SecretaryWindow):
        SecretaryWindow.setWindowTitle(QCoreApplication.translate("SecretaryWindow", u"parapp", None))
        self.add_files_action.setText(QCoreApplication.translate("SecretaryWindow", u"&Add score packages\u2026", None))
        self.close_action.setText(QCoreApplication.translate("SecretaryWindow", u"&Close", None))
        self.refresh_action.setText(QCoreApplication.translate("SecretaryWindow", u"&Refresh", None))
        self.english_action.setText(QCoreApplication.translate("SecretaryWindow", u"&English", None))
        self.round_label.setText("")
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.merge_tab), QCoreApplication.translate("SecretaryWindow", u"Submissions", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.completeness_tab), QCoreApplication.translate("SecretaryWindow", u"Completeness", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.disagreements_tab), QCoreApplication.translate("SecretaryWindow", u"Disagreements", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.results_tab), QCoreApplication.translate("SecretaryWindow", u"Results", None))
        self.tabs_widget.setTabText(self.tabs_widget.indexOf(self.audit_tab), QCoreApplication.translate("SecretaryWindow", u"Audit log", None))
        self.file_menu.setTitle(QCoreApplication.translate("SecretaryWindow", u"&File", None))
        self.view_menu.setTitle(QCoreApplication.translate("SecretaryWindow", u"&View", None))
    # retranslateUi

