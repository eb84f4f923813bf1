# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StartPage(object):
    def setupUi(self, StartPage):
        if not StartPage.objectName():
            StartPage.setObjectName(u"StartPage")
        StartPage.resize(960, 640)
        self.outer_layout = QHBoxLayout(StartPage)
        self.outer_layout.setObjectName(u"outer_layout")
        self.left_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.left_spacer)

        self.card_widget = QWidget(StartPage)
        self.card_widget.setObjectName(u"card_widget")
        self.card_widget.setMinimumSize(QSize(560, 0))
        self.card_widget.setMaximumSize(QSize(760, 16777215))
        self.card_layout = QVBoxLayout(self.card_widget)
        self.card_layout.setSpacing(10)
        self.card_layout.setObjectName(u"card_layout")
        self.top_spacer = QSpacerItem(20, 24, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.card_layout.addItem(self.top_spacer)

        self.title_label = QLabel(self.card_widget)
        self.title_label.setObjectName(u"title_label")

        self.card_layout.addWidget(self.title_label)

        self.subtitle_label = QLabel(self.card_widget)
        self.subtitle_label.setObjectName(u"subtitle_label")
        self.subtitle_label.setWordWrap(True)

        self.card_layout.addWidget(self.subtitle_label)

        self.actions_layout = QHBoxLayout()
        self.actions_layout.setSpacing(8)
        self.actions_layout.setObjectName(u"actions_layout")
        self.open_package_button = QPushButton(self.card_widget)
        self.open_package_button.setObjectName(u"open_package_button")

        self.actions_layout.addWidget(self.open_package_button)

        self.open_workspace_button = QPushButton(self.card_widget)
        self.open_workspace_button.setObjectName(u"open_workspace_button")

        self.actions_layout.addWidget(self.open_workspace_button)

        self.demo_button = QPushButton(self.card_widget)
        self.demo_button.setObjectName(u"demo_button")

        self.actions_layout.addWidget(self.demo_button)


        self.card_layout.addLayout(self.actions_layout)

        self.middle_spacer = QSpacerItem(20, 12, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.card_layout.addItem(self.middle_spacer)

        self.recent_label = QLabel(self.card_widget)
        self.recent_label.setObjectName(u"recent_label")

        self.card_layout.addWidget(self.recent_label)

        self.recent_list = QListWidget(self.card_widget)
        self.recent_list.setObjectName(u"recent_list")
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.setUniformItemSizes(True)

        self.card_layout.addWidget(self.recent_list)

        self.empty_label = QLabel(self.card_widget)
        self.empty_label.setObjectName(u"empty_label")

        self.card_layout.addWidget(self.empty_label)

        self.recent_buttons_layout = QHBoxLayout()
        self.recent_buttons_layout.setObjectName(u"recent_buttons_layout")
        self.open_recent_button = QPushButton(self.card_widget)
        self.open_recent_button.setObjectName(u"open_recent_button")

        self.recent_buttons_layout.addWidget(self.open_recent_button)

        self.forget_missing_button = QPushButton(self.card_widget)
        self.forget_missing_button.setObjectName(u"forget_missing_button")

        self.recent_buttons_layout.addWidget(self.forget_missing_button)

        self.recent_buttons_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recent_buttons_layout.addItem(self.recent_buttons_spacer)


        self.card_layout.addLayout(self.recent_buttons_layout)

        self.bottom_spacer = QSpacerItem(20, 24, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.card_layout.addItem(self.bottom_spacer)


        self.outer_layout.addWidget(self.card_widget)

        self.right_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer_layout.addItem(self.right_spacer)

#if QT_CONFIG(shortcut)
        self.recent_label.setBuddy(self.recent_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.open_package_button, self.open_workspace_button)
        QWidget.setTabOrder(self.open_workspace_button, self.demo_button)
        QWidget.setTabOrder(self.demo_button, self.recent_list)
        QWidget.setTabOrder(self.recent_list, self.open_recent_button)
        QWidget.setTabOrder(self.open_recent_button, self.forget_missing_button)

        self.retranslateUi(StartPage)

        QMetaObject.connectSlotsByName(StartPage)
    # setupUi

    def retranslateUi(self, StartPage):
        StartPage.setWindowTitle(QCoreApplication.translate("StartPage", u"parapp", None))
        self.title_label.setText(QCoreApplication.translate("StartPage", u"parapp \u2014 PAR Index appraisal", None))
        self.subtitle_label.setText(QCoreApplication.translate("StartPage", u"Open the scoring package the council's secretary sent you, or continue in a workspace you opened before.", None))
        self.open_package_button.setText(QCoreApplication.translate("StartPage", u"Open scoring package (.parpkg)\u2026", None))
        self.open_workspace_button.setText(QCoreApplication.translate("StartPage", u"Open workspace (.parround)\u2026", None))
        self.demo_button.setText(QCoreApplication.translate("StartPage", u"Try the demo", None))
        self.recent_label.setText(QCoreApplication.translate("StartPage", u"Recent files", None))
        self.empty_label.setText(QCoreApplication.translate("StartPage", u"No recent files yet.", None))
        self.open_recent_button.setText(QCoreApplication.translate("StartPage", u"Open", None))
        self.forget_missing_button.setText(QCoreApplication.translate("StartPage", u"Forget missing files", None))
    # retranslateUi

