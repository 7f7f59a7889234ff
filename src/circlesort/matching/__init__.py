"""Recognising the same person across networks. Name normalisation lives in normalize.py."""
