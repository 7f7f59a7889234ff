"""Small tools every layer may use: gcpause.py (the cycle collector paused while large
structures are built), yamlfile.py (the safe reader for YAML a person edits), checked_write.py
(such a file replaced in one step, only with text that reads back as meant)."""
