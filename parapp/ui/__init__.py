"""The PySide6 desktop interface: thin widgets over the services."""
