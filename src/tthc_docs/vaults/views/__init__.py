"""Vaults over HTTP: the owner's pages and the reception counter's."""
