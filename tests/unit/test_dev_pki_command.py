"""``tthc-docs dev-pki CONFIG``: the development PKI from the .ini, before any database exists."""
import shutil
import stat
from pathlib import Path

import pytest

from tthc_docs.cli import main
from tthc_docs.signing.commands import leaders_for
from tthc_docs.signing.signer import load_identity

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def config(tmp_path):
    """A copy of development.ini whose %(here)s is a temporary folder."""
    target = tmp_path / "development.ini"
    shutil.copy(ROOT / "development.ini", target)
    return target


def test_demo_leaders_get_an_identity_with_their_name():
    specs = {s.identity: s for s in leaders_for({"tthc_docs.allow_demo": True})}
    assert specs["leader1"].common_name == "Đặng Quốc Bảo" and specs["leader1"].agency == "000.00.20.H55"


def test_no_demo_leaders_without_allow_demo():
    assert leaders_for({"tthc_docs.allow_demo": False}) == []


def test_the_command_makes_root_tsa_and_leader_files(config, capsys):
    assert main(["dev-pki", str(config)]) == 0
    pki = config.parent / "var" / "pki"
    assert (pki / "root-ca.pem").is_file() and (pki / "tsa" / "tsa.pem").is_file()
    assert stat.S_IMODE((pki / "leader1.pass").stat().st_mode) == 0o600
    assert "development PKI ready" in capsys.readouterr().out


def test_the_leader_identity_loads_with_its_passphrase_file(config):
    main(["dev-pki", str(config)])
    identity = load_identity({"tthc_docs.pki_dir": str(config.parent / "var" / "pki")}, "leader1")
    assert identity.common_name == "Đặng Quốc Bảo"


def test_running_twice_keeps_the_root(config):
    main(["dev-pki", str(config)])
    root = (config.parent / "var" / "pki" / "root-ca.pem").read_bytes()
    main(["dev-pki", str(config), "--leader", "boss:Nguyễn Văn Trưởng"])
    assert (config.parent / "var" / "pki" / "root-ca.pem").read_bytes() == root
    assert (config.parent / "var" / "pki" / "boss.p12").is_file()


def _age_the_agency_cas(config, days=3000):
    """Issue the agency CAs again as ``dev-pki`` made them before issue 19: ``days`` long."""
    import datetime
    from tthc_docs.signing import devpki as D
    pki = D.DevPki(config.parent / "var" / "pki")
    root_cert, root_key = pki._root()
    for folder in (pki.dir / "agencies").glob("*"):
        old = D._load_cert(folder / "ca.pem")
        key = D._load_key(folder / "ca.key")
        start = old.not_valid_before_utc
        cert = D._build(old.subject, root_cert.subject, key.public_key(), root_key, start,
                        start + datetime.timedelta(days=days), ca=True, path_length=0,
                        usages=dict(key_cert_sign=True, crl_sign=True), crl_from="root",
                        base_url=pki.base_url)
        (folder / "ca.pem").write_bytes(D._pem(cert))
    return pki


def test_an_old_shaped_development_pki_is_renewed_in_place(config, capsys):
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import padding
    from cryptography.hazmat.primitives.serialization import Encoding
    from tthc_docs.signing import devpki_renew
    main(["dev-pki", str(config)])
    pki = _age_the_agency_cas(config)
    assert [code for code, _ in devpki_renew.short_lived(pki)] == ["000.00.20.H55"]
    capsys.readouterr()
    assert main(["dev-pki", str(config)]) == 0
    assert "agency CA 000.00.20.H55 renewed in place" in capsys.readouterr().out
    assert devpki_renew.short_lived(pki) == []
    renewed = x509.load_pem_x509_certificate(
        (pki.agency_dir("000.00.20.H55") / "ca.pem").read_bytes())
    assert (renewed.not_valid_after_utc - renewed.not_valid_before_utc).days >= 7300
    identity = load_identity({"tthc_docs.pki_dir": str(pki.dir)}, "leader1")
    leader = x509.load_der_x509_certificate(identity.certificate.dump())
    renewed.public_key().verify(leader.signature, leader.tbs_certificate_bytes,   # still chains
                                padding.PKCS1v15(), leader.signature_hash_algorithm)
    assert identity.chain[0].dump() == renewed.public_bytes(Encoding.DER)   # the new CA in the .p12
    main(["dev-pki", str(config)])                                           # once only
    assert "renewed" not in capsys.readouterr().out


def test_a_pki_whose_root_is_not_the_development_one_is_only_told_how(config):
    import datetime
    from tthc_docs.signing import devpki as D, devpki_renew
    main(["dev-pki", str(config)])
    pki = _age_the_agency_cas(config)
    _cert, key = pki._root()
    name = D._name("Root CA of a real trust service", "Ban Cơ yếu Chính phủ")
    now = datetime.datetime.now(datetime.timezone.utc)
    pki.root_cert_path.write_bytes(D._pem(D._build(
        name, name, key.public_key(), key, now, now + datetime.timedelta(days=9000), ca=True,
        usages=dict(key_cert_sign=True, crl_sign=True))))
    before = (pki.agency_dir("000.00.20.H55") / "ca.pem").read_bytes()
    lines = devpki_renew.renew(pki)
    assert len(lines) == 1 and "lasts only 3000 days" in lines[0] and "left alone" in lines[0]
    assert (pki.agency_dir("000.00.20.H55") / "ca.pem").read_bytes() == before
