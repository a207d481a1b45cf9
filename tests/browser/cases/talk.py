"""Talking together: the coach, a circle's talk page, a guided conversation at every step
(as the one who acts and the one who waits), the break, and a conflict round. The visits
are in tests/browser/talk_pages.py."""

from tests.browser import talk_pages as talk
from tests.browser.cases.common import Case, circle_page, go, with_errors


CASES = [
    Case("in-talk-home", "talk:home", go("/talk/"), "alex"),
    Case("in-talk-home-no-circle", "talk:home", go("/talk/"), "newcomer"),
    Case("in-coach-empty", "talk:coach", go("/talk/coach/"), "alex"),
    Case("in-coach-findings", "talk:coach", talk.coach_checked("You never listen. Whatever 🙄"), "alex"),
    Case("in-coach-kind", "talk:coach", talk.coach_checked("Thank you for dinner."), "alex"),
    Case("in-coach-crisis", "talk:coach", talk.coach_checked("I don't want to be here anymore, I have the pills ready"), "alex"),
    Case("es-coach-crisis", "talk:coach", talk.coach_checked("ya no quiero vivir"), "ana"),
    Case("in-coach-afraid", "talk:coach", talk.coach_checked("You are controlling and I am scared of you."), "alex"),
    Case("in-coach-errors", "talk:coach", with_errors("/talk/coach/", "Check my draft"), "alex"),
    Case("in-talk-circle", "talk:circle", lambda p, d, s: p.goto(circle_page("talk/")(d)), "alex"),
    Case("in-talk-circle-errors", "talk:circle", with_errors(circle_page("talk/"), "Start the conversation"), "alex"),
    Case("in-talk-conflict-new-errors", "talk:conflict_new", talk.conflict_new_with_errors, "alex"),
    Case("in-conversation-speak", "talk:conversation", talk.conversation_at(), "alex"),
    Case("in-conversation-waiting", "talk:conversation", talk.conversation_at(), "sam"),
    Case("in-conversation-paraphrase", "talk:conversation", talk.conversation_at(talk.SPOKE), "sam"),
    Case("in-conversation-confirm", "talk:conversation", talk.conversation_at(talk.SPOKE, talk.HEARD), "alex"),
    Case("in-conversation-coach", "talk:conversation", talk.conversation_then("check", text="You always do this."), "alex"),
    Case("in-conversation-errors", "talk:conversation", talk.conversation_then("speak"), "alex"),
    Case("in-conversation-break-errors", "talk:conversation", talk.conversation_then("time_out", minutes="5"), "alex"),
    Case("in-conversation-break", "talk:conversation", talk.conversation_on_break(over=False), "alex"),
    Case("in-conversation-break-over", "talk:conversation", talk.conversation_on_break(over=True), "alex"),
    Case("in-conversation-returned", "talk:conversation", talk.conversation_after_return, "alex"),
    Case("in-conversation-ended", "talk:conversation", talk.conversation_ended, "alex"),
    Case("in-conversation-reader-help", "talk:conversation", talk.conversation_read_by_the_threatened, "sam"),
    Case("in-conversation-partner-left", "talk:conversation", talk.conversation_partner_left, "alex"),
    Case("narrow-in-conversation-paraphrase", "talk:conversation", talk.conversation_at(talk.SPOKE), "sam", 320),
    Case("es-conversation", "talk:conversation", talk.conversation_at(circle="walking", starter="ana", partner="jo"), "ana"),
    Case("in-conflict-views", "talk:conflict", talk.conflict_at("views"), "alex"),
    Case("in-conflict-errors", "talk:conflict", talk.conflict_with_errors, "alex"),
    Case("in-conflict-reflecting", "talk:conflict", talk.conflict_at("reflecting"), "alex"),
    Case("in-conflict-brainstorming", "talk:conflict", talk.conflict_at("brainstorming"), "alex"),
    Case("in-conflict-agreeing", "talk:conflict", talk.conflict_at("agreeing"), "alex"),
    Case("in-conflict-agreed", "talk:conflict", talk.conflict_at("agreed"), "alex"),
    Case("in-conflict-reader-help", "talk:conflict", talk.conflict_read_by_the_threatened, "alex"),
    Case("in-conflict-closed", "talk:conflict", talk.conflict_at("closed"), "alex"),
    Case("narrow-in-conflict-agreeing", "talk:conflict", talk.conflict_at("agreeing"), "alex", 320),
]
