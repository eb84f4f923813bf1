"""Widgets and helpers both windows share: the signing dialog, printing, the criteria browser,
error dialogs, translations (i18n), recent files, window-state persistence and background workers.
"""
