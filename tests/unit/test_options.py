"""Words made ready in Python for pages (web/options.py, web/i18n.py): Chameleon's markup, kept per language."""
from pyramid import testing

from tthc_docs.web.options import fixed_options, options


def _vietnamese():
    request = testing.DummyRequest()
    request.locale_name = "vi"
    return request


def test_values_and_labels_are_escaped_as_the_template_escaped_them():
    rows = options([('a"b&<c>', "Tên <b> & \"x\"")])
    assert rows == '<option value="a&quot;b&amp;&lt;c&gt;">Tên &lt;b&gt; &amp; "x"</option>'


def test_the_chosen_row_alone_is_marked():
    rows = options([("1", "một"), ("2", "hai")], "2")
    assert rows.splitlines() == ['<option value="1">một</option>',
                                 '<option value="2" selected="selected">hai</option>']


def test_a_choice_that_is_not_offered_marks_nothing():
    assert "selected" not in options([("1", "một")], "9")
    assert "selected" not in options([("1", "một")], None)


def test_fixed_rows_are_built_once_per_language_and_list():
    choices = (("x", "Loại   giấy\n tờ"),)
    first = fixed_options(_vietnamese(), choices)
    assert first == '<option value="x">Loại giấy tờ</option>'   # whitespace as i18n:translate folds it
    assert fixed_options(_vietnamese(), choices) is first
    assert fixed_options(_vietnamese(), choices, "x") == \
        '<option value="x" selected="selected">Loại giấy tờ</option>'


def test_rows_are_markup_the_template_inserts_as_they_are():
    assert options([("1", "<")]).__html__() == '<option value="1">&lt;</option>'


def test_a_vocabulary_is_translated_once_per_language_and_table():
    from tthc_docs.web.i18n import translated
    table = {"a": "Tự tải lên"}
    first = translated(_vietnamese(), table)
    assert first == {"a": "Tự tải lên"} and translated(_vietnamese(), table) is first
    other = {"a": "Số hóa"}             # another table is never answered from this one's words
    assert translated(_vietnamese(), other) == {"a": "Số hóa"}
