"""Criteria sets as files: the canonical JSON, and the secretary's Excel workbook with its cell
syntax (rules, choice labels, unit-type lists) and layout.
"""
