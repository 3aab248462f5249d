"""Amounts in Vietnamese words, as a document writes them after the figure."""
import pytest

from tthc_docs.text.money_words import dong_in_words, number_in_words


@pytest.mark.parametrize("amount, words", [
    (0, "không"), (5, "năm"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"),
    (25, "hai mươi lăm"), (105, "một trăm linh năm"), (310, "ba trăm mười"),
    (1_001, "một nghìn không trăm linh một"), (7_500, "bảy nghìn năm trăm"),
    (15_000, "mười lăm nghìn"), (2_005_000, "hai triệu không trăm linh năm nghìn"),
    (1_000_500, "một triệu năm trăm"), (1_000_000_000, "một tỷ"),
    (1_234_567_890, "một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm "
                    "chín mươi"),
    (1_000_000_000_000, "một nghìn tỷ"),
])
def test_numbers_read_as_vietnamese_reads_them(amount, words):
    assert number_in_words(amount) == words


def test_an_amount_of_dong_is_capitalised_and_names_the_currency():
    assert dong_in_words(7_500) == "Bảy nghìn năm trăm đồng"
