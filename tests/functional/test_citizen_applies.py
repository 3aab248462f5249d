"""Journey: a citizen applies online with vault documents, and pays."""
from dossier_support import (AGENCY, CODE, FREE, apply, clock, docs, get,  # noqa: F401
                             pay, procedure)


def test_apply_answers_201_with_the_code(login, procedure, docs):
    res = apply(login('citizen1'), docs)
    assert res.json['code'].startswith(f'{AGENCY}-270301-')


def test_apply_online_charges_the_online_fee(login, procedure, docs):
    res = apply(login('citizen1'), docs)
    assert res.json['fee'] == {'amount': 10000, 'paid': False}
