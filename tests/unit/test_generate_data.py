"""`tthc-docs generate`: citizens, vaults and dossiers made through the app's own code paths."""
import pytest
import transaction

from tthc_docs import config as app_config
from tthc_docs.demo import generate as g
from tthc_docs.dossiers.states import RECEIVED
from tthc_docs.site.content import get_site
from tthc_docs.vaults import uploads


@pytest.fixture
def opened(db):
    conn = db.open()
    yield conn
    transaction.abort()
    conn.close()


def test_generated_citizens_and_dossiers_look_like_real_ones(opened):
    settings = app_config.normalize({'tthc_docs.allow_demo': 'true',
                                     'tthc_docs.session_secret': 's' * 40})
    before = len(get_site(opened)['dossiers'])
    added = g.generate(opened, settings, procedures=40, citizens=5, dossiers=30, batch=7)
    assert added == {'procedures': 40, 'citizens': 5, 'dossiers': 30}
    site = get_site(opened)
    vault = site['vaults'].for_owner(g.citizen_login(3))
    assert vault.profile['full_name'] and len(vault.profile['id_number']) == 12
    assert site['vaults'].for_id_number(vault.profile['id_number']) is vault
    assert {d.doc_type for d in vault.documents.values()} >= set(g.HELD)
    pdf = next(iter(vault.documents.values())).read()
    assert uploads.inspect(pdf).content_type == 'application/pdf'   # the upload check's own verdict
    new = [d for d in site['dossiers'].values() if d.owner.startswith('congdan')]
    assert len(new) == 30 == len(site['dossiers']) - before
    assert len({d.code for d in new}) == 30
    assert sum(d.status == RECEIVED for d in new) >= 5   # a third, at the centre's desk
    for dossier in new:
        owner = site['vaults'].for_owner(dossier.owner)
        for ref in dossier.attachments:
            assert owner.is_granted(ref['document'], dossier.code, dossier.agency)
    # Run again: the citizens are there already, only dossiers are added.
    assert g.generate(opened, settings, procedures=40, citizens=5, dossiers=3)['citizens'] == 0


def test_generation_is_refused_without_allow_demo(tmp_path, capsys):
    from tthc_docs import cli
    ini = tmp_path / 'prod.ini'
    ini.write_text(f'[app:main]\nuse = egg:tthc-docs\nzodbconn.uri = file://{tmp_path}/Data.fs\n'
                   'tthc_docs.session_secret = ' + 'x' * 40 + '\n'
                   'tthc_docs.public_url = https://dichvucong.example.gov.vn\n')
    assert cli.main(['generate', str(ini), '--citizens', '1', '--dossiers', '1']) == 1
    assert 'allow_demo' in capsys.readouterr().err
    assert not (tmp_path / 'Data.fs').exists()
