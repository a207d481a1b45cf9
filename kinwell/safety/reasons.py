"""The crisis detector's answer: a level and the reasons for it, and what callers may
read from the reasons (partner violence, worry for someone else, a threat to the reader,
the writer's own risk). Pure Python, no Django; detector.py re-exports all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .safety_net import REASON as SAFETY_NET

LEVELS = ("none", "concern", "urgent")
NONE, CONCERN, URGENT = 0, 1, 2

# Order in which reasons are reported (most serious first), so callers get stable output.
# The self-directed categories follow the Columbia Suicide Severity Rating Scale's ladder
# (wish to be dead, active ideation, ideation with a method, intent, plan, preparatory
# behaviour, an attempt); farewell, self-harm and the partner-violence tier sit beside it.
SIGNALS = (
    "attempt",               # an attempt in progress or just made
    "preparation",           # means gathered or at hand, a note written, things given away
    "plan",                  # a how, a when or a where
    "intent",                # "I am going to", a decision made
    "ideation_with_method",  # thinking of a way, without a plan
    "active_ideation",       # wanting to kill oneself
    "wish_to_be_dead",       # wishing not to wake up, to be gone
    "farewell",              # goodbyes and finality
    "self_harm",
    "hopelessness",
    "burden",
    "strangulation",         # choking by someone else: a strong warning sign of homicide
    "threat_to_kill",        # someone threatened to kill the writer (or themselves, to control)
    "danger_from_others",    # being hit, hurt or threatened by someone
    "coercive_control",      # checking, isolating, controlling money, fear of a partner
    "threat_to_reader",      # the writer threatens the person the text is addressed to
    "worry_for_other",
    "suicide_loss",
    SAFETY_NET,  # "distress_safety_net": only the net spoke (see safety_net.py)
)
SIGNAL_RANK = {s: i for i, s in enumerate(SIGNALS)}

# Reasons that say the danger comes from another person. When one is present nothing
# automatic may reach anyone: the person to be told could be the one who is the danger.
DANGER_FROM_OTHERS = frozenset({"strangulation", "threat_to_kill", "danger_from_others", "coercive_control"})
# The partner-violence tier: 911 first, the domestic-violence hotline before 988.
PARTNER_VIOLENCE_URGENT = frozenset({"strangulation", "threat_to_kill"})
# About someone else: the writer is worried for them (or the text threatens its reader).
ABOUT_SOMEONE_ELSE = frozenset({"worry_for_other", "threat_to_reader"})
# The writer's own risk of suicide or self-harm: the only reasons that may ever send the
# message a person arranged in advance in their safety plan.
SELF_DIRECTED = frozenset({
    "attempt", "preparation", "plan", "intent", "ideation_with_method", "active_ideation",
    "wish_to_be_dead", "farewell", "self_harm",
})
# The C-SSRS ladder, lowest rung first. Where two rungs match the same words ("I'm going
# to kill myself" is active ideation and intent), only the higher one is reported.
LADDER = (
    "wish_to_be_dead", "active_ideation", "ideation_with_method", "intent", "plan", "preparation", "attempt",
)
RUNG = {s: i for i, s in enumerate(LADDER)}


@dataclass(frozen=True)
class Assessment:
    level: str
    reasons: tuple[str, ...] = ()

    @property
    def danger_from_others(self) -> bool:
        """Someone is hurting, threatening or controlling the writer: show partner-violence help."""
        return not DANGER_FROM_OTHERS.isdisjoint(self.reasons)

    @property
    def partner_violence_urgent(self) -> bool:
        """Strangulation or a threat to kill: 911 first, then the domestic-violence hotline."""
        return not PARTNER_VIOLENCE_URGENT.isdisjoint(self.reasons)

    @property
    def strangulation(self) -> bool:
        return "strangulation" in self.reasons

    @property
    def worry_for_other(self) -> bool:
        """The writer is worried about someone else: show supporter guidance."""
        return "worry_for_other" in self.reasons

    @property
    def threatens_reader(self) -> bool:
        """The text threatens the person it is written to: they (not the writer) need help."""
        return "threat_to_reader" in self.reasons

    @property
    def self_directed(self) -> bool:
        """Only the writer's own risk is in play: no danger from anyone else, no worry for
        someone else. Only then may anything automatic tell the person's chosen contact."""
        return (
            not SELF_DIRECTED.isdisjoint(self.reasons)
            and DANGER_FROM_OTHERS.isdisjoint(self.reasons)
            and ABOUT_SOMEONE_ELSE.isdisjoint(self.reasons)
        )

    def to_dict(self) -> dict:
        return {"level": self.level, "reasons": list(self.reasons)}


NO_CONCERN = Assessment("none", ())
