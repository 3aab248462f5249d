"""`tthc-docs pack CONFIG --days N`: history older than N days goes, no blob a current object needs.

A citizen deletes an uploaded document: its blob is no longer reachable
from the current state, but still from the history. Packing keeping a day of
history keeps it; packing to now removes exactly it, and every document
still in a vault reads back with the digest recorded when it was uploaded.
"""
import hashlib
import os

import pytest
import transaction

from scale_support import file_uri, prepare_site, tthc, write_ini

pytestmark = pytest.mark.slow


def blob_files(folder):
    """The committed blob files (not the uploads' tmp folder)."""
    root = folder / 'var' / 'blobs'
    return sorted(os.path.join(d, f) for d, _, files in os.walk(root)
                  if not os.path.relpath(d, root).startswith('tmp')
                  for f in files if f.endswith('.blob'))


def edit(ini, change):
    from tthc_docs.cli import load_settings, opened_root
    from tthc_docs.site.content import get_site
    with opened_root(load_settings(str(ini))) as root:
        result = change(get_site(root._p_jar))
        transaction.commit()
        return result


def current_documents(site):
    """Every current object that keeps a blob: vault documents and the dossiers' papers."""
    documents = {(v.owner, d.id): (d.sha256, hashlib.sha256(d.read()).hexdigest())
                 for v in site['vaults'].values() for d in v.documents.values()}
    for dossier in site['dossiers'].values():
        for paper in (getattr(dossier, 'papers', None) or {}).values():
            documents[(dossier.code, paper.__name__)] = (
                paper.sha256, hashlib.sha256(paper.read()).hexdigest())
    return documents


def test_pack_keeps_history_n_days_and_every_current_blob(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path))
    prepare_site(ini, 3)

    def delete_one_and_rewrite_profiles(site):
        vault = site['vaults'].for_owner('congdan000001')
        doc = next(d for d in vault.documents.values() if d.doc_type == 'cccd')
        vault.remove_document(doc.id, is_active=lambda code: False)
        for n in range(5):   # history: the same profile rewritten
            vault.update_profile({'phone': f'09000000{n:02d}'}, by='congdan000001')
        return doc.id
    blobs_before = blob_files(tmp_path)
    deleted = edit(ini, delete_one_and_rewrite_profiles)
    size_before = (tmp_path / 'var' / 'Data.fs').stat().st_size

    assert 'kept 1 days' in tthc('pack', ini, '--days', 1).stdout
    assert blob_files(tmp_path) == blobs_before   # within the day's history: nothing goes

    tthc('pack', ini, '--days', 0)
    after = blob_files(tmp_path)
    assert len(after) == len(blobs_before) - 1    # exactly the deleted document's blob
    assert (tmp_path / 'var' / 'Data.fs').stat().st_size < size_before
    documents = edit(ini, current_documents)
    assert ('congdan000001', deleted) not in documents
    assert len(documents) == len(after)
    assert all(recorded == read for recorded, read in documents.values())


def test_pack_refuses_negative_days(tmp_path):
    ini = write_ini(tmp_path, file_uri(tmp_path))
    done = tthc('pack', ini, '--days', -1, check=False)
    assert done.returncode == 2 and '--days must be 0 or more' in done.stdout
