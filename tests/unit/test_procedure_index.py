"""The procedure search index: folding, facets, ranking, paging, upkeep."""
import pytest

from tthc_docs.catalog.index import ProcedureIndex


def _add(index, code, name, text="", field="Hộ tịch", level="commune",
         agencies=("000.00.20.H55",), state="published"):
    index.index(code, name=name, text=text, field=field, level=level,
                agencies=list(agencies), state=state)


@pytest.fixture
def index():
    idx = ProcedureIndex()
    _add(idx, "1.001193", "Đăng ký khai sinh", "Giấy chứng sinh; hộ tịch")
    _add(idx, "1.000894", "Đăng ký kết hôn", "Tờ khai; hộ tịch")
    _add(idx, "2.000815", "Chứng thực bản sao từ bản chính", "giấy tờ", field="Chứng thực")
    _add(idx, "1.004227", "Đăng ký biến động đất đai", "Hợp đồng chuyển nhượng", field="Đất đai",
         level="province", agencies=("000.00.09.H55",))
    _add(idx, "9.000001", "Thủ tục hộ tịch đặc biệt", "", state="draft")
    _add(idx, "9.000002", "Cấp bản sao trích lục", "trích lục hộ tịch; khai sinh")
    return idx


def _codes(index, q="", **kw):
    return index.search(q, **kw).codes


def test_query_without_marks_finds_marked_text(index):
    assert "1.001193" in _codes(index, "khai sinh")


def test_query_case_and_marks_do_not_matter(index):
    assert _codes(index, "ho tich") == _codes(index, "Hộ Tịch") == _codes(index, "HỘ TỊCH")


def test_every_word_must_match(index):
    assert _codes(index, "dang ky ket hon") == ["1.000894"]


def test_unknown_word_finds_nothing(index):
    result = index.search("xyzzy")
    assert result.codes == [] and result.total == 0


def test_last_word_matches_as_prefix(index):
    assert _codes(index, "chung thu") == ["2.000815"]


def test_phrase_in_name_ranks_before_words_elsewhere(index):
    assert _codes(index, "khai sinh")[0] == "1.001193"


def test_name_matches_rank_before_text_matches(index):
    # "Cấp bản sao trích lục" sorts first by name but has "khai sinh" only in its text.
    assert _codes(index, "khai sinh") == ["1.001193", "9.000002"]


def test_state_filter_hides_drafts(index):
    assert "9.000001" not in _codes(index, "ho tich", states=["published"])


def test_editors_see_drafts_without_state_filter(index):
    assert _codes(index, "ho tich")[0] == "9.000001"


def test_field_facet_accepts_label_or_slug(index):
    assert _codes(index, field="Đất đai") == _codes(index, field="dat-dai") == ["1.004227"]


def test_level_and_agency_facets(index):
    assert _codes(index, level="province") == _codes(index, agency="000.00.09.H55") == ["1.004227"]


def test_facet_counts_cover_the_whole_result(index):
    result = index.search("", states=["published"], limit=1)
    assert result.facets["field"] == {"ho-tich": 3, "chung-thuc": 1, "dat-dai": 1}


def test_paging(index):
    first = index.search("", limit=2)
    second = index.search("", start=2, limit=2)
    assert first.total == 6 and len(first.codes) == 2 and not set(first.codes) & set(second.codes)


def test_browse_order_is_by_folded_name(index):
    codes = _codes(index, states=["published"], limit=10)
    assert codes[0] == "9.000002"  # "Cấp bản sao ..." sorts first


def test_reindex_replaces_old_words(index):
    _add(index, "1.001193", "Đăng ký khai sinh lưu động", "")
    assert "1.001193" not in _codes(index, "giay chung sinh") and "1.001193" in _codes(index, "luu dong")


def test_unindex_forgets_everything(index):
    index.unindex("1.004227")
    assert _codes(index, "dat dai") == [] and "dat-dai" not in index.facet_values("field")


def test_search_by_code(index):
    assert _codes(index, "1.004227") == ["1.004227"]


def test_facet_counts_by_intersection_match_the_tally(index, monkeypatch):
    from tthc_docs.catalog import index as procedure_index
    tallied = index.search("").facets
    monkeypatch.setattr(procedure_index, "TALLY_MAX", 0)
    assert index.search("").facets == tallied


def test_summary_comes_from_the_index(index):
    assert index.summary("1.004227") == {"name": "Đăng ký biến động đất đai", "field": "Đất đai",
                                         "level": "province", "state": "published"}
