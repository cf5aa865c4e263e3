"""CJG-portaal: a static site generator for a Centrum voor Jeugd en Gezin.

The pipeline is the folder tree: load → model → catalog → render → adapter (MkDocs), with tools
(the `cjg` command) beside the adapter. Each step imports only from the steps before it.
"""
