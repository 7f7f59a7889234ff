"""circlesort: sort the people you know into personal and professional circles, offline."""

__version__ = "0.1.0"
