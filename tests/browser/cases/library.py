"""The library: the list and search, guidelines, articles with replies in every state.
The visits are in tests/browser/library_pages.py."""

from tests.browser import library_pages as library
from tests.browser.cases.common import Case, go


CASES = [
    Case("out-library", "library:list", library.library_page("/library/")),
    Case("out-library-search-none", "library:list", library.library_page("/library/?q=zebra")),
    Case("out-library-tag", "library:list", library.library_page("/library/?tag=anxiety&q=talk")),
    Case("out-library-search-too-long", "library:list", library.library_page("/library/?q=" + "calm+" * 30)),
    Case("out-library-real", "library:list", go("/library/")),
    Case("out-library-guidelines", "library:guidelines", go("/library/guidelines/")),
    Case("out-library-article", "library:article", library.library_page(library.ARTICLE, with_conversation=True)),
    Case("out-library-real-article", "library:article", library.real_article),
    # The partner-violence article: its quick exit and region line, in English, Spanish and on a phone.
    Case("out-library-partner-violence", "library:article", library.partner_violence_article),
    Case("es-library-partner-violence", "library:article", library.partner_violence_article, "ana"),
    Case("narrow-library-partner-violence", "library:article", library.partner_violence_article, None, 320),
    Case("in-library-article-held-and-hidden", "library:article", library.library_page(library.ARTICLE, True), "alex"),
    Case("in-library-reply-errors", "library:article", library.reply_errors, "alex"),
    Case("in-library-crisis-reply", "library:article", library.crisis_reply, "newcomer"),
    Case("in-library-respond", "library:respond", library.respond, "alex"),
    Case("es-library-article", "library:article", library.library_page(library.ARTICLE, True), "ana"),
    Case("narrow-library-article", "library:article", library.library_page(library.ARTICLE, True), "alex", 320),
]
