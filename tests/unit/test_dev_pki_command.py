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
