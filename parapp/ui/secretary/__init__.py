"""The secretary's window: merging submissions, completeness, disagreements, results and the
audit log, one pane per tab.
"""
