"""The built default site in a real browser: keyboard access and privacy."""

from __future__ import annotations

import pytest

PAGES = ["", "aanbod/peuter-in-zicht/", "themas/opvoeden/", "organisaties/", "ouders/"]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGES)
def test_first_tab_stop_is_the_skip_link_to_the_content(browser, base_url: str, path: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.classList.contains('cjg-skip'), "
                            "document.activeElement.textContent.trim()]")
    assert focused == [True, "Naar de inhoud"]
    box = page.locator(".cjg-skip").bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, "skip link must be visible when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_requests_to_other_origins_and_no_cookies(browser, base_url: str, path: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + path, wait_until="networkidle")
    foreign = [url for url in requests if not url.startswith(base_url) and not url.startswith(("data:", "blob:"))]
    assert foreign == []
    assert context.cookies() == []
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0
    context.close()


def test_content_links_are_underlined(browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "aanbod/peuter-in-zicht/")
    decoration = page.eval_on_selector(".md-content a[href*='organisaties']",
                                       "a => getComputedStyle(a).textDecorationLine")
    assert "underline" in decoration
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_pages_satisfy_their_content_security_policy(browser, base_url: str, path: str) -> None:
    page = browser.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    page.goto(base_url + path, wait_until="networkidle")
    assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
    page.locator("input.md-search__input").click()  # starts the search worker
    page.keyboard.type("cursus")
    page.wait_for_timeout(500)
    assert [m for m in messages if "Content Security Policy" in m or "Refused" in m] == []
    page.close()
