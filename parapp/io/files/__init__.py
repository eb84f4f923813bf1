"""Plumbing every file format shares: atomic writes, safe reading of untrusted zip and xlsx
containers, typed cell helpers for workbooks, and the bundled fonts.
"""
