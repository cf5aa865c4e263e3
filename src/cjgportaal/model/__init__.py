"""Step 2, model: plain data → typed records (pydantic), every problem in Dutch; the site's lists.
"""
