"""Site: the plans as a MkDocs site. plugin.py holds the MkDocs events; the rest is pure."""
