"""Form templates over HTTP: the public library and the editors' pages."""
