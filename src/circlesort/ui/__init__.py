"""The Textual interface. Only this package imports Textual or Rich."""
