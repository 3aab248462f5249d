"""An amount of đồng in Vietnamese words: 7500 -> "Bảy nghìn năm trăm đồng".

Documents that state money write the figure and then the amount in words
("Bằng chữ: …"), so that a figure cannot be altered unnoticed. How
Vietnamese reads numbers: groups of three digits with "nghìn", "triệu",
"tỷ" (and "nghìn tỷ" …) after them; a group after the first is read in full
("không trăm"), "linh" for a zero ten before a unit (một trăm linh năm),
"mười" for ten, "mươi" for twenty and up, "mốt" for a unit one after
twenty and up, "lăm" for a unit five after ten and up; groups of zeros are
not read.

Pure: no imports from the application.
"""
DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ")


def number_in_words(n):
    """A whole number ≥ 0 in Vietnamese words, lower case ("hai mươi mốt")."""
    if n < 0:
        return "âm " + number_in_words(-n)
    if n == 0:
        return DIGITS[0]
    groups = []
    while n:
        n, rest = divmod(n, 1000)
        groups.append(rest)
    words = []
    for rank in range(len(groups) - 1, -1, -1):
        group = groups[rank]
        if group == 0:
            continue
        words += _group(group, full=rank < len(groups) - 1)
        words += _scale(rank)
    return " ".join(words)


def _scale(rank):
    """The scale words after group ``rank`` (0 units, 1 nghìn, 2 triệu, 3 tỷ, 4 nghìn tỷ …)."""
    if rank == 0:
        return []
    words = [SCALES[rank % 3]] if rank % 3 else []
    return words + ["tỷ"] * (rank // 3)


def _group(value, full):
    """Words of 1..999; ``full``: not the leading group, so hundreds and "linh" are read."""
    hundreds, tens, units = value // 100, value // 10 % 10, value % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        words.append(_unit(units, tens))
    return words


def _unit(units, tens):
    if units == 1 and tens >= 2:
        return "mốt"
    if units == 5 and tens >= 1:
        return "lăm"
    return DIGITS[units]


def dong_in_words(amount):
    """'Bảy nghìn năm trăm đồng': the amount in words, capitalised, with the currency."""
    text = f"{number_in_words(int(amount))} đồng"
    return text[0].upper() + text[1:]
