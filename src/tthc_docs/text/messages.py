"""Sentences built in Python with values in them, translatable as a whole (pure).

Message ids are the Vietnamese texts (``locale/``), and a template translates
a value it shows by looking the text up: that works for a fixed sentence but
not for one with a value filled in ("Không có hồ sơ mã 000.00.20.H55-…"),
which no catalog entry can match. A :class:`Message` is that filled-in
Vietnamese text (so JSON, logs and tests read it as before: it *is* the
string) that also remembers its msgid with ``${name}`` placeholders and its
values; the page's translator (``web.i18n.Translate``) looks the msgid up and
fills the values in, translating those that are messages themselves.

    raise errors.NotFound(Message('Không có hồ sơ mã ${code}.', code=code))
"""


class Message(str):
    """Vietnamese text with the msgid and values that translate it.

    ``contexts``: the catalog's msgctxt of a value, when the value is itself
    a word to translate in a context (``{"action": "action"}``).
    """

    __slots__ = ('msgid', 'values', 'contexts')

    def __new__(cls, msgid, contexts=None, **values):
        text = msgid
        for name, value in values.items():
            text = text.replace('${%s}' % name, str(value))
        self = super().__new__(cls, text)
        self.msgid, self.values, self.contexts = msgid, values, dict(contexts or {})
        return self

    @property
    def template(self):
        """The msgid, by the name the error views use."""
        return self.msgid

    def __reduce__(self):
        """Pickled (a session, a ZODB record) as the msgid and values, never lost."""
        return (_rebuild, (self.msgid, dict(self.values), dict(self.contexts)))


def _rebuild(msgid, values, contexts=None):
    return Message(msgid, contexts, **values)
