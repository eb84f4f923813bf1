"""The council member's scoring window: units list, criteria tree with the score editor, detail
and findings panes, evidence viewer, undo, export and "Ký và nộp".
"""
