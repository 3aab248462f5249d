"""Serving a request makes no class (web/request.py, issue 15).

Pyramid gives reified request properties by subclassing the request class
for each request; ``request.account`` and ``request.tm`` are defined once on
``TthcRequest`` instead.
"""
from tthc_docs.web.request import TthcRequest


def test_a_logged_in_page_and_a_write_make_no_request_class(login):
    citizen = login("citizen1")
    vault = citizen.session_info["vault"]
    citizen.get(vault)
    citizen.put_json(f"{vault}/profile", {"phone": "0905123456"})
    assert TthcRequest.__subclasses__() == []


def test_the_account_is_worked_out_once_per_request(app, edit_site):
    """Kept under its own name: a second look does not ask the database again."""
    request = TthcRequest.blank("/")
    request.registry = app.registry
    assert request.account is None and "account" in vars(request)


def test_the_transaction_manager_is_one_per_request(app):
    """pyramid_tm commits what the view wrote only when ``request.tm`` is the same object."""
    request = TthcRequest.blank("/")
    request.registry = app.registry
    assert request.tm is request.tm
