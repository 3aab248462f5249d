"""Service-quality indicators of Decision 766/QĐ-TTg, computed as the system works (issue 17).

- ``decision``: the indicators, their formulas, points and scoring (pure);
- ``facts``: what one dossier, complaint or procedure contributes (pure rules);
- ``counters``: the per (unit, day/month) counters kept on write;
- ``hooks``: called where dossiers, complaints, procedures and the outbox change;
- ``report``: a unit's scored indicators and trends for a period, read from the counters;
- ``operations``: what a one-stop office watches today (intake, due soon, overdue);
- ``charts``: SVG drawn on the server; ``export``: CSV and XLSX;
- ``rebuild``: ``tthc-docs rebuild-indicators CONFIG`` recomputes and compares;
- ``views``: ``GET /@@indicators`` (API.md), the dashboards, the public page.
"""


def includeme(config):
    config.scan(".views")
