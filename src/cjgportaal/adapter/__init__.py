"""Step 5, the MkDocs adapter: the plugin's events, each delegating to a module here. The only
place that imports MkDocs.
"""
