"""Vietnamese first, English available: the locale of each request.

Message ids are the Vietnamese texts, so the ``vi`` locale needs no catalog;
``locale/en`` translates them.  The locale comes from the ``_LOCALE_``
cookie (set by ``@@language``), then Accept-Language, then ``vi``.
"""
from pyramid.i18n import TranslationStringFactory

_ = TranslationStringFactory("tthc_docs")


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


def includeme(config):
    config.set_locale_negotiator(locale_negotiator)
    config.add_translation_dirs("tthc_docs:locale/")
