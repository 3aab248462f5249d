"""Vietnamese first, English available: the locale of each request, and templates' translation.

Message ids are the Vietnamese texts, so the ``vi`` locale needs no catalog;
``locale/en`` translates them (the ``.mo`` that ``make install`` compiles).
The locale comes from the ``_LOCALE_`` cookie (set by ``@@language``), then
Accept-Language, then ``vi``.

Templates translate through :class:`Translate`: a page has some fifty
messages, and Pyramid's translator builds a TranslationString, looks up the
request's localizer and runs gettext for each of them on every render.
A message without values to fill in has one translation per language, so it
is translated once per language and kept (issue 15). A sentence built in
Python with values in it is a ``text.messages.Message``: it is looked up by
its msgid and its values filled in after.
"""
from pyramid.i18n import TranslationString, TranslationStringFactory
from pyramid.threadlocal import get_current_request
from pyramid_chameleon.interfaces import IChameleonTranslate

from tthc_docs.web.fields import COLANDER_VI

from tthc_docs.text.messages import Message

_ = TranslationStringFactory("tthc_docs")
#: The translation domains of deform's templates and colander's messages (English msgids).
LIBRARY_DOMAINS = ("colander", "deform")

#: Above this many kept translations the table starts again (a template may
#: translate a value from the data, which has no bound).
MAX_KEPT = 20000


def locale_negotiator(request):
    available = request.registry.settings["tthc_docs.available_languages"]
    chosen = request.cookies.get("_LOCALE_")
    if chosen in available:
        return chosen
    if request.accept_language:
        match = request.accept_language.lookup(available, default="vi")
        if match in available:
            return match
    return "vi"


class Translate:
    """Chameleon's ``translate``: each fixed message translated once per language.

    Wraps pyramid_chameleon's own (``inner``), which still translates what
    has values to fill in (``mapping``), TranslationString objects and
    Chameleon's empty-default markers (compared by identity, so never kept).
    """

    def __init__(self, inner):
        self.inner = inner
        self.kept = {}      # {language: {(domain, context, msgid, default): text}}

    def __call__(self, msgid, domain=None, mapping=None, context=None, target_language=None,
                 default=None):
        if (type(msgid) is str and not mapping
                and (default is None or (type(default) is str and default))):
            # pages name their language (``target_language``, ``web.ui``): no thread-local look-up
            language = target_language or get_current_request().locale_name
            kept = self.kept.get(language)
            if kept is None:
                kept = self.kept[language] = {}
            key = (domain, context, msgid, default)
            text = kept.get(key)
            if text is None:
                text = self._keep(kept, key, msgid, domain, context, target_language, default)
            return text
        if isinstance(msgid, Message):   # a sentence built in Python: its msgid, values filled in
            values = {name: self(value, domain=domain, target_language=target_language)
                      if isinstance(value, Message) else value
                      for name, value in msgid.values.items()}
            return self.inner(msgid.msgid, domain=domain, mapping=values or None, context=context,
                              target_language=target_language, default=msgid.msgid)
        return self.inner(msgid, domain=domain, mapping=mapping, context=context,
                          target_language=target_language, default=default)

    def _keep(self, kept, key, msgid, domain, context, target_language, default):
        """The message's translation, kept for its language from now on."""
        text = self.inner(msgid, domain=domain, context=context,
                          target_language=target_language, default=default)
        if len(kept) >= MAX_KEPT:
            kept.clear()
        kept[key] = text
        return text


def deform_translator(term):
    """deform's renderer translator: its words and colander's in the request's language.

    deform and colander write English and ship no Vietnamese catalog, so
    Vietnamese comes from ``web.fields.COLANDER_VI``; English is their own
    msgid.  Our own words (button titles, messages of our validators, texts
    of the overridden deform templates) are Vietnamese msgids: English from
    the project's catalog.  Values filled into a message are translated the
    same way (deform's ``${msg}`` carries colander's error).
    """
    request = get_current_request()
    language = request.locale_name if request is not None else "vi"
    return _in(language, request, term)


def _in(language, request, term):
    if not isinstance(term, str):
        return term
    if isinstance(term, Message):       # built in Python with values: translated whole
        return localize(request, term)
    mapping = {k: _in(language, request, v) for k, v in (getattr(term, "mapping", None) or {}).items()}
    msgid = str(getattr(term, "default", None) or term)
    if language == "vi":
        library = getattr(term, "domain", None) in LIBRARY_DOMAINS
        text = COLANDER_VI.get(msgid, msgid) if library else msgid
    else:
        # colander wraps our own Vietnamese messages (missing_msg=...) in its domain too:
        # the project's catalog first; a library's English msgid is left as it is
        text = request.localizer.translate(TranslationString(
            msgid, domain="tthc_docs", context=getattr(term, "context", None)))
    for key, value in mapping.items():
        text = text.replace("${%s}" % key, str(value))
    return text


def localize(request, text):
    """``text`` in the request's language: a fixed Vietnamese text, or a ``Message`` whole.

    For what is translated outside a page template's own translator (deform's
    renderer of the e-form); Vietnamese comes back as it is.
    """
    if request is None or request.locale_name == "vi" or not isinstance(text, str):
        return text
    if isinstance(text, Message):
        values = {name: localize(request, value) for name, value in text.values.items()}
        return request.localizer.translate(_(text.msgid, mapping=values))
    return request.localizer.translate(_(str(text)))


def fixed_words(request):
    """``words(msgid, context=None)``: a fixed message in the page's language, for Python
    that prepares a page's texts; from the table the templates' translations keep, so a
    word is looked up in the catalog once per language wherever it is shown."""
    translate = request.registry.queryUtility(IChameleonTranslate)
    language = request.locale_name
    if translate is None:       # no catalog registered: the Vietnamese msgid is the text
        return lambda msgid, context=None: msgid

    def words(msgid, context=None):
        return translate(msgid, domain="tthc_docs", context=context,
                         target_language=language, default=msgid)
    return words


#: Above this many kept tables the table of tables starts again (callers pass constants).
MAX_TABLES = 256
_tables = {}


def translated(request, table):
    """``{key: words}`` of a vocabulary ``table`` (a module's dict of Vietnamese words) in
    the page's language, made once per language and kept: a page that shows a table's
    words in every row looks them up, rather than translating each one by value."""
    key = (request.locale_name, id(table))
    kept = _tables.get(key)
    if kept is None or kept[0] is not table:       # an id reused by another object: anew
        if len(_tables) >= MAX_TABLES:
            _tables.clear()
        words = fixed_words(request)
        kept = _tables[key] = (table, {k: words(v) for k, v in table.items()})
    return kept[1]


def _keep_translations(registry):
    inner = registry.queryUtility(IChameleonTranslate)
    if inner is not None:
        registry.registerUtility(Translate(inner), IChameleonTranslate)


def includeme(config):
    config.set_locale_negotiator(locale_negotiator)
    config.add_translation_dirs("tthc_docs:locale/")
    # After pyramid_chameleon registers its translator (its action has order 1000).
    config.action(None, callable=_keep_translations, args=(config.registry,), order=1001)
