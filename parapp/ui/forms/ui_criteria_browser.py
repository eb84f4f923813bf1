# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'criteria_browser.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHeaderView, QLabel, QLineEdit,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSplitter, QStatusBar, QTextBrowser, QTreeView,
    QVBoxLayout, QWidget)

class Ui_CriteriaBrowser(object):
    def setupUi(self, CriteriaBrowser):
        if not CriteriaBrowser.objectName():
            CriteriaBrowser.setObjectName(u"CriteriaBrowser")
        CriteriaBrowser.resize(1280, 720)
        self.quit_action = QAction(CriteriaBrowser)
        self.quit_action.setObjectName(u"quit_action")
#if QT_CONFIG(shortcut)
        self.quit_action.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.find_action = QAction(CriteriaBrowser)
        self.find_action.setObjectName(u"find_action")
#if QT_CONFIG(shortcut)
        self.find_action.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.expand_all_action = QAction(CriteriaBrowser)
        self.expand_all_action.setObjectName(u"expand_all_action")
#if QT_CONFIG(shortcut)
        self.expand_all_action.setShortcut(u"Ctrl+E")
#endif // QT_CONFIG(shortcut)
        self.collapse_all_action = QAction(CriteriaBrowser)
        self.collapse_all_action.setObjectName(u"collapse_all_action")
#if QT_CONFIG(shortcut)
        self.collapse_all_action.setShortcut(u"Ctrl+Shift+E")
#endif // QT_CONFIG(shortcut)
        self.vietnamese_action = QAction(CriteriaBrowser)
        self.vietnamese_action.setObjectName(u"vietnamese_action")
        self.vietnamese_action.setCheckable(True)
        self.vietnamese_action.setText(u"Ti\u1ebfng Vi\u1ec7t")
        self.english_action = QAction(CriteriaBrowser)
        self.english_action.setObjectName(u"english_action")
        self.english_action.setCheckable(True)
        self.english_action.setText(u"English")
        self.central_widget = QWidget(CriteriaBrowser)
        self.central_widget.setObjectName(u"central_widget")
        self.central_layout = QVBoxLayout(self.central_widget)
        self.central_layout.setSpacing(6)
        self.central_layout.setObjectName(u"central_layout")
        self.central_layout.setContentsMargins(8, 8, 8, 4)
        self.chooser_layout = QGridLayout()
        self.chooser_layout.setObjectName(u"chooser_layout")
        self.chooser_layout.setHorizontalSpacing(8)
        self.chooser_layout.setVerticalSpacing(6)
        self.set_label = QLabel(self.central_widget)
        self.set_label.setObjectName(u"set_label")

        self.chooser_layout.addWidget(self.set_label, 0, 0, 1, 1)

        self.set_combo = QComboBox(self.central_widget)
        self.set_combo.setObjectName(u"set_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.set_combo.sizePolicy().hasHeightForWidth())
        self.set_combo.setSizePolicy(sizePolicy)
        self.set_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.set_combo.setMinimumContentsLength(40)

        self.chooser_layout.addWidget(self.set_combo, 0, 1, 1, 3)

        self.unit_type_label = QLabel(self.central_widget)
        self.unit_type_label.setObjectName(u"unit_type_label")

        self.chooser_layout.addWidget(self.unit_type_label, 1, 0, 1, 1)

        self.unit_type_combo = QComboBox(self.central_widget)
        self.unit_type_combo.setObjectName(u"unit_type_combo")
        self.unit_type_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit_type_combo.setMinimumContentsLength(24)

        self.chooser_layout.addWidget(self.unit_type_combo, 1, 1, 1, 1)

        self.search_label = QLabel(self.central_widget)
        self.search_label.setObjectName(u"search_label")
        self.search_label.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTrailing|Qt.AlignmentFlag.AlignVCenter)

        self.chooser_layout.addWidget(self.search_label, 1, 2, 1, 1)

        self.search_edit = QLineEdit(self.central_widget)
        self.search_edit.setObjectName(u"search_edit")
        sizePolicy.setHeightForWidth(self.search_edit.sizePolicy().hasHeightForWidth())
        self.search_edit.setSizePolicy(sizePolicy)
        self.search_edit.setClearButtonEnabled(True)

        self.chooser_layout.addWidget(self.search_edit, 1, 3, 1, 1)


        self.central_layout.addLayout(self.chooser_layout)

        self.note_label = QLabel(self.central_widget)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)
        self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.central_layout.addWidget(self.note_label)

        self.main_splitter = QSplitter(self.central_widget)
        self.main_splitter.setObjectName(u"main_splitter")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.main_splitter.sizePolicy().hasHeightForWidth())
        self.main_splitter.setSizePolicy(sizePolicy1)
        self.main_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.main_splitter.setChildrenCollapsible(False)
        self.criteria_tree = QTreeView(self.main_splitter)
        self.criteria_tree.setObjectName(u"criteria_tree")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(3)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.criteria_tree.sizePolicy().hasHeightForWidth())
        self.criteria_tree.setSizePolicy(sizePolicy2)
        self.criteria_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.criteria_tree.setAlternatingRowColors(True)
        self.criteria_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.criteria_tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria_tree.setUniformRowHeights(True)
        self.criteria_tree.setAllColumnsShowFocus(True)
        self.main_splitter.addWidget(self.criteria_tree)
        self.side_splitter = QSplitter(self.main_splitter)
        self.side_splitter.setObjectName(u"side_splitter")
        sizePolicy3 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy3.setHorizontalStretch(2)
        sizePolicy3.setVerticalStretch(0)
        sizePolicy3.setHeightForWidth(self.side_splitter.sizePolicy().hasHeightForWidth())
        self.side_splitter.setSizePolicy(sizePolicy3)
        self.side_splitter.setOrientation(Qt.Orientation.Vertical)
        self.side_splitter.setChildrenCollapsible(False)
        self.detail_group = QGroupBox(self.side_splitter)
        self.detail_group.setObjectName(u"detail_group")
        self.detail_layout = QVBoxLayout(self.detail_group)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(4, 4, 4, 4)
        self.detail_browser = QTextBrowser(self.detail_group)
        self.detail_browser.setObjectName(u"detail_browser")
        self.detail_browser.setOpenLinks(False)

        self.detail_layout.addWidget(self.detail_browser)

        self.side_splitter.addWidget(self.detail_group)
        self.metadata_group = QGroupBox(self.side_splitter)
        self.metadata_group.setObjectName(u"metadata_group")
        self.metadata_layout = QVBoxLayout(self.metadata_group)
        self.metadata_layout.setObjectName(u"metadata_layout")
        self.metadata_layout.setContentsMargins(4, 4, 4, 4)
        self.metadata_browser = QTextBrowser(self.metadata_group)
        self.metadata_browser.setObjectName(u"metadata_browser")
        self.metadata_browser.setOpenLinks(False)

        self.metadata_layout.addWidget(self.metadata_browser)

        self.side_splitter.addWidget(self.metadata_group)
        self.main_splitter.addWidget(self.side_splitter)

        self.central_layout.addWidget(self.main_splitter)

        CriteriaBrowser.setCentralWidget(self.central_widget)
        self.menu_bar = QMenuBar(CriteriaBrowser)
        self.menu_bar.setObjectName(u"menu_bar")
        self.file_menu = QMenu(self.menu_bar)
        self.file_menu.setObjectName(u"file_menu")
        self.view_menu = QMenu(self.menu_bar)
        self.view_menu.setObjectName(u"view_menu")
        self.language_menu = QMenu(self.menu_bar)
        self.language_menu.setObjectName(u"language_menu")
        CriteriaBrowser.setMenuBar(self.menu_bar)
        self.status_bar = QStatusBar(CriteriaBrowser)
        self.status_bar.setObjectName(u"status_bar")
        CriteriaBrowser.setStatusBar(self.status_bar)
#if QT_CONFIG(shortcut)
        self.set_label.setBuddy(self.set_combo)
        self.unit_type_label.setBuddy(self.unit_type_combo)
        self.search_label.setBuddy(self.search_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.set_combo, self.unit_type_combo)
        QWidget.setTabOrder(self.unit_type_combo, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.criteria_tree)
        QWidget.setTabOrder(self.criteria_tree, self.detail_browser)
        QWidget.setTabOrder(self.detail_browser, self.metadata_browser)

        self.menu_bar.addAction(self.file_menu.menuAction())
        self.menu_bar.addAction(self.view_menu.menuAction())
        self.menu_bar.addAction(self.language_menu.menuAction())
        self.file_menu.addAction(self.quit_action)
        self.view_menu.addAction(self.find_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.expand_all_action)
        self.view_menu.addAction(self.collapse_all_action)
        self.language_menu.addAction(self.vietnamese_action)
        self.language_menu.addAction(self.english_action)

        self.retranslateUi(CriteriaBrowser)

        QMetaObject.connectSlotsByName(CriteriaBrowser)
    # setupUi

    def retranslateUi(self, CriteriaBrowser):
        CriteriaBrowser.setWindowTitle(QCoreApplication.translate("CriteriaBrowser", u"Criteria sets \u2014 parapp", None))
        self.quit_action.setText(QCoreApplication.translate("CriteriaBrowser", u"&Quit", None))
        self.find_action.setText(QCoreApplication.translate("CriteriaBrowser", u"&Find\u2026", None))
        self.expand_all_action.setText(QCoreApplication.translate("CriteriaBrowser", u"&Expand all", None))
        self.collapse_all_action.setText(QCoreApplication.translate("CriteriaBrowser", u"&Collapse all", None))
        self.set_label.setText(QCoreApplication.translate("CriteriaBrowser", u"Criteria &set:", None))
        self.unit_type_label.setText(QCoreApplication.translate("CriteriaBrowser", u"&Unit type:", None))
        self.search_label.setText(QCoreApplication.translate("CriteriaBrowser", u"Searc&h:", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("CriteriaBrowser", u"Code or words, with or without diacritics", None))
        self.detail_group.setTitle(QCoreApplication.translate("CriteriaBrowser", u"Selected item", None))
        self.metadata_group.setTitle(QCoreApplication.translate("CriteriaBrowser", u"About this set", None))
        self.file_menu.setTitle(QCoreApplication.translate("CriteriaBrowser", u"&File", None))
        self.view_menu.setTitle(QCoreApplication.translate("CriteriaBrowser", u"&View", None))
        self.language_menu.setTitle(QCoreApplication.translate("CriteriaBrowser", u"&Language", None))
    # retranslateUi

