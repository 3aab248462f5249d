"""The catalog over HTTP: the public procedure pages and the editors' pages."""
