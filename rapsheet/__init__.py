"""Import a California RAP sheet: a client's whole record in, every count screened."""
