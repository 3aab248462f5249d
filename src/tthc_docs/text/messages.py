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
    """Vietnamese text with the msgid and values that translate it."""

    __slots__ = ('msgid', 'values')

    def __new__(cls, msgid, **values):
        text = msgid
        for name, value in values.items():
            text = text.replace('${%s}' % name, str(value))
        self = super().__new__(cls, text)
        self.msgid, self.values = msgid, values
        return self

    def __reduce__(self):
        """Pickled (a session, a ZODB record) as the msgid and values, never lost."""
        return (_rebuild, (self.msgid, dict(self.values)))


def _rebuild(msgid, values):
    return Message(msgid, **values)
