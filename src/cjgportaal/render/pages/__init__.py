"""The generated pages: `maker` (what a page is made with), one module per part of the site, and
`registry`, which lists them all."""
