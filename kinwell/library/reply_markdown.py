"""Replies are plain text with a small, safe part of Markdown: paragraphs, line breaks,
*emphasis*, **strong**, lists and [links](https://...). Raw HTML is never parsed, and
the result is cleaned again with nh3 (an allow-list sanitiser), so whatever anyone
types, the page gets only these tags; links carry rel="nofollow ugc". No Django here."""

import nh3
from markdown_it import MarkdownIt

_reply_markdown = MarkdownIt("zero", {"html": False, "breaks": True}).enable(["emphasis", "link", "list", "newline"])
REPLY_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a"}


def render_reply(text: str) -> str:
    return nh3.clean(
        _reply_markdown.render(text or ""),
        tags=REPLY_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc",
    )
