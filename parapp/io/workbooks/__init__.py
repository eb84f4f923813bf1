"""The round's input workbooks that people fill in Excel: the units list, each unit's
self-assessment form, and the survey / SIPAS / agency results.
"""
