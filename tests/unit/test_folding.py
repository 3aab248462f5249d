"""Folding Vietnamese for search: marks, đ, case and spacing."""
import unicodedata

from tthc_docs.text.folding import fold, slug, tokenize


def test_fold_removes_tone_and_vowel_marks():
    assert fold("Hộ tịch") == "ho tich"


def test_fold_is_case_insensitive():
    assert fold("HỘ TỊCH") == fold("hộ tịch") == fold("Hộ Tịch")


def test_fold_plain_ascii_query_matches_marked_text():
    assert fold("ho tich") == fold("Hộ tịch")


def test_fold_maps_d_with_stroke():
    assert fold("Đăng ký đất đai") == "dang ky dat dai"


def test_fold_treats_nfc_and_nfd_alike():
    text = "Chứng thực bản sao"
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


def test_fold_collapses_whitespace():
    assert fold("  lý   lịch\t tư\npháp ") == "ly lich tu phap"


def test_fold_of_empty_or_none_is_empty():
    assert fold(None) == "" and fold("") == ""


def test_tokenize_splits_on_punctuation():
    assert tokenize("Lao động – Thương binh và Xã hội") == ["lao", "dong", "thuong", "binh", "va", "xa", "hoi"]


def test_tokenize_keeps_digits():
    assert tokenize("Nghị định 123/2015/NĐ-CP") == ["nghi", "dinh", "123", "2015", "nd", "cp"]


def test_slug_is_ascii_and_hyphenated():
    assert slug("Lý lịch tư pháp") == "ly-lich-tu-phap"
