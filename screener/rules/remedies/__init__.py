"""One module per family of remedies; each function screens one record."""
