"""Knowledge Markdown becomes HTML that is safe to put in a page: Markdown kept, raw HTML and
unsafe links removed."""
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.knowledge.render import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, markdown_to_html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


# --- Markdown is kept -------------------------------------------------------------------

def test_steps_render_as_lists_with_inline_code():
    html = markdown_to_html("1. Run `az ml quota list`.\n2. Ask for **more** cores.\n\n- one\n- two")
    assert html == ("<ol>\n<li>Run <code>az ml quota list</code>.</li>\n<li>Ask for <strong>more</strong> "
                    "cores.</li>\n</ol>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>")


def test_emphasis_quotes_code_blocks_and_line_breaks_are_kept():
    html = markdown_to_html("*note*\n\n> quoted\n\n    code line\n\nline  \nbreak")
    assert [tag for tag, _ in tags(html)] == ["p", "em", "blockquote", "p", "pre", "code", "p", "br"]


def test_markup_inside_code_is_shown_not_run():
    html = markdown_to_html("Use `<script>` carefully:\n\n    <b>bold?</b>")
    assert "<code>&lt;script&gt;</code>" in html
    assert "<code>&lt;b&gt;bold?&lt;/b&gt;\n</code>" in html


def test_plain_text_special_characters_are_escaped():
    assert markdown_to_html("a < b & c") == "<p>a &lt; b &amp; c</p>"


# --- raw HTML never reaches the page ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "before <script>alert(1)</script> after",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<iframe src='https://evil.example'></iframe>",
    "<style>body { display: none }</style>",
])
def test_scripts_and_embedded_content_are_removed_with_their_content(text):
    html = markdown_to_html(text)
    assert "alert" not in html and "evil" not in html and "display" not in html
    assert all(tag in ALLOWED_TAGS for tag, _ in tags(html))


def test_event_handlers_and_styles_are_stripped():
    html = markdown_to_html("<a href='https://x.example' onclick='steal()' style='color:red'>x</a>"
                            " <img src=x onerror=alert(1)>")
    assert "onclick" not in html and "onerror" not in html and "style" not in html and "<img" not in html
    assert 'href="https://x.example"' in html


def test_tags_outside_the_allow_list_keep_only_their_text():
    assert markdown_to_html("<div class='x'>hello</div>") == "hello"
    assert markdown_to_html("# Heading") == "Heading"


def test_images_are_dropped():
    assert "<img" not in markdown_to_html("![diagram](https://x.example/d.png)")


# --- links ------------------------------------------------------------------------------

def test_web_links_are_kept_and_marked_external():
    html = markdown_to_html('See [the docs](https://learn.example/quota "Quota docs").')
    [(tag, attrs)] = tags(html)[1:]
    assert tag == "a"
    assert attrs == {"href": "https://learn.example/quota", "title": "Quota docs",
                     "rel": "noopener noreferrer nofollow"}


@pytest.mark.parametrize("target", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                                    "vbscript:msgbox", "mailto:someone@example.com"])
def test_links_with_other_schemes_lose_their_target_but_keep_their_text(target):
    html = markdown_to_html(f"[click]({target})")
    [(tag, attrs)] = tags(html)[1:]
    assert tag == "a" and "href" not in attrs
    assert ">click</a>" in html


@pytest.mark.parametrize("target", ["/entries/quota?lang=ko", "#steps"])
def test_links_within_the_site_are_kept(target):
    [(tag, attrs)] = tags(markdown_to_html(f"[see]({target})"))[1:]
    assert tag == "a" and attrs["href"] == target


def test_raw_html_links_are_held_to_the_same_rules():
    html = markdown_to_html('<a href="javascript:alert(1)" target="_blank">x</a>')
    assert "javascript" not in html and "target" not in html


# --- any text ---------------------------------------------------------------------------

_PIECES = st.sampled_from([
    "<script>", "</script>", "<a href='", "javascript:", "https://x.example", "'>", "</a>", "<img src=x ",
    "onerror=", "alert(1)", " onclick=\"", "\"", "[link](", ")", "`", "**", "\n", "\n\n", "- ", "1. ", "> ",
    "<div>", "<svg onload=x>", "<!--", "-->", "&lt;", "<", ">", "text", " ", "<iframe>", "<style>",
])


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=25).map("".join)))
def test_any_text_renders_to_allowed_tags_attributes_and_urls(text):
    for tag, attrs in tags(markdown_to_html(text)):
        assert tag in ALLOWED_TAGS
        for name, value in attrs.items():
            assert name == "rel" or name in ALLOWED_ATTRIBUTES.get(tag, set())
            if name == "href":
                assert value is not None and urlsplit(value).scheme in {"", "http", "https"}
