"""Dossiers over HTTP: apply, the dossier page and JSON, queues, tracking, slips, the calendar."""
