"""The dossier JSON and the queue rows carry every field API.md promises.

The field lists below are copied from /work/shared/design/API.md ("Dossiers")
and docs/API-extensions.md (queue rows); a served answer may add fields, never
drop one. Each reference's ``url`` must also be an address the current user
can download from.
"""
from dossier_support import clock, docs, get, pki_dir, procedure, signing  # noqa: F401
from signing_support import awaiting, enrol, fresh_throttle, sign  # noqa: F401
from tthc_docs.people import totp

DOSSIER = {'code', 'procedure', 'status', 'channel', 'received_at', 'due_at',
           'appointment_at', 'overdue', 'fee', 'attachments', 'results', 'history', 'actions'}
FEE = {'amount', 'paid'}
ATTACHMENT = {'requirement', 'vault', 'document', 'sha256', 'url'}
RESULT = {'vault', 'document', 'sha256', 'url'}
HISTORY = {'at', 'action', 'by', 'note'}
#: API-extensions.md: queue rows have appointment_at, receiving_agency, received_for;
#: the rest are the dossier's own fields a row repeats.
QUEUE_ROW = {'code', 'url', 'procedure', 'status', 'received_at', 'due_at',
             'appointment_at', 'overdue', 'fee', 'receiving_agency', 'received_for'}


def _missing(promised, served):
    return sorted(promised - set(served))


def signed_dossier(login, edit_site, docs):
    code = awaiting(login, edit_site, docs)
    sign(login('leader1'), code, totp.current_code(enrol(edit_site)))
    return code


def test_the_dossier_json_has_every_promised_field(login, edit_site, procedure, docs, signing,
                                                   fresh_throttle):
    code = signed_dossier(login, edit_site, docs)
    body = get(login('citizen1'), code).json
    assert _missing(DOSSIER, body) == []
    assert _missing(FEE, body['fee']) == []
    assert body['attachments'] and all(_missing(ATTACHMENT, a) == [] for a in body['attachments'])
    assert body['results'] and [_missing(RESULT, r) for r in body['results']] == [[]]
    assert all(_missing(HISTORY, h) == [] for h in body['history'])


def test_a_results_url_downloads_the_signed_result(login, edit_site, procedure, docs, signing,
                                                   fresh_throttle):
    code = signed_dossier(login, edit_site, docs)
    for who in ('citizen1', 'reception1'):
        client = login(who)
        result = get(client, code).json['results'][0]
        assert f"/vaults/{result['vault']}/documents/{result['document']}/" in result['url']
        pdf = client.get(result['url'].replace('http://localhost', ''))
        assert pdf.body.startswith(b'%PDF')


def test_a_queue_row_has_every_promised_field(login, edit_site, procedure, docs, signing,
                                              fresh_throttle):
    code = awaiting(login, edit_site, docs)
    items = login('specialist1').get('/@@queue?status=awaiting_signature',
                                     headers={'Accept': 'application/json'}).json['items']
    row = next(i for i in items if i['code'] == code)
    assert _missing(QUEUE_ROW, row) == []
