"""Every tthc-docs command on a fresh folder: it makes what is missing or says, in one line, what to do.

Before: ``tthc-docs init development.ini`` where ``var/`` did not exist ended
in ``FileNotFoundError: …/var/Data.fs.lock``.
"""
import ZODB
from ZODB.FileStorage import FileStorage

from scale_support import file_uri, tthc, write_ini


def one_line_error(done):
    """The command's one line of explanation (log records aside), and no traceback."""
    lines = [line for line in done.stderr.splitlines() if line.startswith('tthc-docs ')]
    assert done.returncode == 1, done.stderr
    assert len(lines) == 1 and 'Traceback' not in done.stderr, done.stderr
    return lines[0]


def test_init_makes_var_and_the_blob_folder(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path))
    assert not (tmp_path / 'var').exists()
    done = tthc('init', ini)
    assert 'site ready' in done.stdout
    assert (tmp_path / 'var' / 'Data.fs').is_file() and (tmp_path / 'var' / 'blobs').is_dir()
    assert 'database already current' in tthc('migrate', ini).stdout


def test_a_command_before_init_says_to_run_init(tmp_path):
    line = one_line_error(tthc('export-procedures', write_ini(tmp_path, file_uri(tmp_path)),
                               tmp_path / 'out.json', check=False))
    assert f'tthc-docs init {tmp_path}/test.ini' in line


def test_a_folder_that_cannot_be_made_is_named(tmp_path):
    (tmp_path / 'var').write_text('a file where the folder should be')
    line = one_line_error(tthc('init', write_ini(tmp_path, file_uri(tmp_path)), check=False))
    assert f'{tmp_path}/var' in line and 'cannot create' in line


def test_a_database_in_use_is_said_so(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path))
    tthc('init', ini)
    db = ZODB.DB(FileStorage(str(tmp_path / 'var' / 'Data.fs'),
                             blob_dir=str(tmp_path / 'var' / 'blobs')))
    try:
        line = one_line_error(tthc('migrate', ini, check=False))
    finally:
        db.close()
    assert 'in use by another process' in line


def test_a_missing_config_file_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = one_line_error(tthc('init', 'nowhere.ini', check=False))
    assert 'nowhere.ini' in line
