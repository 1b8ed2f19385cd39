"""The notice-board poster and the "在手机上打开" code in real Chromium, with the QR codes decoded by zbar
(Debian's zbar-tools): the poster page and its A4 and A3 PDFs (made by the build's Chromium print path,
DISCLOSURE_POSTER_PDF=1) hold the title, the window and every channel, and two codes that decode to the
notice and to its feedback block; the notice page's code decodes to the page's address, shows at 1280 px
and hides on a phone and in print. Screenshots and the PDFs go to artifacts/ for people to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REAL_ID, ROOT, Build, build_with, serve
from helpers import combine_data, normalise

from disclosures.publish import manifest

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts"
SITE_URL = "https://disclosures.example.org/"
FICTIONAL_ID = "lakeside-bureau-2025-03-10"
NOTICE_URL = f"{SITE_URL}disclosures/{REAL_ID}/"
FEEDBACK_URL = f"{SITE_URL}feedback/#{REAL_ID}"


def zbar(image: Path) -> list[str]:
    """Every QR code zbarimg finds in an image, decoded."""
    result = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                            capture_output=True, text=True)
    assert result.returncode in (0, 4), result.stderr  # 4: nothing found
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, fictional_data: Path) -> Build:
    tmp = tmp_path_factory.mktemp("posters")
    data = combine_data(tmp / "data", ROOT / "data", *(ROOT / "data" / "disclosures").glob("*.yml"),
                        fictional_data / "disclosures" / f"{FICTIONAL_ID}.yml")
    build = build_with(tmp / "site", data, extra_env={"DISCLOSURE_POSTER_PDF": "1"})
    assert build.ok, build.result.stderr
    return build


@pytest.fixture(scope="module")
def server(site: Build):
    httpd, url = serve(site.site)
    yield url
    httpd.shutdown()


def _pdf(site: Build, notice_id: str, size: str) -> Path:
    return site.site / "disclosures" / notice_id / "poster" / f"poster-{notice_id}-{size}.pdf"


def _pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.mark.parametrize("size, paper", [("a4", "(A4)"), ("a3", "(A3)")])
def test_poster_pdfs_are_one_sheet_with_title_window_channels_and_two_codes(site: Build, tmp_path: Path,
                                                                           size: str, paper: str) -> None:
    pdf = _pdf(site, REAL_ID, size)
    info = _pdf_info(pdf)
    assert info["Pages"] == "1" and info["Page size"].endswith(paper), info
    text = normalise(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                    text=True, check=True).stdout)
    page = site.page(f"disclosures/{REAL_ID}/poster")
    for needed in ("中共中山市人民检察院党组关于巡察整改进展情况的通报", "2025年4月27日至5月11日", "全文见网站",
                   "0760-88883686", "中山市兴中道12号中山市人民检察院办公室", "528400", "gdszssjcy@sina.com"):
        assert normalise(needed) in text, needed
        assert needed in page
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(tmp_path / "sheet")], check=True)
    assert sorted(zbar(tmp_path / "sheet.png")) == sorted([NOTICE_URL, FEEDBACK_URL])
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy2(pdf, ARTIFACTS / f"poster-{size}.pdf")
    if size == "a4":
        shutil.copy2(tmp_path / "sheet.png", ARTIFACTS / "poster-a4.png")


def test_the_manifest_covers_the_poster_pdfs_and_verify_passes(site: Build) -> None:
    """The PDFs are printed before the serving files are written, so the manifest lists them."""
    entries = manifest.parse_manifest((site.site / manifest.MANIFEST).read_text(encoding="utf-8"))
    pdfs = [path for path in entries if path.endswith(".pdf")]
    assert sorted(pdfs) == sorted(f"disclosures/{n}/poster/poster-{n}-{size}.pdf"
                                  for n in (REAL_ID, FICTIONAL_ID) for size in ("a3", "a4"))
    assert entries[pdfs[0]] == manifest.file_sha256(site.site / pdfs[0])
    assert not manifest.verify(site.site)


def test_a_short_notice_fits_its_poster_whole(site: Build) -> None:
    info = _pdf_info(_pdf(site, FICTIONAL_ID, "a4"))
    assert info["Pages"] == "1"
    assert "全文见网站" not in site.page(f"disclosures/{FICTIONAL_ID}/poster")


def test_poster_page_codes_decode_to_the_notice_and_its_feedback_block(browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + f"disclosures/{REAL_ID}/poster/")
    decoded = []
    for n, code in enumerate(page.locator(".dsc-poster svg.dsc-qr").all()):
        code.screenshot(path=tmp_path / f"code-{n}.png")
        decoded += zbar(tmp_path / f"code-{n}.png")
    assert decoded == [NOTICE_URL, FEEDBACK_URL]
    # The feedback code leads to an element with that id on the feedback page.
    page.goto(server + f"feedback/#{REAL_ID}")
    assert page.locator(f"[id='{REAL_ID}']").count() == 1
    context.close()


def test_printing_the_poster_page_prints_only_the_sheet(browser, server: str) -> None:
    """A4 at 96 dpi is 794 px wide: the print view as a screenshot, and the paper's text."""
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(server + f"disclosures/{REAL_ID}/poster/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll(
        ".md-header, .md-footer, .md-sidebar, .dsc-poster-screen, .dsc-subscribe")]
        .filter((el) => el.getClientRects().length > 0).map((el) => el.className)""")
    assert shown == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".dsc-poster").screenshot(path=ARTIFACTS / "poster-a4-print-view.png")
    context.close()


def test_notice_page_offers_its_address_as_a_code_on_wide_screens_only(browser, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + f"disclosures/{REAL_ID}/")
    code = page.locator("aside.dsc-phone-qr")
    assert code.is_visible()
    assert "在手机上打开" in code.inner_text()
    box = code.locator("svg").bounding_box()
    assert 90 <= box["width"] <= 160  # small, beside the facts
    code.locator("svg").screenshot(path=tmp_path / "phone.png")
    assert zbar(tmp_path / "phone.png") == [NOTICE_URL]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "notice-qr-1280.png")
    page.emulate_media(media="print")
    assert not code.is_visible()
    context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    page = phone.new_page()
    page.goto(server + f"disclosures/{REAL_ID}/")
    assert not page.locator("aside.dsc-phone-qr").is_visible()
    assert page.locator(".dsc-poster-link a").is_visible()  # the poster is linked on every screen
    phone.close()
