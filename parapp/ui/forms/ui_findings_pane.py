# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'findings_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QListWidget, QListWidgetItem,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_FindingsPane(object):
    def setupUi(self, FindingsPane):
        if not FindingsPane.objectName():
            FindingsPane.setObjectName(u"FindingsPane")
        FindingsPane.resize(600, 160)
        self.findings_layout = QVBoxLayout(FindingsPane)
        self.findings_layout.setSpacing(2)
        self.findings_layout.setObjectName(u"findings_layout")
        self.findings_layout.setContentsMargins(0, 0, 0, 0)
        self.findings_label = QLabel(FindingsPane)
        self.findings_label.setObjectName(u"findings_label")

        self.findings_layout.addWidget(self.findings_label)

        self.findings_list = QListWidget(FindingsPane)
        self.findings_list.setObjectName(u"findings_list")
        self.findings_list.setWordWrap(True)
        self.findings_list.setAlternatingRowColors(True)

        self.findings_layout.addWidget(self.findings_list)

#if QT_CONFIG(shortcut)
        self.findings_label.setBuddy(self.findings_list)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FindingsPane)

        QMetaObject.connectSlotsByName(FindingsPane)
    # setupUi

    def retranslateUi(self, FindingsPane):
        self.findings_label.setText(QCoreApplication.translate("FindingsPane", u"Fla&gs", None))
        pass
    # retranslateUi

