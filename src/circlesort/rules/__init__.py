"""The rules that suggest a category for a person: suggest.py reads and applies them, file.py
writes the rules file in its own layout, default.yaml holds the rules a new user starts with."""
