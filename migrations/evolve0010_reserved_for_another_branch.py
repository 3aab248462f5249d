"""Reserved: another branch adds step 10 (the lead drops this file at merge).

Hardening's steps are numbered 12 to 15 as its merge asks (the papers
branch adds step 10, the indicators branch step 11); steps must be
numbered without gaps, so this placeholder keeps the sequence whole on
this branch. It changes nothing.
"""


def evolve(site):
    return None
