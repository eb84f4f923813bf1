# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scoring_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSplitter, QStatusBar, QTabWidget, QTreeView,
    QVBoxLayout, QWidget)

from parapp.ui.member.detail_pane import DetailPane
from parapp.ui.member.findings_pane import FindingsPane
from parapp.ui.member.units_pane import UnitsPane

class Ui_ScoringWindow(object):
    def setupUi(self, ScoringWindow):
        if not ScoringWindow.objectName():
            ScoringWindow.setObjectName(u"ScoringWindow")
        ScoringWindow.resize(1366, 768)
        self.close_action = QAction(ScoringWindow)
        self.close_action.setObjectName(u"close_action")
#if QT_CONFIG(shortcut)
        self.close_action.setShortcut(u"Ctrl+W")
#endif // QT_CONFIG(shortcut)
        self.find_action = QAction(ScoringWindow)
        self.find_action.setObjectName(u"find_action")
#if QT_CONFIG(shortcut)
        self.find_action.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.next_unscored_action = QAction(ScoringWindow)
        self.next_unscored_action.setObjectName(u"next_unscored_action")
#if QT_CONFIG(shortcut)
        self.next_unscored_action.setShortcut(u"F8")
#endif // QT_CONFIG(shortcut)
        self.next_flag_action = QAction(ScoringWindow)
        self.next_flag_action.setObjectName(u"next_flag_action")
#if QT_CONFIG(shortcut)
        self.next_flag_action.setShortcut(u"F9")
#endif // QT_CONFIG(shortcut)
        self.larger_font_action = QAction(ScoringWindow)
        self.larger_font_action.setObjectName(u"larger_font_action")
#if QT_CONFIG(shortcut)
        self.larger_font_action.setShortcut(u"Ctrl++")
#endif // QT_CONFIG(shortcut)
        self.smaller_font_action = QAction(ScoringWindow)
        self.smaller_font_action.setObjectName(u"smaller_font_action")
#if QT_CONFIG(shortcut)
        self.smaller_font_action.setShortcut(u"Ctrl+-")
#endif // QT_CONFIG(shortcut)
        self.reset_font_action = QAction(ScoringWindow)
        self.reset_font_action.setObjectName(u"reset_font_action")
#if QT_CONFIG(shortcut)
        self.reset_font_action.setShortcut(u"Ctrl+0")
#endif // QT_CONFIG(shortcut)
        self.expand_all_action = QAction(ScoringWindow)
        self.expand_all_action.setObjectName(u"expand_all_action")
        self.collapse_all_action = QAction(ScoringWindow)
        self.collapse_all_action.setObjectName(u"collapse_all_action")
        self.vietnamese_action = QAction(ScoringWindow)
        self.vietnamese_action.setObjectName(u"vietnamese_action")
        self.vietnamese_action.setCheckable(True)
        self.vietnamese_action.setText(u"Ti\u1ebfng &Vi\u1ec7t")
        self.english_action = QAction(ScoringWindow)
        self.english_action.setObjectName(u"english_action")
        self.english_action.setCheckable(True)
        self.central_widget = QWidget(ScoringWindow)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setSpacing(4)
        self.central_layout.setObjectName(u"central_layout")
        self.central_layout.setContentsMargins(6, 6, 6, 2)
        self.main_splitter = QSplitter(self.central_widget)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.main_splitter.setChildrenCollapsible(False)
        self.units_pane = UnitsPane(self.main_splitter)
        self.units_pane.setObjectName(u"units_pane")
        self.main_splitter.addWidget(self.units_pane)
        self.center_widget = QWidget(self.main_splitter)
        self.center_widget.setObjectName(u"center_widget")
        self.center_layout = QVBoxLayout(self.center_widget)
        self.center_layout.setSpacing(4)
        self.center_layout.setObjectName(u"center_layout")
        self.center_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_layout = QHBoxLayout()
        self.filter_layout.setSpacing(6)
        self.filter_layout.setObjectName(u"filter_layout")
        self.search_label = QLabel(self.center_widget)
        self.search_label.setObjectName(u"search_label")

        self.filter_layout.addWidget(self.search_label)

        self.search_edit = QLineEdit(self.center_widget)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.search_edit)

        self.area_label = QLabel(self.center_widget)
        self.area_label.setObjectName(u"area_label")

        self.filter_layout.addWidget(self.area_label)

        self.area_combo = QComboBox(self.center_widget)
        self.area_combo.setObjectName(u"area_combo")
        self.area_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area_combo.setMinimumContentsLength(14)

        self.filter_layout.addWidget(self.area_combo)

        self.unscored_check = QCheckBox(self.center_widget)
        self.unscored_check.setObjectName(u"unscored_check")

        self.filter_layout.addWidget(self.unscored_check)

        self.flagged_check = QCheckBox(self.center_widget)
        self.flagged_check.setObjectName(u"flagged_check")

        self.filter_layout.addWidget(self.flagged_check)


        self.center_layout.addLayout(self.filter_layout)

        self.center_splitter = QSplitter(self.center_widget)
        self.center_splitter.setObjectName(u"center_splitter")
        self.center_splitter.setOrientation(Qt.Orientation.Vertical)
        self.center_splitter.setChildrenCollapsible(False)
        self.criteria_tree = QTreeView(self.center_splitter)
        self.criteria_tree.setObjectName(u"criteria_tree")
        self.criteria_tree.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed|QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.criteria_tree.setAlternatingRowColors(True)
        self.criteria_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria_tree.setUniformRowHeights(True)
        self.center_splitter.addWidget(self.criteria_tree)
        self.findings_pane = FindingsPane(self.center_splitter)
        self.findings_pane.setObjectName(u"findings_pane")
        self.center_splitter.addWidget(self.findings_pane)

        self.center_layout.addWidget(self.center_splitter)

        self.main_splitter.addWidget(self.center_widget)
        self.side_tabs = QTabWidget(self.main_splitter)
        self.side_tabs.setObjectName(u"side_tabs")
        self.detail_pane = DetailPane()
        self.detail_pane.setObjectName(u"detail_pane")
        self.side_tabs.addTab(self.detail_pane, "")
        self.evidence_pane = QWidget()
        self.evidence_pane.setObjectName(u"evidence_pane")
        self.evidence_layout = QVBoxLayout(self.evidence_pane)
        self.evidence_layout.setObjectName(u"evidence_layout")
        self.evidence_layout.setContentsMargins(0, 0, 0, 0)
        self.evidence_placeholder_label = QLabel(self.evidence_pane)
        self.evidence_placeholder_label.setObjectName(u"evidence_placeholder_label")
        self.evidence_placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.evidence_placeholder_label.setWordWrap(True)

        self.evidence_layout.addWidget(self.evidence_placeholder_label)

        self.side_tabs.addTab(self.evidence_pane, "")
        self.main_splitter.addWidget(self.side_tabs)

        self.central_layout.addWidget(self.main_splitter)

        ScoringWindow.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(ScoringWindow)
        self.menu_bar.setObjectName(u"menu_bar")
        self.file_menu = QMenu(self.menu_bar)
        self.file_menu.setObjectName(u"file_menu")
        self.edit_menu = QMenu(self.menu_bar)
        self.edit_menu.setObjectName(u"edit_menu")
        self.view_menu = QMenu(self.menu_bar)
        self.view_menu.setObjectName(u"view_menu")
        ScoringWindow.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(ScoringWindow)
        self.status_bar.setObjectName(u"status_bar")
        ScoringWindow.setStatusBar(self.status_bar)
#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.search_edit)
        self.area_label.setBuddy(self.area_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.units_pane, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.area_combo)
        QWidget.setTabOrder(self.area_combo, self.unscored_check)
        QWidget.setTabOrder(self.unscored_check, self.flagged_check)
        QWidget.setTabOrder(self.flagged_check, self.criteria_tree)
        QWidget.setTabOrder(self.criteria_tree, self.side_tabs)
        QWidget.setTabOrder(self.side_tabs, self.findings_pane)

        self.menu_bar.addAction(self.file_menu.menuAction())
        self.menu_bar.addAction(self.edit_menu.menuAction())
        self.menu_bar.addAction(self.view_menu.menuAction())
        self.file_menu.addAction(self.close_action)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addAction(self.next_unscored_action)
        self.edit_menu.addAction(self.next_flag_action)
        self.view_menu.addAction(self.larger_font_action)
        self.view_menu.addAction(self.smaller_font_action)
        self.view_menu.addAction(self.reset_font_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.expand_all_action)
        self.view_menu.addAction(self.collapse_all_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.vietnamese_action)
        self.view_menu.addAction(self.english_action)

        self.retranslateUi(ScoringWindow)

        self.side_tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ScoringWindow)
    # setupUi

    def retranslateUi(self, ScoringWindow):
        ScoringWindow.setWindowTitle(QCoreApplication.translate("ScoringWindow", u"Appraisal \u2014 parapp", None))
        self.close_action.setText(QCoreApplication.translate("ScoringWindow", u"&Close", None))
        self.find_action.setText(QCoreApplication.translate("ScoringWindow", u"&Find item", None))
        self.next_unscored_action.setText(QCoreApplication.translate("ScoringWindow", u"Next &unscored item", None))
        self.next_flag_action.setText(QCoreApplication.translate("ScoringWindow", u"Next &flag", None))
        self.larger_font_action.setText(QCoreApplication.translate("ScoringWindow", u"&Larger text", None))
        self.smaller_font_action.setText(QCoreApplication.translate("ScoringWindow", u"&Smaller text", None))
        self.reset_font_action.setText(QCoreApplication.translate("ScoringWindow", u"&Normal text size", None))
        self.expand_all_action.setText(QCoreApplication.translate("ScoringWindow", u"&Expand all", None))
        self.collapse_all_action.setText(QCoreApplication.translate("ScoringWindow", u"&Collapse all", None))
        self.english_action.setText(QCoreApplication.translate("ScoringWindow", u"&English", None))
        self.search_label.setText(QCoreApplication.translate("ScoringWindow", u"&Search:", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("ScoringWindow", u"code or words, with or without diacritics", None))
        self.area_label.setText(QCoreApplication.translate("ScoringWindow", u"A&rea:", None))
        self.unscored_check.setText(QCoreApplication.translate("ScoringWindow", u"&Unscored", None))
#if QT_CONFIG(tooltip)
        self.unscored_check.setToolTip(QCoreApplication.translate("ScoringWindow", u"Only items you have not scored yet", None))
#endif // QT_CONFIG(tooltip)
        self.flagged_check.setText(QCoreApplication.translate("ScoringWindow", u"&Flagged", None))
#if QT_CONFIG(tooltip)
        self.flagged_check.setToolTip(QCoreApplication.translate("ScoringWindow", u"Only items with flags", None))
#endif // QT_CONFIG(tooltip)
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.detail_pane), QCoreApplication.translate("ScoringWindow", u"&Detail", None))
        self.evidence_placeholder_label.setText(QCoreApplication.translate("ScoringWindow", u"Choose an evidence document in the Detail tab to read it here.", None))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.evidence_pane), QCoreApplication.translate("ScoringWindow", u"E&vidence", None))
        self.file_menu.setTitle(QCoreApplication.translate("ScoringWindow", u"&File", None))
        self.edit_menu.setTitle(QCoreApplication.translate("ScoringWindow", u"&Edit", None))
        self.view_menu.setTitle(QCoreApplication.translate("ScoringWindow", u"&View", None))
    # retranslateUi

