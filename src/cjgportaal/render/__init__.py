"""Step 4, render: the catalog → page HTML (Jinja templates in templates/) and, in files/, every
output file (kaart index and exports, iCalendar, open data, feeds, JSON Schema).
"""
