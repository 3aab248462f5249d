"""The English catalog: valid, consistent with its msgids, complete for the UI.

Message ids are the Vietnamese texts, so a template string without an English
msgstr silently shows Vietnamese to an English reader: these tests make that a
failure.  Template msgids are extracted with lingua's Chameleon extractor (the
same one ``pot-create`` uses); values of the controlled vocabularies that the
templates translate by value (``<td i18n:translate="">${level_title}</td>``)
and the error messages are listed from the Python modules that define them.
"""
import ast
import gettext
import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from lingua.extract import ExtractorOptions
from lingua.extractors.xml import ChameleonExtractor

import tthc_docs
import tthc_docs.templates

PACKAGE = Path(tthc_docs.__file__).parent
PO_FILE = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "tthc_docs.po"
TEMPLATES = Path(tthc_docs.templates.__file__).parent
# An empty glob would make every template test below vanish without a failure.
assert len(list(TEMPLATES.rglob("*.pt"))) > 30, f"no page templates under {TEMPLATES}"
MAPPING = re.compile(r"\$\{([^}]*)\}")
I18N_NAME = re.compile(r'i18n:name="(\w+)"')


def _catalog():
    """The parsed .po; a syntax error raises here (abort_invalid)."""
    with PO_FILE.open("rb") as f:
        return read_po(f, abort_invalid=True)


PO_LINE = re.compile(r'^(?:(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) )?"(?:[^"\\]|\\.)*"$')


def _po_syntax_errors(text):
    """Lines Babel would skip or misread (it is lenient): bad quoting, a msgid
    without its msgstr, keywords out of order, a msgid given twice in the same
    msgctxt (the same text in two contexts is two messages)."""
    errors, seen, expect, msgid, current, context = [], set(), "msgid", "", None, ""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = PO_LINE.match(line)
        keyword = match.group(1) if match else None
        allowed = {"msgid": ("msgctxt", "msgid"), "msgstr": ("msgid_plural", "msgstr")}[expect]
        if expect == "msgid" and (current or "").startswith("msgstr["):
            allowed += ("msgstr[",)   # a plural entry lists one msgstr per form
        if not match or (keyword and not keyword.startswith(allowed)):
            errors.append(f"{number}: {line}")
        elif keyword == "msgctxt":
            context, current = line, keyword
        elif keyword is None and current == "msgctxt":
            context += line
        elif keyword == "msgid":
            expect, msgid, current, context = "msgstr", context + line, keyword, ""
        elif keyword is None and current == "msgid":
            msgid += line
        elif keyword and keyword.startswith("msgstr[") and (current or "").startswith("msgstr["):
            current = keyword   # the next plural form of the same message
        elif keyword and keyword.startswith("msgstr"):
            if msgid in seen:
                errors.append(f"{number}: duplicate {msgid}")
            seen.add(msgid)
            expect, current = "msgid", keyword
        else:
            current = keyword or current
    return errors


def _translations(catalog):
    return {m.id: m.string for m in catalog if m.id and not m.fuzzy}


def _template_messages():
    """(template path, msgid) for every translatable text of every template."""
    extractor = ChameleonExtractor()
    options = ExtractorOptions(comment_tag=True, domain=None, keywords=[])
    found = []
    for path in sorted(TEMPLATES.rglob("*.pt")):
        for message in extractor(str(path), options):
            found.append((path, message.msgid))
    return found


def _vocabulary_messages():
    """Python-side labels that templates translate by value, and error messages."""
    from tthc_docs.catalog.doctypes import DOC_TYPES
    from tthc_docs.dossiers.daysoff import KIND_TITLES
    from tthc_docs.catalog.content import LEVEL_TITLES, STATE_TITLES
    from tthc_docs.vaults.documents import KINDS
    from tthc_docs.vaults.schema import LABELS
    from tthc_docs.security import ROLE_TITLES as ROLES
    from tthc_docs.web.ui import NAVIGATION
    from tthc_docs.web.errors import MESSAGES
    from tthc_docs.catalog.views.procedures import METHOD_TITLES, ONLINE_LEVEL_TITLES
    from tthc_docs.signing.verify import PROBLEMS
    from tthc_docs.dossiers.states import STATE_LABELS
    from tthc_docs.feedback.content import STATE_LABELS as FEEDBACK_STATES, SUBJECT_LABELS
    from tthc_docs.dossiers.workflow import ACTION_CONFIRM, ACTION_DONE
    from tthc_docs.web.ui import SYSTEM_LOGINS
    from tthc_docs.dossiers.timeline import HOLDER_TITLES, STAGE_NAMES, STATE_WORDS
    from tthc_docs.web.fields import COLANDER_VI
    values = [title for _id, title in DOC_TYPES] + [label for _path, label, _who in NAVIGATION]
    values += list(PROBLEMS) + [text for texts in ACTION_CONFIRM.values() for text in texts]
    from tthc_docs.payments.views import NOT_CONFIGURED, RETURN_REFUSED, RETURN_REFUSED_OTHER
    from tthc_docs.vaults.uploads import _REFUSED_MAGIC
    from tthc_docs.eforms.formschema import FROM_VAULT
    values += list(RETURN_REFUSED.values()) + [RETURN_REFUSED_OTHER, NOT_CONFIGURED]
    values += [name for _magic, name in _REFUSED_MAGIC] + [FROM_VAULT.capitalize()]
    values += ['ảnh SVG', 'trang HTML', 'định dạng không xác định', 'Nam', 'Nữ',
               'Số định danh cá nhân', 'Số điện thoại']
    from tthc_docs.indicators.decision import GROUP_NAMES, NAMES
    from tthc_docs.indicators.views import PERIOD_LABELS
    values += list(NAMES.values()) + list(GROUP_NAMES.values()) + list(PERIOD_LABELS)
    for vocabulary in (KIND_TITLES, LEVEL_TITLES, STATE_TITLES, KINDS, LABELS, MESSAGES, ROLES,
                       METHOD_TITLES, ONLINE_LEVEL_TITLES, STATE_LABELS,
                       FEEDBACK_STATES, SUBJECT_LABELS, ACTION_DONE, SYSTEM_LOGINS,
                       HOLDER_TITLES, STAGE_NAMES, STATE_WORDS, COLANDER_VI):
        values.extend(vocabulary.values())
    return values


def _python_messages():
    """(module, msgid) of every ``Message('...')`` built in the package's Python code.

    ``Message`` (``text/messages.py``) is a sentence with values that a page
    translates whole by this msgid; a msgid held in a module constant counts too.
    """
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in tree.body
                     if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                     and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        citizens = str(path.relative_to(PACKAGE)).startswith(CITIZEN_FACING)
        for node in ast.walk(tree):
            arg = _reason_of(node, citizens)
            if arg is None:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((path.relative_to(PACKAGE), arg.value))
            elif isinstance(arg, ast.Name) and arg.id in constants:
                found.append((path.relative_to(PACKAGE), constants[arg.id]))
    return found


#: Modules whose reasons citizens read on their pages (the e-form, the vault, filing, paying).
CITIZEN_FACING = ("text", "eforms/fieldtypes.py", "eforms/formschema.py", "vaults",
                  "dossiers/filing.py", "dossiers/views", "payments")


def _reason_of(node, citizens):
    """The message argument of ``Message(m)`` anywhere, and in ``citizens``' modules of
    ``ValidationError(m)``, ``colander.Invalid(node, m)`` (the e-form's reasons, shown beside
    each field) or ``missing_msg = m``."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Message" and node.args:
        return node.args[0]
    if not citizens:
        return None
    if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "missing_msg"
                                            for t in node.targets):
        return node.value
    if not isinstance(node, ast.Call):
        return None
    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    if name in ("Message", "ValidationError") and node.args:
        return node.args[0]
    if name == "Invalid" and getattr(node.func, "value", None) is not None \
            and getattr(node.func.value, "id", None) == "colander" and len(node.args) > 1:
        return node.args[1]
    return None


def test_messages_built_in_python_have_english_translations():
    messages = _python_messages()
    assert len(messages) > 20, "Message(...) calls are no longer found"
    translations = _translations(_catalog())
    assert sorted({f"{path}: {msgid}" for path, msgid in messages
                   if not translations.get(msgid)}) == []


def test_catalog_is_well_formed():
    assert _po_syntax_errors(PO_FILE.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", [
    'msgid "x\nmsgstr "y"\n', 'msgstr "y"\n', 'msgid "a"\nmsgstr b\n',
    'msgid "a"\nmsgstr "b"\nmsgid "a"\nmsgstr "c"\n', 'msgid "a"\nmsgid "b"\nmsgstr "c"\n',
    'msgctxt "x"\nmsgid "a"\nmsgstr "b"\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n'])
def test_syntax_check_refuses_what_babel_would_skip(text):
    assert _po_syntax_errors(text) != []


def test_syntax_check_accepts_one_text_in_two_contexts():
    text = 'msgid "a"\nmsgstr "b"\nmsgctxt "x"\nmsgid "a"\nmsgstr "c"\n'
    assert _po_syntax_errors(text) == []


def test_catalog_compiles_to_a_loadable_mo():
    buffer = io.BytesIO()
    write_mo(buffer, _catalog())
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    assert translations.gettext("Đăng nhập") == "Log in"


def _texts(value):
    """A message's id or string as one text (a plural entry has one per form)."""
    return " ".join(value) if isinstance(value, (tuple, list)) else value


def test_every_msgstr_keeps_the_mappings_of_its_msgid():
    wrong = {m.id: m.string for m in _catalog() if m.id and m.string
             and set(MAPPING.findall(_texts(m.id))) != set(MAPPING.findall(_texts(m.string)))}
    assert wrong == {}


PLURAL_CALL = re.compile(r"plural\('([^']*)', '([^']*)', ")


def test_counted_template_messages_have_english_plural_forms():
    """``plural('${n} bản', '${n} bản', n)`` in a template needs both English forms
    (the catalog's Plural-Forms chooses; "1 copies" must not appear)."""
    plurals = {m.id: m.string for m in _catalog() if isinstance(m.id, tuple)}
    used = {match for path in TEMPLATES.rglob("*.pt")
            for match in PLURAL_CALL.findall(path.read_text(encoding="utf-8"))}
    assert used, "no plural() call found: the pattern no longer matches the templates"
    missing = sorted(f"{one} / {many}" for one, many in used
                     if not all(plurals.get((one, many)) or ("",)))
    assert missing == []


def test_english_plural_forms_choose_by_number():
    buffer = io.BytesIO()
    write_mo(buffer, _catalog())
    buffer.seek(0)
    english = gettext.GNUTranslations(buffer)
    assert english.ngettext("${n} bản", "${n} bản", 1) == "${n} copy"
    assert english.ngettext("${n} bản", "${n} bản", 2) == "${n} copies"


def test_catalog_has_no_fuzzy_entries():
    """pybabel compile skips fuzzy entries, so they would show in Vietnamese."""
    assert [m.id for m in _catalog() if m.id and m.fuzzy] == []


def test_every_template_message_has_an_english_translation():
    translations = _translations(_catalog())
    missing = sorted({f"{path.relative_to(TEMPLATES)}: {msgid}"
                      for path, msgid in _template_messages() if not translations.get(msgid)})
    assert missing == []


def test_template_messages_only_interpolate_named_parts():
    """``${x}`` inside a translated text must be an ``i18n:name``.

    Chameleon would otherwise look up the text with the value filled in, which
    no catalog entry can match; a child element needs ``i18n:name`` too.
    """
    bad = []
    for path, msgid in _template_messages():
        names = set(I18N_NAME.findall(path.read_text(encoding="utf-8")))
        if "<dynamic element>" in msgid or not set(MAPPING.findall(msgid)) <= names:
            bad.append(f"{path.relative_to(TEMPLATES)}: {msgid}")
    assert bad == []


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.pt")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_every_template_declares_the_domain(path):
    """lingua (and Chameleon) drop translations of a template without a domain."""
    assert 'i18n:domain="tthc_docs"' in path.read_text(encoding="utf-8")


def test_vocabulary_values_and_error_messages_have_english_translations():
    translations = _translations(_catalog())
    assert sorted({v for v in _vocabulary_messages() if not translations.get(v)}) == []


def test_workflow_actions_have_english_translations_in_their_context():
    """Templates translate action labels with ``i18n:context="action"``: several
    share their Vietnamese text with a state ("Từ chối": Rejected / Reject)."""
    from tthc_docs.dossiers.workflow import HISTORY_LABELS
    actions = {m.id: m.string for m in _catalog() if m.context == "action" and m.string}
    assert sorted(set(HISTORY_LABELS.values()) - set(actions)) == []


#: The exceptions whose message a person or client reads (API.md's error's ``message``).
SHOWN_ERRORS = {"BadRequest", "NotLoggedIn", "NotAllowed", "NotFound", "StateConflict",
                "TooLarge", "UnsupportedType", "Invalid", "TooManyAttempts",
                "SigningRefused", "NoCredential", "Words"}


def _raised_messages():
    """(module, line, text): the literal first argument of each error or ``Words`` in src/."""
    import ast
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            first = node.args[0]
            if name in SHOWN_ERRORS and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                found.append((path.relative_to(PACKAGE).as_posix(), node.lineno, first.value))
    return found


def test_every_error_message_in_the_code_has_an_english_translation():
    """A literal message (or ``Words`` template) without English answers English clients in
    Vietnamese (issue 16); one built with an f-string is not found here: use ``Words``."""
    translations = _translations(_catalog())
    messages = _raised_messages()
    assert len(messages) > 100
    assert [(m, n, t) for m, n, t in messages if not translations.get(t)] == []
