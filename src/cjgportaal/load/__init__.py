"""Step 1, load: YAML files → plain data, every value with its file and line; the Problem record.
"""
