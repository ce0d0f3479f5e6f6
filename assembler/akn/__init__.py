"""Akoma Ntoso (OASIS LegalDocML 3.0, AKN4UN profile): export.py writes; the reader
is readers/akn.py, beside the other readers."""
