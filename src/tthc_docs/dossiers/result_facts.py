"""What a signed result states, written the Vietnamese way, and what it is called.

No web imports (the signing service calls it). Each declared value is
shown by its form field's own type (``eforms.fieldtypes``: a tick box as
"Có"/"Không", a date as dd/mm/yyyy, a choice by its title), the rule the
dossier page uses too; money as "7.500 ₫" followed by the amount in words,
as a document stating a sum writes it so that the figure cannot be altered
unnoticed; an attached document by its title. A value with no field (an
older dossier, a form gone) goes through ``pdf.result.vn_value``.
"""
from tthc_docs import errors, timeutil
from tthc_docs.catalog.content import result_document_name
from tthc_docs.eforms.fieldtypes import field_type
from tthc_docs.eforms.formschema import normalize_field
from tthc_docs.lazy import lazy_module

result_pdf = lazy_module("tthc_docs.pdf.result")   # reportlab: only when a result is made
from tthc_docs.text.money_words import dong_in_words

MAX_FACTS = 25


def result_title(site, dossier):
    """The procedure's own result document ("Giấy xác nhận tình trạng hôn nhân"), or "".

    From the version the dossier was filed under: its ``result_title``, else
    the document its ``result_name`` describes ("" leaves the generic title).
    """
    version = _procedure_version(site, dossier)
    return (getattr(version, "result_title", "")
            or result_document_name(getattr(version, "result_name", ""))) if version else ""


def _procedure_version(site, dossier):
    procedure = site["procedures"].get(dossier.procedure_code)
    if procedure is None:
        return None
    filed = procedure.versions.get(getattr(dossier, "procedure_version", None) or 0)
    return filed or procedure.published_version()


def result_facts(site, dossier, applicant):
    """(label, value) rows: applicant, procedure, dossier, then each declared value."""
    facts = [("Người nộp hồ sơ", applicant), ("Thủ tục", dossier.procedure_name),
             ("Mã hồ sơ", dossier.code)]
    if getattr(dossier, "received_at", None):
        facts.append(("Ngày tiếp nhận", timeutil.format_date(dossier.received_at)))
    fields = _fields(site, dossier)
    for key, value in (dossier.data or {}).items():
        if value in (None, "", [], {}) or len(facts) >= MAX_FACTS:
            continue
        field = fields.get(key)
        shown = written(site, dossier, field, value)
        if shown:
            facts.append((field["title"] if field else key, shown))
    return facts


def _fields(site, dossier):
    """The dossier's form fields by name, as filled (its own version); {} when unknown."""
    try:
        version = site["forms"].version_of(dossier.form_name, dossier.form_version)
    except (KeyError, AttributeError, TypeError, ValueError, errors.DomainError):
        return {}
    return {f["name"]: f for f in map(normalize_field, version.fields)} if version else {}


def written(site, dossier, field, value):
    """``value`` as the result document writes it."""
    if field is None:
        return result_pdf.vn_value(_text(value))
    if field["type"] == "money":
        return money_text(value)
    if field["type"] == "document":
        return _document_title(site, dossier, value)
    try:
        return field_type(field["type"]).display(field, value)
    except (KeyError, TypeError, ValueError, AttributeError):
        return result_pdf.vn_value(_text(value))


def money_text(amount):
    """'7.500 ₫ (Bằng chữ: Bảy nghìn năm trăm đồng)'."""
    amount = int(amount)
    return f"{timeutil.format_vnd(amount)} (Bằng chữ: {dong_in_words(amount)})"


def _document_title(site, dossier, doc_id):
    vault = site["vaults"].get(getattr(dossier, "vault_id", None) or "")
    doc = vault.documents.get(doc_id) if vault is not None and isinstance(doc_id, str) else None
    return getattr(doc, "title", "") or ""


def _text(value):
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(_text(v) for v in value.values() if v)
    return value if isinstance(value, bool) else str(value)
