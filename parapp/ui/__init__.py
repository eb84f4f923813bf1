"""The PySide6 desktop interface: thin widgets over the services."""

from parapp.ui import pyside_compat

# PySide6 6.12.0 on CPython 3.11 drops references to None/True/False on every Qt call; without
# this the interpreter aborts after a few thousand calls. See pyside_compat's docstring.
pyside_compat.keep_singletons_alive()
