"""Printed and exported sheets: one neutral table model per layout (the member's score sheet, the
council's report) rendered by one PDF writer (ReportLab, Nghị định 30) and one xlsx writer, plus
charts and the demo's evidence PDFs.
"""
