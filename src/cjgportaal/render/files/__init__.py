"""The output files made from the data alone, written beside the pages.
"""
