"""`pserve development.ini http_port=NNNN` serves on NNNN (API.md "Running")."""
from tthc_docs.web.server import listen_address


def test_command_line_port_replaces_the_files_default():
    assert listen_address({"http_port": "7001"}, "127.0.0.1:6543") == "127.0.0.1:7001"


def test_without_a_command_line_port_the_file_decides():
    assert listen_address({"__file__": "x.ini"}, "127.0.0.1:6543") == "127.0.0.1:6543"


def test_the_host_stays_loopback():
    assert listen_address({"http_port": "8000"}, "127.0.0.1:6543").startswith("127.0.0.1:")
