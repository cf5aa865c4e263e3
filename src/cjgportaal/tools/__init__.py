"""Beside the adapter: the `cjg` command (validate, new, import, reports, CODEOWNERS).
"""
