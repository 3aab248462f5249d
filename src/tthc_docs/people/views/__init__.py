"""Accounts, people and agencies over HTTP: login, profile, the admin's pages."""
