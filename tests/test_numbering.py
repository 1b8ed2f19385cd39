import pytest

from disclosures.numbering.labels import chinese_numeral, measure_label, part_label, problem_label, section_label


@pytest.mark.parametrize("n, expected", [
    (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (18, "十八"), (20, "二十"), (21, "二十一"),
    (45, "四十五"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五"),
])
def test_chinese_numerals(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


def test_labels_use_full_width_punctuation() -> None:
    assert part_label(4) == "四、"
    assert section_label(2) == "（二）"
    assert problem_label(14) == "（14）"
    assert measure_label(3) == "三是"


@pytest.mark.parametrize("bad", [0, -1, 10000])
def test_out_of_range(bad: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(bad)
