"""`pserve development.ini http_port=NNNN` serves on NNNN (API.md "Running")."""
from tthc_docs.web.server import listen_address


def test_command_line_port_replaces_the_files_default():
    assert listen_address({"http_port": "7001"}, "127.0.0.1:6543") == "127.0.0.1:7001"


def test_without_a_command_line_port_the_file_decides():
    assert listen_address({"__file__": "x.ini"}, "127.0.0.1:6543") == "127.0.0.1:6543"


def test_the_host_stays_loopback():
    assert listen_address({"http_port": "8000"}, "127.0.0.1:6543").startswith("127.0.0.1:")


def test_glibc_takes_the_cap_on_malloc_arenas():
    """production.ini's ``malloc_arenas`` (issue 15: the serving process's RSS)."""
    import platform
    from tthc_docs.web.server import cap_malloc_arenas
    if platform.libc_ver()[0] != "glibc":
        import pytest
        pytest.skip("not glibc")
    assert cap_malloc_arenas(8) is True   # glibc's own default cap on a 1-core machine


def test_production_ini_gives_waitress_nothing_it_does_not_know():
    """``malloc_arenas`` is the runner's; waitress refuses unknown settings."""
    import configparser
    from pathlib import Path
    from waitress.adjustments import Adjustments
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(Path(__file__).resolve().parents[2] / "production.ini")
    server = {k: v for k, v in parser["server:main"].items()
              if k not in ("use", "listen", "http_port", "malloc_arenas")}
    assert set(server) <= set(Adjustments._param_map) and parser["server:main"]["malloc_arenas"]
