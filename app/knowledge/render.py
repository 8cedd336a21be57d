"""Knowledge Markdown to safe HTML: rendered server-side, then sanitised with an allow-list."""
from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {"p", "ol", "ul", "li", "code", "pre", "em", "strong", "a", "br", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def markdown_to_html(text: str) -> str:
    """Knowledge text is curated but still untrusted: raw HTML in it never reaches a page."""
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https"}, link_rel="noopener noreferrer nofollow")
