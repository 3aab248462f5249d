"""Dossiers (hồ sơ): from filing to the signed result.

The states and what "open" and "final" mean (``states``), the rule table
(``workflow``, its guards and effects in ``effects``), the one place that
fires an action (``actions``), who may read which document for a dossier
(``grants``), the deadline arithmetic (``calendar``, ``daysoff``,
``deadlines``), dossier codes (``codes``), filing (``filing``), the
persistent dossier and its registry (``content``, ``indexes``), its one
representation (``serialise``), the papers issued on the way (their
vocabulary in ``slips``, their layout in ``slip_forms``, their facts at an
event in ``slip_facts``, issued once by ``press`` and kept in ``papers``),
the register of dossiers (``register``, Mẫu 06) and the views.
"""


def includeme(config):
    config.scan(".views")
