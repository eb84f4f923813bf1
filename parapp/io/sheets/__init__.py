"""Printed and exported sheets. ``table`` is the one table model over the criteria tree (rows,
columns, flags, summary lines; one walker), drawn by ``pdf_table`` (ReportLab, Nghị định 30) and
``xlsx_table``; ``page`` holds the heading and signer. The layouts (``member_*``, ``council_*``,
notices, minutes) add their column sets, headings, signatures and extra sheets; plus charts and
the demo's evidence PDFs.
"""
