"""The real parts that ``dossiers.actions.fire`` needs, built once per request.

The views' only link to signing: the ``ResultIssuer`` (pyHanko behind it)
is made here and handed to the domain, which never imports it.
"""
from tthc_docs.dossiers.actions import Services
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.dossiers.press import Press
from tthc_docs.people import totp
from tthc_docs.signing.service import ResultIssuer
from tthc_docs.site.content import find_site


def code_throttle(request):
    """The process-wide counter of failed one-time codes (kept on the registry)."""
    registry = request.registry
    if getattr(registry, 'totp_throttle', None) is None:
        registry.totp_throttle = totp.TotpThrottle()
    return registry.totp_throttle


def services_for(request, resource):
    """``actions.Services`` for firing on ``resource``'s site from this request."""
    site = find_site(resource)
    return Services(site=site, calendar=calendar_for(site, request.registry.settings),
                    issuer=ResultIssuer(site, request.registry.settings),
                    throttle=code_throttle(request),
                    press=Press.from_settings(request.registry.settings))
