"""The queue's procedure filter labels its choices from the catalog's index (issue 16).

Loading each procedure and its versions to show a name made every queue
page cost a procedure per choice; ``ProcedureCatalog.names`` reads the
search index's entry instead. Checked on the real database: after the
look-up every procedure is still a ghost (its state never loaded).
"""
from dossier_support import FREE, clock, docs, filed, procedure  # noqa: F401


def test_names_come_from_the_index_without_loading_a_procedure(edit_site, procedure):
    with edit_site() as site:
        site._p_jar.cacheMinimize()
        catalog = site['procedures']
        codes = list(catalog.keys())[:20] + ['9.999999']
        names = catalog.names(codes)
        assert [c for c in codes[:-1] if catalog.get(c)._p_status != 'ghost'] == []
        expected = {c: (catalog[c].published_version() or catalog[c].latest_version()).name
                    for c in codes[:-1]}
        assert names == dict(expected, **{'9.999999': '9.999999'})


def test_the_queue_page_offers_the_procedure_by_its_name(login, procedure, docs, edit_site):
    filed(login, docs)
    with edit_site() as site:
        name = site['procedures'][FREE].published_version().name
    page = login('reception1').get('/@@queue').html
    options = {o.get('value'): o.text for o in page.select('select[name="procedure"] option')}
    assert options[FREE].startswith(name)
