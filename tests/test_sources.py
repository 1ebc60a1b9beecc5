"""The ten source articles: one file each, exactly as the captured page has them."""

from pathlib import Path

import pytest

from timeline_app.data.paths import ROOT, SOURCES_DIR
from timeline_app.data.sources import load_articles

# The page as received: kept outside the repo in shared/ (see events/sources/README.md).
SHARED_PAGE = ROOT.parent / "shared" / "source-texts" / "we-stand-for-workers-liberty.txt"


def test_ten_articles_with_titles():
    articles = load_articles(SOURCES_DIR)
    assert len(articles) == 10
    assert articles["joseph-stalin"].title == "Who was Joseph Stalin?"
    assert articles["lenin"].body.startswith("Vladimir Lenin (1869-1924)")
    for article in articles.values():
        assert article.title and article.body.rstrip().endswith(("...", "abortion."))


def test_header_and_cookie_notice_are_not_articles():
    text = "".join(a.text for a in load_articles(SOURCES_DIR).values())
    assert "cookies" not in text
    assert "We Stand For Workers' Liberty" not in text


@pytest.mark.skipif(not SHARED_PAGE.exists(), reason="the captured page lives in ../shared, beside the clone")
def test_every_article_is_verbatim_in_the_captured_page():
    page = SHARED_PAGE.read_text(encoding="utf-8")
    for article in load_articles(SOURCES_DIR).values():
        assert f"{article.title}\n\n{article.body.rstrip(chr(10))}" in page


def test_adding_an_article_is_adding_a_file(tmp_path: Path):
    (tmp_path / "paris-commune.txt").write_text("The Paris Commune\n\nIn 1871 ...\n", encoding="utf-8")
    articles = load_articles(tmp_path)
    assert list(articles) == ["paris-commune"]
    assert articles["paris-commune"].title == "The Paris Commune"
    assert articles["paris-commune"].body == "In 1871 ...\n"
