import pytest

from disclosures.core.typography import to_fullwidth


@pytest.mark.parametrize("raw, expected", [
    ("根据市委统一部署,2024年4月1日", "根据市委统一部署，2024年4月1日"),
    ("具体情况如下:", "具体情况如下："),
    ("党组(以下简称“市检察院党组”)开展巡察", "党组（以下简称“市检察院党组”）开展巡察"),
    ("0760-88883686(工作时间08:30—17:30);邮政", "0760-88883686（工作时间08:30—17:30）；邮政"),
    ("同比增长9.96%,二是", "同比增长9.96%，二是"),
    ("不断向好。 2024年", "不断向好。2024年"),
])
def test_chinese_punctuation_becomes_full_width(raw: str, expected: str) -> None:
    assert to_fullwidth(raw) == expected


@pytest.mark.parametrize("kept", ["1,000", "08:30", "1.8万", "gdszssjcy@sina.com", "https://a.example/x:y,z", "(a)"])
def test_numbers_times_and_addresses_are_left_alone(kept: str) -> None:
    assert to_fullwidth(kept) == kept
