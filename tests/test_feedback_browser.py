"""The feedback page in real headless Chromium: copy buttons reach the clipboard, printing gives the envelope."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from conftest import REAL_ID
from helpers import normalise

from disclosures.core.timewindow import BEIJING

pytestmark = pytest.mark.browser

VALUES = ["0760-88883686", "中山市兴中道12号中山市人民检察院办公室", "528400", "gdszssjcy@sina.com"]  # channel order
ENVELOPE = ["528400", "中山市兴中道12号中山市人民检察院办公室", "对中共中山市人民检察院党组关于巡察整改落实情况的意见建议"]
# Text that only the site chrome carries: header, navigation, search, TOC, footer.
CHROME = ["首页", "公示公告", "搜索", "目录", "主办单位"]
BUTTONS = ["复制", "打印信封信息"]  # also words of the intro, so they are counted


def test_each_copy_button_puts_its_value_on_the_clipboard(browser, real_server: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(real_server + "feedback/")
    buttons = page.locator(f"#{REAL_ID} button.dsc-copy")
    assert buttons.count() == len(VALUES)
    for i, value in enumerate(VALUES):
        button = buttons.nth(i)
        assert button.is_visible()
        button.click()
        page.wait_for_function("t => document.querySelector('[data-copy-status]').textContent === t",
                               arg=f"已复制：{value}")
        assert page.evaluate("navigator.clipboard.readText()") == value
        assert button.text_content() == "已复制"
    status = page.locator("[data-copy-status]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    context.close()


def test_copy_falls_back_when_the_async_clipboard_is_missing(browser, real_server: str) -> None:
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                            "document.addEventListener('copy', () => {"
                            "  window.__copied = String(document.getSelection() || '') ||"
                            "    (document.activeElement && document.activeElement.value); });")
    page = context.new_page()
    page.goto(real_server + "feedback/")
    page.locator(f"#{REAL_ID} .dsc-channel--phone button.dsc-copy").click()
    page.wait_for_function("() => document.querySelector('[data-copy-status]').textContent !== ''")
    assert page.evaluate("window.__copied") == "0760-88883686"
    assert page.locator("[data-copy-status]").text_content() == "已复制：0760-88883686"
    context.close()


def pdf_text(page, path: Path) -> str:
    page.pdf(path=str(path), format="A4")
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                            check=True)
    return normalise(result.stdout)


def test_printing_the_feedback_page_gives_the_envelope_without_chrome(browser, real_server: str,
                                                                      tmp_path: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(real_server + "feedback/")
    screen = normalise(page.locator("body").inner_text())
    intro = normalise(page.locator(".dsc-intro").inner_text())
    assert all(word in screen for word in ["首页", "公示公告", "主办单位"])  # the chrome is there on screen
    assert screen.count("复制") == intro.count("复制") + len(VALUES)
    text = pdf_text(page, tmp_path / "feedback.pdf")
    print(f"printed feedback page: {len(text)} characters")
    assert all(normalise(part) in text for part in ENVELOPE), text
    assert "意见反馈" in text and "0760-88883686" in text
    assert [word for word in CHROME if word in text] == []
    assert [text.count(word) for word in BUTTONS] == [intro.count(word) for word in BUTTONS]
    context.close()


def test_the_envelope_button_prints_only_that_envelope(browser, real_server: str, tmp_path: Path) -> None:
    context = browser.new_context()
    context.add_init_script("window.print = () => { window.__printed = true; };")
    page = context.new_page()
    page.goto(real_server + "feedback/")
    page.locator(f"#{REAL_ID} button[data-print-envelope]").click()
    assert page.evaluate("window.__printed") is True
    text = pdf_text(page, tmp_path / "envelope.pdf")
    assert all(normalise(part) in text for part in ENVELOPE), text
    assert "联系电话" not in text and "意见反馈" not in text  # only the envelope
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "意见反馈" in pdf_text(page, tmp_path / "after.pdf")  # back to the whole page
    context.close()


@pytest.mark.parametrize(("moment", "shown"), [
    (dt.datetime(2025, 4, 20, 9, 0, tzinfo=BEIJING), "upcoming"),
    (dt.datetime(2025, 5, 11, 23, 30, tzinfo=BEIJING), "open"),
    (dt.datetime(2025, 5, 20, 10, 0, tzinfo=BEIJING), "closed"),
])
def test_the_page_says_what_applies_on_the_day_it_is_read(browser, real_server: str, moment: dt.datetime,
                                                          shown: str) -> None:
    """Built on 2025-04-28 (open); read before, on the last evening of, and after the window."""
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(moment)
    page.goto(real_server + "feedback/", wait_until="load")
    block = page.locator(f"#{REAL_ID}")
    visible = [el.get_attribute("data-window-when") for el in block.locator("[data-window-when]").all()
               if el.is_visible()]
    assert visible == [shown]
    assert block.locator(".dsc-channel").count() == len(VALUES)  # the channels are always listed
    assert all(block.locator(".dsc-channel__value").nth(i).is_visible() for i in range(len(VALUES)))
    context.close()
