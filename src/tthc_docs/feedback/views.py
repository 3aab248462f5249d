"""Complaints and suggestions: file, read, the agency's queue, acknowledge, answer, rate.

Thin: the rules are in ``feedback.filing`` and ``feedback.content``. One
representation (``feedback_json``) serves JSON and pages; who reads decides
how much: the filer and the agency see everything, anyone else (once
published) sees no personal data.
"""
from pyramid.security import NO_PERMISSION_REQUIRED
from pyramid.settings import asbool
from pyramid.view import view_config, view_defaults

from tthc_docs import roles, timeutil
from tthc_docs import security as s
from tthc_docs.dossiers.calendar import calendar_for
from tthc_docs.errors import NotAllowed, NotLoggedIn
from tthc_docs.feedback import filing
from tthc_docs.feedback.content import (
    PROCESSING_DAYS, STATE_LABELS, SUBJECT_LABELS, SUBJECTS, Feedback, FeedbackRegistry)
from tthc_docs.site.content import Site, find_site
from tthc_docs.web.body import read_data
from tthc_docs.web.views import ResourceViews

_ERR = {"description": "error", "content": {"application/json": {
    "schema": {"$ref": "#/components/schemas/Error"}}}}
_ID = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
_ITEM = {"description": "the complaint or suggestion", "content": {"application/json": {"schema": {
    "type": "object", "properties": {k: {} for k in (
        "id", "url", "subject", "ref", "procedure", "agency", "text", "status", "filed_at",
        "due_at", "acknowledged_at", "overdue", "escalated", "answer", "rating", "public",
        "published", "attachments", "contact", "filer", "actions")}}}}}
_LIST = {"description": "{items: [...], total}"}
OPENAPI_PATHS = {
    "/@@feedback": {"get": {
        "summary": "The filing form: subjects and the legal processing time",
        "responses": {"200": {"description": "{subjects, processing_days}"}}}, "post": {
        "summary": "File a complaint or suggestion (anyone; without an account, with a contact)",
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["subject", "ref", "text"], "properties": {
                "subject": {"type": "string", "enum": list(SUBJECTS)}, "ref": {"type": "string"},
                "text": {"type": "string"}, "public": {"type": "boolean"},
                "attachments": {"type": "array", "items": {"type": "string"}},
                "contact": {"type": "object", "properties": {
                    "name": {"type": "string"}, "phone": {"type": "string"},
                    "email": {"type": "string"}}}}}}}},
        "responses": {"201": {"description": "{id, url, status, due_at}"}, "401": _ERR,
                      "403": _ERR, "422": _ERR}}},
    "/feedback/": {"get": {"summary": "Published answers (anyone), newest first",
                           "responses": {"200": _LIST}}},
    "/feedback/@@queue": {"get": {
        "summary": "The officer's agency's unanswered items, earliest due first; late ones are "
                   "escalated to the leader",
        "parameters": [{"name": "escalated", "in": "query", "schema": {"type": "boolean"}}],
        "responses": {"200": _LIST, "401": _ERR, "403": _ERR}}},
    "/feedback/{id}": {"get": {"summary": "One item (filer, the agency, anyone once published)",
                               "parameters": _ID, "responses": {"200": _ITEM, "403": _ERR,
                                                                "404": _ERR}}},
    "/feedback/{id}/@@acknowledge": {"post": {
        "summary": "The agency takes it up", "parameters": _ID,
        "responses": {"200": _ITEM, "403": _ERR, "409": _ERR}}},
    "/feedback/{id}/@@answer": {"post": {
        "summary": "The agency's answer", "parameters": _ID,
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}}}},
        "responses": {"200": _ITEM, "403": _ERR, "409": _ERR, "422": _ERR}}},
    "/feedback/{id}/@@rate": {"post": {
        "summary": "The filer rates the answer, once", "parameters": _ID,
        "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "required": ["score"], "properties": {
                "score": {"type": "integer", "minimum": 1, "maximum": 5},
                "comment": {"type": "string"}}}}}},
        "responses": {"200": _ITEM, "403": _ERR, "409": _ERR, "422": _ERR}}},
}
ITEM_PT = "tthc_docs.templates:feedback/view.pt"


def sees_everything(request, feedback):
    """The filer and the responsible agency's officers see the personal parts."""
    account = request.account
    return account is not None and (account.login == feedback.filer or (
        account.agency == feedback.agency and set(account.roles) & set(roles.OFFICER_ROLES)))


def feedback_json(request, feedback, now):
    full = sees_everything(request, feedback)
    answer = feedback.answer and {"text": feedback.answer, "at": timeutil.iso(feedback.answered_at),
                                  "on_time": feedback.answered_on_time}
    body = {
        "id": feedback.id, "url": request.resource_url(feedback), "subject": feedback.subject,
        "ref": feedback.ref if (full or feedback.subject != "dossier") else None,
        "procedure": feedback.procedure, "agency": feedback.agency, "text": feedback.text,
        "status": feedback.status, "status_label": STATE_LABELS[feedback.status],
        "filed_at": timeutil.iso(feedback.filed_at), "due_at": timeutil.iso(feedback.due_at),
        "acknowledged_at": timeutil.iso(feedback.acknowledged_at),
        "overdue": feedback.overdue(now), "escalated": feedback.overdue(now),
        "answer": answer, "rating": feedback.rating and {"score": feedback.rating["score"]},
        "public": feedback.public, "published": feedback.published, "actions": []}
    if full:
        body.update(attachments=[attachment_json(request, feedback, ref)
                                 for ref in feedback.attachments],
                    contact=dict(feedback.contact),
                    filer=feedback.filer, actions=_actions(request, feedback))
    return body


def attachment_json(request, feedback, ref):
    """One attachment with its download ``url``: the filer reads their own document; the
    agency's officers read it for this complaint (``?feedback=``, granted at filing, logged)."""
    url = "/".join([request.application_url, "vaults", ref["vault"], "documents",
                    ref["document"], "@@download"])
    return dict(ref, url=f"{url}?feedback={feedback.id}")


def _actions(request, feedback):
    account = request.account
    officer = account is not None and account.login != feedback.filer
    return [a for a in feedback.actions() if (a == "rate") != officer]


def _page_values(request):
    return {"subject_labels": SUBJECT_LABELS, "fmt_datetime": timeutil.format_datetime,
            "fmt_date": timeutil.format_date}


@view_defaults(context=Site)
class FilingViews(ResourceViews):
    """``/@@feedback``: the form and the filing."""

    @view_config(name="feedback", request_method="GET", permission=s.VIEW)
    def form(self):
        return self.respond({"subjects": list(SUBJECTS), "processing_days": PROCESSING_DAYS},
                            template="tthc_docs.templates:feedback/new.pt",
                            page=lambda: _page_values(self.request))

    @view_config(name="feedback", request_method="POST", permission=s.VIEW)
    def file(self):
        payload = _payload(read_data(self.request, {
            "subject", "ref", "text", "attachments", "public", "contact"}))
        now = timeutil.now()
        site = find_site(self.context)
        item = filing.file_feedback(site, self.request.account, payload, now, calendar_for(site))
        url = self.request.resource_url(item)
        return self.respond({"id": item.id, "url": url, "status": item.status,
                             "due_at": timeutil.iso(item.due_at)},
                            status=201, location=url, redirect=url)


def _payload(data):
    """A JSON body as it is; a browser's form turned into the same shape."""
    if isinstance(data, dict):
        return data
    contact = {k: data.get("contact_" + k, "") for k in ("name", "phone", "email")}
    return {"subject": data.get("subject"), "ref": data.get("ref"), "text": data.get("text"),
            "attachments": [a for a in data.getall("attachments") if a],
            "public": asbool(data.get("public")), "contact": contact}


@view_defaults(context=FeedbackRegistry)
class RegistryViews(ResourceViews):
    """``/feedback``: what is published, and the agency's queue."""

    @view_config(request_method="GET", permission=NO_PERMISSION_REQUIRED)
    def published(self):
        now = timeutil.now()
        items = [feedback_json(self.request, f, now) for f in self.context.published()]
        return self.respond({"items": items, "total": len(items)},
                            template="tthc_docs.templates:feedback/list.pt",
                            page=lambda: _page_values(self.request))

    @view_config(name="queue", request_method="GET", permission=NO_PERMISSION_REQUIRED)
    def queue(self):
        account = self.request.account
        if account is None:
            raise NotLoggedIn()
        if not (account.agency and set(account.roles) & set(roles.OFFICER_ROLES)):
            raise NotAllowed("Chỉ cán bộ của cơ quan được xem phản ánh, kiến nghị gửi đến.")
        now = timeutil.now()
        items = self.context.queue(account.agency)
        if asbool(self.request.GET.get("escalated")):
            items = [f for f in items if f.overdue(now)]
        body = [feedback_json(self.request, f, now) for f in items]
        return self.respond({"items": body, "total": len(body)},
                            template="tthc_docs.templates:feedback/queue.pt",
                            page=lambda: dict(_page_values(self.request),
                                              leader=roles.LEADER in account.roles))


@view_defaults(context=Feedback)
class FeedbackViews(ResourceViews):
    """One item: read it, take it up, answer it, rate the answer."""

    @view_config(request_method="GET", permission=s.VIEW)
    def show(self):
        return self.respond(feedback_json(self.request, self.context, timeutil.now()),
                            template=ITEM_PT, page=lambda: _page_values(self.request))

    @view_config(name="acknowledge", request_method="POST", permission=s.HANDLE)
    def acknowledge(self):
        self.context.acknowledge(self.login, timeutil.now())
        return self._done()

    @view_config(name="answer", request_method="POST", permission=s.HANDLE)
    def answer(self):
        data = read_data(self.request, {"text"})
        self.context.reply(data.get("text"), self.login, timeutil.now())
        return self._done()

    @view_config(name="rate", request_method="POST", permission=s.OWN)
    def rate(self):
        data = read_data(self.request, {"score", "comment"})
        score = data.get("score")
        if isinstance(score, str) and score.isdigit() and len(score) == 1:
            score = int(score)   # a browser's form posts text
        self.context.rate(score, data.get("comment"), self.login, timeutil.now())
        return self._done()

    def _done(self):
        return self.respond(feedback_json(self.request, self.context, timeutil.now()),
                            redirect=self.request.resource_url(self.context))
