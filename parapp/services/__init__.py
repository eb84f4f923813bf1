"""Use cases, one function per user action; they own transactions and never import Qt."""
