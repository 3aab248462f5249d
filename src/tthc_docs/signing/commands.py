"""``tthc-docs dev-pki CONFIG``: make the development PKI the .ini points at.

Runs before the database exists (``make run`` makes the PKI first), so the
leaders come from the demo accounts (when the config allows demo data), from
the identities ``tthc_docs.signers`` names, and, when a database is already
there, from every account with a signing identity. Existing files are kept:
running it twice changes nothing, except that an agency CA made before they
lasted 20 years is renewed in place (``devpki_renew``).
"""
import logging
from pathlib import Path

from tthc_docs.signing import devpki_renew
from tthc_docs.signing.devpki import DEFAULT_AGENCY, DevPki, LeaderSpec
from tthc_docs.signing.signer import SETTING_PKI_DIR, parse_signers

log = logging.getLogger("tthc_docs.cli")


def add_args(parser):
    parser.add_argument("config", help="the .ini file, e.g. development.ini")
    parser.add_argument("--leader", action="append", default=[], metavar="ID:NAME[:AGENCY]",
                        help="also issue a leader identity (repeatable)")


def _demo_leaders():
    from tthc_docs import security as s
    from tthc_docs.demo.accounts import ACCOUNTS
    from tthc_docs.demo.agencies import TREE
    names = {}

    def walk(nodes):
        for code, name, _level, children in nodes:
            names[code] = name
            walk(children)
    walk(TREE)
    return {login: LeaderSpec(login, full_name, agency, names.get(agency, agency), title)
            for login, full_name, roles, agency, title in ACCOUNTS if s.LEADER in roles}


def _db_leaders(settings):
    """Accounts with a signing identity, when a database exists and can be opened now."""
    from tthc_docs.cli import opened_root
    from tthc_docs.site.content import SITE_KEY
    uri = settings.get("zodbconn.uri", "")
    path = uri[len("file://"):].split("?")[0] if uri.startswith("file://") else None
    if path is None or not Path(path).exists():
        return {}
    try:
        with opened_root(settings) as root:
            site = root.get(SITE_KEY)
            if site is None:
                return {}
            found = {}
            for account in site["people"].values():
                if getattr(account, "signer", None) and account.agency:
                    agency = site["agencies"].by_code(account.agency)
                    found[account.signer] = LeaderSpec(
                        account.signer, account.full_name, account.agency,
                        getattr(agency, "name", account.agency), account.title)
            return found
    except Exception as exc:  # a locked or foreign database: the other sources still apply
        log.warning("dev-pki: database not read (%s)", type(exc).__name__)
        return {}


def _cli_leaders(values):
    found = {}
    for value in values:
        parts = value.split(":")
        if len(parts) < 2:
            raise SystemExit(f"--leader expects ID:NAME[:AGENCY], got {value!r}")
        agency = parts[2] if len(parts) > 2 else DEFAULT_AGENCY
        found[parts[0]] = LeaderSpec(parts[0], parts[1], agency, agency)
    return found


def leaders_for(settings, extra=()):
    leaders = _demo_leaders() if settings.get("tthc_docs.allow_demo") else {}
    for identity in parse_signers(settings.get("tthc_docs.signers")):
        leaders.setdefault(identity, LeaderSpec(identity, identity))
    leaders.update(_db_leaders(settings))
    leaders.update(_cli_leaders(extra))
    return list(leaders.values())


def cmd_dev_pki(args):
    from tthc_docs.cli import load_settings
    settings = load_settings(args.config)
    pki_dir = settings.get(SETTING_PKI_DIR)
    if not pki_dir:
        raise SystemExit(f"{SETTING_PKI_DIR} is not set in {args.config}")
    leaders = leaders_for(settings, args.leader)
    configured = parse_signers(settings.get("tthc_docs.signers"))
    base_url = settings.get("tthc_docs.public_url") or "http://127.0.0.1:6543"
    if DevPki(pki_dir).exists():   # made before the agency CAs lasted 20 years?
        for line in devpki_renew.renew(DevPki(pki_dir)):
            print(line)
    pki = DevPki(pki_dir).create([spec for spec in leaders if spec.identity not in configured],
                                 base_url=base_url)
    for spec in leaders:
        if spec.identity in configured:
            p12, passfile = configured[spec.identity]
            if not Path(p12).is_file():
                pki.issue_leader(spec, p12_path=Path(p12), pass_path=Path(passfile))
    print(f"development PKI ready in {pki.dir}: root {pki.root_cert_path}, "
          f"{len(leaders)} leader identit{'y' if len(leaders) == 1 else 'ies'}")
    return 0


def cmd_dev_csc(args):
    """Serve the development CSC service on 127.0.0.1 (``tthc_docs.csc.dev_port``) until stopped."""
    import waitress
    from tthc_docs.cli import load_settings
    from tthc_docs.signing import csc_dev
    settings = load_settings(args.config)
    if not settings.get("tthc_docs.allow_demo"):
        raise SystemExit("refused: the development CSC service needs tthc_docs.allow_demo = true")
    service = csc_dev.from_settings(settings)
    port = int(settings.get("tthc_docs.csc.dev_port") or 6544)
    print(f"development CSC service on http://127.0.0.1:{port}/csc/v1/ "
          f"({len(service.credentials)} credentials; phone page /phone?user=<identity>)", flush=True)
    waitress.serve(service, host="127.0.0.1", port=port, threads=8, _quiet=True)
    return 0
