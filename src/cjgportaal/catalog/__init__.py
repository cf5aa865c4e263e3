"""Step 3, catalog: all records together, checked across files, with derived facts (age bands,
next dates, staleness, facets, the aanbodmonitor's figures) and the build date.
"""
