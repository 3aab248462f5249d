"""Dossiers (hồ sơ): from filing to the signed result.

The rule table (``workflow``), the deadline arithmetic (``calendar``,
``daysoff``, ``deadlines``), dossier codes (``codes``), filing (``filing``),
the persistent dossier and its registry (``content``, ``indexes``), the
papers issued on the way (``slips``, ``slip_facts``) and the views.
"""


def includeme(config):
    config.scan(".views")
