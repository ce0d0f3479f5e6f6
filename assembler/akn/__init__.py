"""Akoma Ntoso (OASIS LegalDocML 3.0, AKN4UN profile): export.py writes, importer.py reads."""
