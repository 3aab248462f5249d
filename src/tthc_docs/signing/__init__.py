"""Signed results: the pyHanko seam (issue 7).

- ``devpki``: the development PKI (``tthc-docs dev-pki``)
- ``signer``: signing identities (PKCS#12 today; PKCS#11 / remote fit the same interface)
- ``sign``: PAdES B-T/B-LT with a visible stamp
- ``verify``: pyHanko validation -> the public report of ``POST /@@verify``
- ``verdicts``: the verdict stored with a signed document and when it still
  holds (``trust_basis``); no pyHanko, so pages showing a verdict stay light
- ``refusals``: why a signature was not made (the errors views catch), no pyHanko
- ``service``: ``ResultIssuer``, the ``workflow.Issuer`` that ``dossiers.actions``
  hands to ``sign`` (render, sign, store once in the owner's vault)

Views never import pyHanko: they call ``service``, ``verdicts`` and ``verify``.
Whatever the app imports at start-up names the pyHanko modules with
``tthc_docs.lazy.lazy_module``, so a process that signs and verifies nothing
never loads pyHanko (issue 15; ``tests/functional/test_serving_stays_small.py``).
"""


def includeme(config):
    config.scan(".views")
    config.scan(".views_csc")
    config.scan(".views_pending")
