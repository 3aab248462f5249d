"""The page templates (Chameleon), kept at the repository's top level.

A package only so that asset specs (``tthc_docs.templates:dossiers/view.pt``)
resolve both in a checkout and in an installed distribution: ``setup.py``
maps this folder to ``tthc_docs.templates``.
"""
