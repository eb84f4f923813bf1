# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'detail_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QTextBrowser, QVBoxLayout, QWidget)

class Ui_DetailPane(object):
    def setupUi(self, DetailPane):
        if not DetailPane.objectName():
            DetailPane.setObjectName(u"DetailPane")
        DetailPane.resize(420, 680)
        self.detail_layout = QVBoxLayout(DetailPane)
        self.detail_layout.setSpacing(4)
        self.detail_layout.setObjectName(u"detail_layout")
        self.detail_layout.setContentsMargins(4, 4, 4, 4)
        self.rule_browser = QTextBrowser(DetailPane)
        self.rule_browser.setObjectName(u"rule_browser")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(3)
        sizePolicy.setHeightForWidth(self.rule_browser.sizePolicy().hasHeightForWidth())
        self.rule_browser.setSizePolicy(sizePolicy)
        self.rule_browser.setMinimumSize(QSize(0, 120))

        self.detail_layout.addWidget(self.rule_browser)

        self.levels_layout = QHBoxLayout()
        self.levels_layout.setSpacing(4)
        self.levels_layout.setObjectName(u"levels_layout")
        self.levels_label = QLabel(DetailPane)
        self.levels_label.setObjectName(u"levels_label")

        self.levels_layout.addWidget(self.levels_label)


        self.detail_layout.addLayout(self.levels_layout)

        self.score_layout = QHBoxLayout()
        self.score_layout.setObjectName(u"score_layout")
        self.score_label = QLabel(DetailPane)
        self.score_label.setObjectName(u"score_label")

        self.score_layout.addWidget(self.score_label)

        self.score_edit = QLineEdit(DetailPane)
        self.score_edit.setObjectName(u"score_edit")
        self.score_edit.setMaximumSize(QSize(90, 16777215))

        self.score_layout.addWidget(self.score_edit)

        self.score_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.score_layout.addItem(self.score_spacer)


        self.detail_layout.addLayout(self.score_layout)

        self.facts_label = QLabel(DetailPane)
        self.facts_label.setObjectName(u"facts_label")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.facts_label.sizePolicy().hasHeightForWidth())
        self.facts_label.setSizePolicy(sizePolicy1)
        self.facts_label.setWordWrap(True)

        self.detail_layout.addWidget(self.facts_label)

        self.explanation_label = QLabel(DetailPane)
        self.explanation_label.setObjectName(u"explanation_label")

        self.detail_layout.addWidget(self.explanation_label)

        self.explanation_browser = QTextBrowser(DetailPane)
        self.explanation_browser.setObjectName(u"explanation_browser")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.explanation_browser.sizePolicy().hasHeightForWidth())
        self.explanation_browser.setSizePolicy(sizePolicy2)
        self.explanation_browser.setMinimumSize(QSize(0, 40))

        self.detail_layout.addWidget(self.explanation_browser)

        self.comment_label = QLabel(DetailPane)
        self.comment_label.setObjectName(u"comment_label")
        self.comment_label.setWordWrap(True)

        self.detail_layout.addWidget(self.comment_label)

        self.comment_edit = QPlainTextEdit(DetailPane)
        self.comment_edit.setObjectName(u"comment_edit")
        sizePolicy2.setHeightForWidth(self.comment_edit.sizePolicy().hasHeightForWidth())
        self.comment_edit.setSizePolicy(sizePolicy2)
        self.comment_edit.setMinimumSize(QSize(0, 50))
        self.comment_edit.setTabChangesFocus(True)

        self.detail_layout.addWidget(self.comment_edit)

        self.evidence_label = QLabel(DetailPane)
        self.evidence_label.setObjectName(u"evidence_label")

        self.detail_layout.addWidget(self.evidence_label)

        self.evidence_list = QListWidget(DetailPane)
        self.evidence_list.setObjectName(u"evidence_list")
        sizePolicy2.setHeightForWidth(self.evidence_list.sizePolicy().hasHeightForWidth())
        self.evidence_list.setSizePolicy(sizePolicy2)
        self.evidence_list.setMinimumSize(QSize(0, 50))

        self.detail_layout.addWidget(self.evidence_list)

#if QT_CONFIG(shortcut)
        self.score_label.setBuddy(self.score_edit)
        self.comment_label.setBuddy(self.comment_edit)
        self.evidence_label.setBuddy(self.evidence_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.score_edit, self.comment_edit)
        QWidget.setTabOrder(self.comment_edit, self.evidence_list)
        QWidget.setTabOrder(self.evidence_list, self.rule_browser)
        QWidget.setTabOrder(self.rule_browser, self.explanation_browser)

        self.retranslateUi(DetailPane)

        QMetaObject.connectSlotsByName(DetailPane)
    # setupUi

    def retranslateUi(self, DetailPane):
        self.levels_label.setText(QCoreApplication.translate("DetailPane", u"Levels:", None))
        self.score_label.setText(QCoreApplication.translate("DetailPane", u"&Appraisal:", None))
        self.score_edit.setPlaceholderText(QCoreApplication.translate("DetailPane", u"e.g. 8,5", None))
        self.explanation_label.setText(QCoreApplication.translate("DetailPane", u"Unit's explanation:", None))
        self.comment_label.setText(QCoreApplication.translate("DetailPane", u"Your &comment (saved when you leave the field or press Ctrl+Enter):", None))
        self.evidence_label.setText(QCoreApplication.translate("DetailPane", u"&Evidence (double-click or Enter to open):", None))
        pass
    # retranslateUi

