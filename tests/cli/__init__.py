"""Tests of the command line, one file per command group or concern."""
