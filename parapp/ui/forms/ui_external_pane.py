# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'external_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_ExternalPane(object):
    def setupUi(self, ExternalPane):
        if not ExternalPane.objectName():
            ExternalPane.setObjectName(u"ExternalPane")
        ExternalPane.resize(1200, 640)
        self.pane_layout = QHBoxLayout(ExternalPane)
        self.pane_layout.setObjectName(u"pane_layout")
        self.splitter = QSplitter(ExternalPane)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.list_side = QWidget(self.splitter)
        self.list_side.setObjectName(u"list_side")
        self.list_layout = QVBoxLayout(self.list_side)
        self.list_layout.setObjectName(u"list_layout")
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.intro_label = QLabel(self.list_side)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.list_layout.addWidget(self.intro_label)

        self.documents_table = QTableView(self.list_side)
        self.documents_table.setObjectName(u"documents_table")
        self.documents_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents_table.setAlternatingRowColors(True)
        self.documents_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documents_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents_table.setWordWrap(False)
        self.documents_table.verticalHeader().setVisible(False)

        self.list_layout.addWidget(self.documents_table)

        self.returns_label = QLabel(self.list_side)
        self.returns_label.setObjectName(u"returns_label")

        self.list_layout.addWidget(self.returns_label)

        self.returns_table = QTableView(self.list_side)
        self.returns_table.setObjectName(u"returns_table")
        self.returns_table.setMaximumSize(QSize(16777215, 170))
        self.returns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.returns_table.setAlternatingRowColors(True)
        self.returns_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.returns_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.returns_table.setWordWrap(False)
        self.returns_table.verticalHeader().setVisible(False)

        self.list_layout.addWidget(self.returns_table)

        self.result_label = QLabel(self.list_side)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.list_layout.addWidget(self.result_label)

        self.splitter.addWidget(self.list_side)
        self.actions_scroll = QScrollArea(self.splitter)
        self.actions_scroll.setObjectName(u"actions_scroll")
        self.actions_scroll.setMinimumSize(QSize(360, 0))
        self.actions_scroll.setMaximumSize(QSize(460, 16777215))
        self.actions_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.actions_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actions_scroll.setWidgetResizable(True)
        self.actions_side = QWidget()
        self.actions_side.setObjectName(u"actions_side")
        self.actions_layout = QVBoxLayout(self.actions_side)
        self.actions_layout.setObjectName(u"actions_layout")
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.export_group = QGroupBox(self.actions_side)
        self.export_group.setObjectName(u"export_group")
        self.export_layout = QFormLayout(self.export_group)
        self.export_layout.setObjectName(u"export_layout")
        self.kind_label = QLabel(self.export_group)
        self.kind_label.setObjectName(u"kind_label")

        self.export_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(self.export_group)
        self.kind_combo.setObjectName(u"kind_combo")

        self.export_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.member_label = QLabel(self.export_group)
        self.member_label.setObjectName(u"member_label")

        self.export_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.member_label)

        self.member_combo = QComboBox(self.export_group)
        self.member_combo.setObjectName(u"member_combo")

        self.export_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.member_combo)

        self.unit_label = QLabel(self.export_group)
        self.unit_label.setObjectName(u"unit_label")

        self.export_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(self.export_group)
        self.unit_combo.setObjectName(u"unit_combo")

        self.export_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.place_label = QLabel(self.export_group)
        self.place_label.setObjectName(u"place_label")

        self.export_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(self.export_group)
        self.place_edit.setObjectName(u"place_edit")

        self.export_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.date_label = QLabel(self.export_group)
        self.date_label.setObjectName(u"date_label")

        self.export_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(self.export_group)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(u"dd/MM/yyyy")

        self.export_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.deadline_label = QLabel(self.export_group)
        self.deadline_label.setObjectName(u"deadline_label")

        self.export_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.deadline_label)

        self.deadline_edit = QDateEdit(self.export_group)
        self.deadline_edit.setObjectName(u"deadline_edit")
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat(u"dd/MM/yyyy")

        self.export_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.deadline_edit)

        self.export_button = QPushButton(self.export_group)
        self.export_button.setObjectName(u"export_button")

        self.export_layout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.export_button)


        self.actions_layout.addWidget(self.export_group)

        self.import_group = QGroupBox(self.actions_side)
        self.import_group.setObjectName(u"import_group")
        self.import_layout = QVBoxLayout(self.import_group)
        self.import_layout.setObjectName(u"import_layout")
        self.trust_label = QLabel(self.import_group)
        self.trust_label.setObjectName(u"trust_label")
        self.trust_label.setWordWrap(True)

        self.import_layout.addWidget(self.trust_label)

        self.trust_layout = QHBoxLayout()
        self.trust_layout.setObjectName(u"trust_layout")
        self.add_ca_button = QPushButton(self.import_group)
        self.add_ca_button.setObjectName(u"add_ca_button")

        self.trust_layout.addWidget(self.add_ca_button)

        self.add_crl_button = QPushButton(self.import_group)
        self.add_crl_button.setObjectName(u"add_crl_button")

        self.trust_layout.addWidget(self.add_crl_button)


        self.import_layout.addLayout(self.trust_layout)

        self.import_button = QPushButton(self.import_group)
        self.import_button.setObjectName(u"import_button")

        self.import_layout.addWidget(self.import_button)


        self.actions_layout.addWidget(self.import_group)

        self.images_group = QGroupBox(self.actions_side)
        self.images_group.setObjectName(u"images_group")
        self.images_layout = QVBoxLayout(self.images_group)
        self.images_layout.setObjectName(u"images_layout")
        self.person_layout = QFormLayout()
        self.person_layout.setObjectName(u"person_layout")
        self.person_label = QLabel(self.images_group)
        self.person_label.setObjectName(u"person_label")

        self.person_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.person_label)

        self.person_combo = QComboBox(self.images_group)
        self.person_combo.setObjectName(u"person_combo")

        self.person_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.person_combo)


        self.images_layout.addLayout(self.person_layout)

        self.preview_label = QLabel(self.images_group)
        self.preview_label.setObjectName(u"preview_label")
        self.preview_label.setMinimumSize(QSize(0, 76))
        self.preview_label.setMaximumSize(QSize(16777215, 116))
        self.preview_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.setWordWrap(True)

        self.images_layout.addWidget(self.preview_label)

        self.image_state_label = QLabel(self.images_group)
        self.image_state_label.setObjectName(u"image_state_label")
        self.image_state_label.setWordWrap(True)

        self.images_layout.addWidget(self.image_state_label)

        self.image_buttons_layout = QHBoxLayout()
        self.image_buttons_layout.setObjectName(u"image_buttons_layout")
        self.choose_image_button = QPushButton(self.images_group)
        self.choose_image_button.setObjectName(u"choose_image_button")

        self.image_buttons_layout.addWidget(self.choose_image_button)

        self.save_image_button = QPushButton(self.images_group)
        self.save_image_button.setObjectName(u"save_image_button")

        self.image_buttons_layout.addWidget(self.save_image_button)

        self.remove_image_button = QPushButton(self.images_group)
        self.remove_image_button.setObjectName(u"remove_image_button")

        self.image_buttons_layout.addWidget(self.remove_image_button)


        self.images_layout.addLayout(self.image_buttons_layout)


        self.actions_layout.addWidget(self.images_group)

        self.actions_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.actions_layout.addItem(self.actions_spacer)

        self.actions_scroll.setWidget(self.actions_side)
        self.splitter.addWidget(self.actions_scroll)

        self.pane_layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.intro_label.setBuddy(self.documents_table)
        self.returns_label.setBuddy(self.returns_table)
        self.kind_label.setBuddy(self.kind_combo)
        self.member_label.setBuddy(self.member_combo)
        self.unit_label.setBuddy(self.unit_combo)
        self.place_label.setBuddy(self.place_edit)
        self.date_label.setBuddy(self.date_edit)
        self.deadline_label.setBuddy(self.deadline_edit)
        self.person_label.setBuddy(self.person_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.documents_table, self.returns_table)
        QWidget.setTabOrder(self.returns_table, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.member_combo)
        QWidget.setTabOrder(self.member_combo, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.date_edit)
        QWidget.setTabOrder(self.date_edit, self.deadline_edit)
        QWidget.setTabOrder(self.deadline_edit, self.export_button)
        QWidget.setTabOrder(self.export_button, self.add_ca_button)
        QWidget.setTabOrder(self.add_ca_button, self.add_crl_button)
        QWidget.setTabOrder(self.add_crl_button, self.import_button)
        QWidget.setTabOrder(self.import_button, self.person_combo)
        QWidget.setTabOrder(self.person_combo, self.choose_image_button)
        QWidget.setTabOrder(self.choose_image_button, self.save_image_button)
        QWidget.setTabOrder(self.save_image_button, self.remove_image_button)

        self.retranslateUi(ExternalPane)

        QMetaObject.connectSlotsByName(ExternalPane)
    # setupUi

    def retranslateUi(self, ExternalPane):
        self.intro_label.setText(QCoreApplication.translate("ExternalPane", u"Official PDFs exported for signing with another tool (vSignPDF, a token's own tool, a remote-signing service), signer by signer; parapp records a signed file only when it holds exactly the exported bytes, signed by the person whose turn it is.", None))
        self.returns_label.setText(QCoreApplication.translate("ExternalPane", u"Files brought back for the selected document:", None))
        self.result_label.setText("")
        self.export_group.setTitle(QCoreApplication.translate("ExternalPane", u"Export the unsigned document", None))
        self.kind_label.setText(QCoreApplication.translate("ExternalPane", u"&Document:", None))
        self.member_label.setText(QCoreApplication.translate("ExternalPane", u"&Member:", None))
        self.unit_label.setText(QCoreApplication.translate("ExternalPane", u"&Unit:", None))
        self.place_label.setText(QCoreApplication.translate("ExternalPane", u"P&lace:", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("ExternalPane", u"e.g. Th\u00e1i Nguy\u00ean", None))
        self.date_label.setText(QCoreApplication.translate("ExternalPane", u"D&ate:", None))
        self.deadline_label.setText(QCoreApplication.translate("ExternalPane", u"Deadline for &explanations:", None))
        self.export_button.setText(QCoreApplication.translate("ExternalPane", u"E&xport unsigned\u2026", None))
        self.import_group.setTitle(QCoreApplication.translate("ExternalPane", u"Bring back the signed document", None))
        self.trust_label.setText("")
        self.add_ca_button.setText(QCoreApplication.translate("ExternalPane", u"Add a trusted &CA\u2026", None))
        self.add_crl_button.setText(QCoreApplication.translate("ExternalPane", u"Add a C&RL\u2026", None))
        self.import_button.setText(QCoreApplication.translate("ExternalPane", u"&Import signed\u2026", None))
        self.images_group.setTitle(QCoreApplication.translate("ExternalPane", u"Signature and seal images (Decree 30)", None))
        self.person_label.setText(QCoreApplication.translate("ExternalPane", u"&Image of:", None))
        self.image_state_label.setText("")
        self.choose_image_button.setText(QCoreApplication.translate("ExternalPane", u"Choose a &PNG\u2026", None))
        self.save_image_button.setText(QCoreApplication.translate("ExternalPane", u"&Save image", None))
        self.remove_image_button.setText(QCoreApplication.translate("ExternalPane", u"Re&move", None))
        pass
    # retranslateUi

