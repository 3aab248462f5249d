"""Evolve step 31 on a database of the old shape: vault grants and reuse notes with datetimes.

The old shape (``old_shapes``): the demo database with every grant's and
reuse note's moment a datetime. The step rewrites them as ISO text; who may
read which document for which dossier, and which dossiers use a document,
stay the same, and the same moments are kept.
"""
from datetime import datetime

from tthc_docs import migrations
from old_shapes import vault_times_before_31


def _old_shape(site, tm):
    vault_times_before_31(site['vaults'])
    site.evolve_step = 30
    tm.commit()
    site._p_jar.cacheMinimize()   # every record a ghost, as a real database is read
    tm.begin()


def _evolve(site, tm):
    assert migrations.evolve(site, upto=31, tm=tm) == [31]
    tm.begin()


def _moments(vaults):
    return {(vault.__name__, name, key): at for vault in vaults.values()
            for name in ('grants', 'reuse') for key, at in getattr(vault, name).items()}


def _access(vaults):
    """What the grants and notes decide: each granted read, each document's dossiers."""
    return {vault.__name__: ([k for k in vault.grants.keys() if vault.is_granted(*k)],
                             {doc: vault.referencing_dossiers(doc) for doc in vault.documents})
            for vault in vaults.values()}


def test_step_31_keeps_every_moment_as_text_and_every_grant(site_and_tm):
    site, tm = site_and_tm
    vaults = site['vaults']
    before, access = _moments(vaults), _access(vaults)
    assert before and any(name == 'reuse' for _, name, _ in before)
    _old_shape(site, tm)
    assert all(isinstance(at, datetime) for at in _moments(vaults).values())
    _evolve(site, tm)
    assert _moments(vaults) == before   # the same moments, as text
    assert _access(vaults) == access


def test_step_31_in_small_savepoints_rewrites_every_vault(site_and_tm, monkeypatch):
    from tthc_docs.migrations import evolve0031_vault_grant_times_as_text as step
    monkeypatch.setattr(step, 'EVERY', 1)
    site, tm = site_and_tm
    before = _moments(site['vaults'])
    _old_shape(site, tm)
    _evolve(site, tm)
    assert _moments(site['vaults']) == before


def test_step_31_on_a_new_site_changes_nothing(site_and_tm):
    site, tm = site_and_tm
    before = _moments(site['vaults'])
    site.evolve_step = 30
    _evolve(site, tm)
    assert _moments(site['vaults']) == before
