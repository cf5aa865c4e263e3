"""Generator for the website of a Centrum voor Jeugd en Gezin (CJG)."""
