"""The command line: commands.py parses and runs each command; the Textual app is imported only
when the TUI starts."""

from circlesort.cli.commands import main

__all__ = ["main"]
