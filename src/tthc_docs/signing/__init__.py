"""Signed results: the pyHanko seam (issue 7).

- ``devpki``: the development PKI (``tthc-docs dev-pki``)
- ``signer``: signing identities (PKCS#12 today; PKCS#11 / remote fit the same interface)
- ``sign``: PAdES B-T/B-LT with a visible stamp
- ``verify``: pyHanko validation -> the public report of ``POST /@@verify``
- ``service``: ``ResultIssuer``, the ``workflow.Issuer`` that ``dossiers.actions``
  hands to ``sign`` (render, sign, store once in the owner's vault)

Views never import pyHanko: they call ``service`` and ``verify``.
"""


def includeme(config):
    config.scan(".views")
    config.scan(".views_csc")
    config.scan(".views_pending")
