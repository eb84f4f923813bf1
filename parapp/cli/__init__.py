"""The command line: one module per command group (criteria, round, package, demo, sign and
verify, export and submit, merge and resolve, results), all calling the same services as the GUI.
``app`` builds the parser and dispatches; the console entry point stays ``parapp.__main__:entry``.
"""
