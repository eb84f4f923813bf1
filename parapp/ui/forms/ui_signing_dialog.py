# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signing_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_SigningDialog(object):
    def setupUi(self, SigningDialog):
        if not SigningDialog.objectName():
            SigningDialog.setObjectName(u"SigningDialog")
        SigningDialog.resize(640, 620)
        self.signing_layout = QVBoxLayout(SigningDialog)
        self.signing_layout.setObjectName(u"signing_layout")
        self.offline_label = QLabel(SigningDialog)
        self.offline_label.setObjectName(u"offline_label")
        self.offline_label.setWordWrap(True)

        self.signing_layout.addWidget(self.offline_label)

        self.refusal_group = QGroupBox(SigningDialog)
        self.refusal_group.setObjectName(u"refusal_group")
        self.refusal_layout = QVBoxLayout(self.refusal_group)
        self.refusal_layout.setObjectName(u"refusal_layout")
        self.refusal_label = QLabel(self.refusal_group)
        self.refusal_label.setObjectName(u"refusal_label")
        self.refusal_label.setWordWrap(True)

        self.refusal_layout.addWidget(self.refusal_label)

        self.refusal_list = QListWidget(self.refusal_group)
        self.refusal_list.setObjectName(u"refusal_list")
        self.refusal_list.setMaximumSize(QSize(16777215, 120))

        self.refusal_layout.addWidget(self.refusal_list)

        self.recheck_layout = QHBoxLayout()
        self.recheck_layout.setObjectName(u"recheck_layout")
        self.recheck_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recheck_layout.addItem(self.recheck_spacer)

        self.recheck_button = QPushButton(self.refusal_group)
        self.recheck_button.setObjectName(u"recheck_button")

        self.recheck_layout.addWidget(self.recheck_button)


        self.refusal_layout.addLayout(self.recheck_layout)


        self.signing_layout.addWidget(self.refusal_group)

        self.key_tabs = QTabWidget(SigningDialog)
        self.key_tabs.setObjectName(u"key_tabs")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.key_tabs.sizePolicy().hasHeightForWidth())
        self.key_tabs.setSizePolicy(sizePolicy)
        self.p12_tab = QWidget()
        self.p12_tab.setObjectName(u"p12_tab")
        self.p12_layout = QFormLayout(self.p12_tab)
        self.p12_layout.setObjectName(u"p12_layout")
        self.p12_path_label = QLabel(self.p12_tab)
        self.p12_path_label.setObjectName(u"p12_path_label")

        self.p12_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.p12_path_label)

        self.p12_path_layout = QHBoxLayout()
        self.p12_path_layout.setObjectName(u"p12_path_layout")
        self.p12_path_edit = QLineEdit(self.p12_tab)
        self.p12_path_edit.setObjectName(u"p12_path_edit")

        self.p12_path_layout.addWidget(self.p12_path_edit)

        self.p12_browse_button = QPushButton(self.p12_tab)
        self.p12_browse_button.setObjectName(u"p12_browse_button")

        self.p12_path_layout.addWidget(self.p12_browse_button)


        self.p12_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.p12_path_layout)

        self.passphrase_label = QLabel(self.p12_tab)
        self.passphrase_label.setObjectName(u"passphrase_label")

        self.p12_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphrase_label)

        self.passphrase_edit = QLineEdit(self.p12_tab)
        self.passphrase_edit.setObjectName(u"passphrase_edit")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.p12_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase_edit)

        self.key_tabs.addTab(self.p12_tab, "")
        self.token_tab = QWidget()
        self.token_tab.setObjectName(u"token_tab")
        self.token_layout = QFormLayout(self.token_tab)
        self.token_layout.setObjectName(u"token_layout")
        self.module_label = QLabel(self.token_tab)
        self.module_label.setObjectName(u"module_label")

        self.token_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.module_label)

        self.module_layout = QHBoxLayout()
        self.module_layout.setObjectName(u"module_layout")
        self.module_combo = QComboBox(self.token_tab)
        self.module_combo.setObjectName(u"module_combo")
        self.module_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.module_combo.setMinimumContentsLength(20)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.module_combo.sizePolicy().hasHeightForWidth())
        self.module_combo.setSizePolicy(sizePolicy1)
        self.module_combo.setEditable(True)

        self.module_layout.addWidget(self.module_combo)

        self.module_browse_button = QPushButton(self.token_tab)
        self.module_browse_button.setObjectName(u"module_browse_button")

        self.module_layout.addWidget(self.module_browse_button)


        self.token_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.module_layout)

        self.module_hint_label = QLabel(self.token_tab)
        self.module_hint_label.setObjectName(u"module_hint_label")
        self.module_hint_label.setWordWrap(True)

        self.token_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.module_hint_label)

        self.token_label = QLabel(self.token_tab)
        self.token_label.setObjectName(u"token_label")

        self.token_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.token_label)

        self.token_row_layout = QHBoxLayout()
        self.token_row_layout.setObjectName(u"token_row_layout")
        self.token_combo = QComboBox(self.token_tab)
        self.token_combo.setObjectName(u"token_combo")
        self.token_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.token_combo.setMinimumContentsLength(20)
        sizePolicy1.setHeightForWidth(self.token_combo.sizePolicy().hasHeightForWidth())
        self.token_combo.setSizePolicy(sizePolicy1)

        self.token_row_layout.addWidget(self.token_combo)

        self.find_tokens_button = QPushButton(self.token_tab)
        self.find_tokens_button.setObjectName(u"find_tokens_button")

        self.token_row_layout.addWidget(self.find_tokens_button)


        self.token_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.token_row_layout)

        self.certificate_label = QLabel(self.token_tab)
        self.certificate_label.setObjectName(u"certificate_label")

        self.token_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.certificate_label)

        self.certificate_combo = QComboBox(self.token_tab)
        self.certificate_combo.setObjectName(u"certificate_combo")
        self.certificate_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.certificate_combo.setMinimumContentsLength(20)

        self.token_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.certificate_combo)

        self.pin_state_label = QLabel(self.token_tab)
        self.pin_state_label.setObjectName(u"pin_state_label")
        self.pin_state_label.setWordWrap(True)

        self.token_layout.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.pin_state_label)

        self.pin_label = QLabel(self.token_tab)
        self.pin_label.setObjectName(u"pin_label")

        self.token_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.pin_label)

        self.pin_edit = QLineEdit(self.token_tab)
        self.pin_edit.setObjectName(u"pin_edit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.token_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.pin_edit)

        self.pin_warning_label = QLabel(self.token_tab)
        self.pin_warning_label.setObjectName(u"pin_warning_label")
        self.pin_warning_label.setWordWrap(True)

        self.token_layout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.pin_warning_label)

        self.key_tabs.addTab(self.token_tab, "")
        self.create_tab = QWidget()
        self.create_tab.setObjectName(u"create_tab")
        self.create_layout = QFormLayout(self.create_tab)
        self.create_layout.setObjectName(u"create_layout")
        self.create_hint_label = QLabel(self.create_tab)
        self.create_hint_label.setObjectName(u"create_hint_label")
        self.create_hint_label.setWordWrap(True)

        self.create_layout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.create_hint_label)

        self.cert_folder_label = QLabel(self.create_tab)
        self.cert_folder_label.setObjectName(u"cert_folder_label")

        self.create_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.cert_folder_label)

        self.cert_folder_edit = QLineEdit(self.create_tab)
        self.cert_folder_edit.setObjectName(u"cert_folder_edit")
        self.cert_folder_edit.setReadOnly(True)

        self.create_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.cert_folder_edit)

        self.holder_name_label = QLabel(self.create_tab)
        self.holder_name_label.setObjectName(u"holder_name_label")

        self.create_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.holder_name_label)

        self.holder_name_edit = QLineEdit(self.create_tab)
        self.holder_name_edit.setObjectName(u"holder_name_edit")

        self.create_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.holder_name_edit)

        self.new_passphrase_label = QLabel(self.create_tab)
        self.new_passphrase_label.setObjectName(u"new_passphrase_label")

        self.create_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.new_passphrase_label)

        self.new_passphrase_edit = QLineEdit(self.create_tab)
        self.new_passphrase_edit.setObjectName(u"new_passphrase_edit")
        self.new_passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.create_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.new_passphrase_edit)

        self.confirm_passphrase_label = QLabel(self.create_tab)
        self.confirm_passphrase_label.setObjectName(u"confirm_passphrase_label")

        self.create_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirm_passphrase_label)

        self.confirm_passphrase_edit = QLineEdit(self.create_tab)
        self.confirm_passphrase_edit.setObjectName(u"confirm_passphrase_edit")
        self.confirm_passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.create_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirm_passphrase_edit)

        self.create_button = QPushButton(self.create_tab)
        self.create_button.setObjectName(u"create_button")

        self.create_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.create_button)

        self.created_label = QLabel(self.create_tab)
        self.created_label.setObjectName(u"created_label")
        self.created_label.setWordWrap(True)
        self.created_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.create_layout.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.created_label)

        self.key_tabs.addTab(self.create_tab, "")

        self.signing_layout.addWidget(self.key_tabs)

        self.submit_group = QGroupBox(SigningDialog)
        self.submit_group.setObjectName(u"submit_group")
        self.submit_layout = QFormLayout(self.submit_group)
        self.submit_layout.setObjectName(u"submit_layout")
        self.place_label = QLabel(self.submit_group)
        self.place_label.setObjectName(u"place_label")

        self.submit_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_edit = QLineEdit(self.submit_group)
        self.place_edit.setObjectName(u"place_edit")

        self.submit_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.place_edit)

        self.out_folder_label = QLabel(self.submit_group)
        self.out_folder_label.setObjectName(u"out_folder_label")

        self.submit_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.out_folder_label)

        self.out_folder_layout = QHBoxLayout()
        self.out_folder_layout.setObjectName(u"out_folder_layout")
        self.out_folder_edit = QLineEdit(self.submit_group)
        self.out_folder_edit.setObjectName(u"out_folder_edit")

        self.out_folder_layout.addWidget(self.out_folder_edit)

        self.out_browse_button = QPushButton(self.submit_group)
        self.out_browse_button.setObjectName(u"out_browse_button")

        self.out_folder_layout.addWidget(self.out_browse_button)


        self.submit_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.out_folder_layout)

        self.views_check = QCheckBox(self.submit_group)
        self.views_check.setObjectName(u"views_check")
        self.views_check.setChecked(True)

        self.submit_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.views_check)


        self.signing_layout.addWidget(self.submit_group)

        self.progress_bar = QProgressBar(SigningDialog)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setMaximum(0)
        self.progress_bar.setTextVisible(False)

        self.signing_layout.addWidget(self.progress_bar)

        self.result_label = QLabel(SigningDialog)
        self.result_label.setObjectName(u"result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signing_layout.addWidget(self.result_label)

        self.button_layout = QHBoxLayout()
        self.button_layout.setObjectName(u"button_layout")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_layout.addItem(self.button_spacer)

        self.sign_button = QPushButton(SigningDialog)
        self.sign_button.setObjectName(u"sign_button")

        self.button_layout.addWidget(self.sign_button)

        self.close_button = QPushButton(SigningDialog)
        self.close_button.setObjectName(u"close_button")

        self.button_layout.addWidget(self.close_button)


        self.signing_layout.addLayout(self.button_layout)

#if QT_CONFIG(shortcut)
        self.p12_path_label.setBuddy(self.p12_path_edit)
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.module_label.setBuddy(self.module_combo)
        self.token_label.setBuddy(self.token_combo)
        self.certificate_label.setBuddy(self.certificate_combo)
        self.pin_label.setBuddy(self.pin_edit)
        self.cert_folder_label.setBuddy(self.cert_folder_edit)
        self.holder_name_label.setBuddy(self.holder_name_edit)
        self.new_passphrase_label.setBuddy(self.new_passphrase_edit)
        self.confirm_passphrase_label.setBuddy(self.confirm_passphrase_edit)
        self.place_label.setBuddy(self.place_edit)
        self.out_folder_label.setBuddy(self.out_folder_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SigningDialog)

        self.key_tabs.setCurrentIndex(0)
        self.sign_button.setDefault(True)


        QMetaObject.connectSlotsByName(SigningDialog)
    # setupUi

    def retranslateUi(self, SigningDialog):
        SigningDialog.setWindowTitle(QCoreApplication.translate("SigningDialog", u"Sign and submit", None))
        self.offline_label.setText(QCoreApplication.translate("SigningDialog", u"The score sheets are signed on this computer, with no Internet connection and no time-stamping service: the signing time is your computer's clock, so make sure it is right.", None))
        self.refusal_group.setTitle(QCoreApplication.translate("SigningDialog", u"Correct these errors before signing", None))
        self.recheck_button.setText(QCoreApplication.translate("SigningDialog", u"Check &again", None))
        self.p12_path_label.setText(QCoreApplication.translate("SigningDialog", u"Key file:", None))
        self.p12_browse_button.setText(QCoreApplication.translate("SigningDialog", u"Browse\u2026", None))
        self.passphrase_label.setText(QCoreApplication.translate("SigningDialog", u"Passphrase:", None))
        self.key_tabs.setTabText(self.key_tabs.indexOf(self.p12_tab), QCoreApplication.translate("SigningDialog", u"Certificate &file (.p12)", None))
        self.module_label.setText(QCoreApplication.translate("SigningDialog", u"Module:", None))
        self.module_browse_button.setText(QCoreApplication.translate("SigningDialog", u"Browse\u2026", None))
        self.module_hint_label.setText(QCoreApplication.translate("SigningDialog", u"VNPT-CA: cryptoki.dll \u00b7 Viettel-CA, FPT-CA: pkcs11.dll \u00b7 OpenSC: opensc-pkcs11 \u00b7 SoftHSM: libsofthsm2, in the folder where the CA's software is installed.", None))
        self.token_label.setText(QCoreApplication.translate("SigningDialog", u"Token:", None))
        self.find_tokens_button.setText(QCoreApplication.translate("SigningDialog", u"&Find tokens", None))
        self.certificate_label.setText(QCoreApplication.translate("SigningDialog", u"Certificate:", None))
        self.pin_label.setText(QCoreApplication.translate("SigningDialog", u"PIN:", None))
        self.pin_warning_label.setText(QCoreApplication.translate("SigningDialog", u"The PIN is tried once. Tokens lock after several wrong PINs: check it before signing.", None))
        self.key_tabs.setTabText(self.key_tabs.indexOf(self.token_tab), QCoreApplication.translate("SigningDialog", u"USB &token (PKCS#11)", None))
        self.create_hint_label.setText(QCoreApplication.translate("SigningDialog", u"Without a CA certificate, create a personal one. Give its fingerprint to the council secretary to register.", None))
        self.cert_folder_label.setText(QCoreApplication.translate("SigningDialog", u"Folder:", None))
        self.holder_name_label.setText(QCoreApplication.translate("SigningDialog", u"Full name:", None))
        self.new_passphrase_label.setText(QCoreApplication.translate("SigningDialog", u"Passphrase:", None))
        self.confirm_passphrase_label.setText(QCoreApplication.translate("SigningDialog", u"Passphrase again:", None))
        self.create_button.setText(QCoreApplication.translate("SigningDialog", u"&Create certificate", None))
        self.key_tabs.setTabText(self.key_tabs.indexOf(self.create_tab), QCoreApplication.translate("SigningDialog", u"&New personal certificate", None))
        self.submit_group.setTitle(QCoreApplication.translate("SigningDialog", u"Score package", None))
        self.place_label.setText(QCoreApplication.translate("SigningDialog", u"P&lace:", None))
        self.place_edit.setPlaceholderText(QCoreApplication.translate("SigningDialog", u"e.g. Th\u00e1i Nguy\u00ean", None))
        self.out_folder_label.setText(QCoreApplication.translate("SigningDialog", u"Save in:", None))
        self.out_browse_button.setText(QCoreApplication.translate("SigningDialog", u"Browse\u2026", None))
        self.views_check.setText(QCoreApplication.translate("SigningDialog", u"Include each unit's sheet as PDF and Excel", None))
        self.sign_button.setText(QCoreApplication.translate("SigningDialog", u"&Sign and submit", None))
        self.close_button.setText(QCoreApplication.translate("SigningDialog", u"&Close", None))
    # retranslateUi

