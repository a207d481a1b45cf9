"""Crisis resources as data, per country. Plain Python, no Django.

The United States is the default; an operator sets KINWELL_CRISIS_COUNTRY for another.
Every entry was checked against the service's own published contact details
(sources named per country). Labels are English msgids; templates translate them.
When a number changes, change it here and nowhere else.
"""

from dataclasses import dataclass, field

FIND_A_HELPLINE = "https://findahelpline.com/"


def _(message: str) -> str:
    """Marks text for the translation catalogue; templates translate it when shown."""
    return message


@dataclass(frozen=True)
class Action:
    label: str  # what the button says, e.g. "Call 988"
    href: str  # tel:, sms: or https:
    # Shown only to people reading Kinwell in this language, and first for them.
    language: str | None = None
    # Not shown to people reading in this language: they have an action of their own
    # (the Crisis Text Line's keyword is HOME in English and AYUDA in Spanish).
    except_language: str | None = None


@dataclass(frozen=True)
class Resource:
    key: str
    name: str
    description: str
    actions: tuple[Action, ...]
    # When it is shown: "always", "danger_from_others", or "more_options".
    when: str = "always"

    def actions_for(self, language: str | None) -> list[Action]:
        """The actions a reader in `language` sees: those in their own language first
        (988's Spanish options lead on a Spanish page), then the ones for everyone."""
        language = (language or "en").split("-")[0]
        own = [a for a in self.actions if a.language == language]
        general = [a for a in self.actions if a.language is None and a.except_language != language]
        return own + general


@dataclass(frozen=True)
class CountryResources:
    code: str
    name: str
    emergency: Action
    emergency_text: str
    # Short phrases for sentences of our own, so no page or email names a number of
    # another country: "If you feel unsafe, {crisis_line}, any hour."
    emergency_number: str = ""
    crisis_line: str = ""
    resources: tuple[Resource, ...] = field(default_factory=tuple)
    source: str = ""

    def for_panel(self, *, danger_from_others: bool = False) -> list[Resource]:
        """Danger from someone else puts the domestic-violence line before the crisis lines."""
        always = [r for r in self.resources if r.when == "always"]
        return [*self.domestic_violence(), *always] if danger_from_others else always

    def more_options(self) -> list[Resource]:
        return [r for r in self.resources if r.when == "more_options"]

    def domestic_violence(self) -> list[Resource]:
        return [r for r in self.resources if r.when == "danger_from_others"]


COUNTRIES = {
    "US": CountryResources(
        code="US",
        name=_("the United States"),
        emergency=Action(_("Call 911"), "tel:911"),
        emergency_text=_("If someone is in immediate danger, call 911 or go to the nearest emergency department."),
        emergency_number="911",
        crisis_line=_("call or text 988"),
        source="988lifeline.org, crisistextline.org, veteranscrisisline.net, thetrevorproject.org, thehotline.org",
        resources=(
            Resource(
                key="988",
                name=_("988 Suicide & Crisis Lifeline"),
                description=_("Free and confidential, any hour. Call or text 988, or chat online. "
                "You can reach out for yourself or for someone you care about. Spanish is available."),
                actions=(
                    Action(_("Call 988"), "tel:988"),
                    Action(_("Text 988"), "sms:988"),
                    Action(_("Chat at 988lifeline.org"), "https://988lifeline.org/chat/"),
                    # 988's Spanish-language service: press 2 on a call, text AYUDA, or chat.
                    Action(_("Call 988 and press 2 for Spanish"), "tel:988", language="es"),
                    Action(_("Text AYUDA to 988"), "sms:988?&body=AYUDA", language="es"),
                    Action(_("Chat in Spanish at 988lineadevida.org"), "https://988lineadevida.org/", language="es"),
                ),
            ),
            Resource(
                key="crisis-text-line",
                name=_("Crisis Text Line"),
                description=_("Text HOME to 741741 to reach a trained volunteer crisis counselor, any hour."),
                actions=(
                    # In Spanish the keyword is AYUDA (crisistextline.org/es).
                    Action(_("Text AYUDA to 741741"), "sms:741741?&body=AYUDA", language="es"),
                    Action(_("Text HOME to 741741"), "sms:741741?&body=HOME", except_language="es"),
                ),
            ),
            Resource(
                key="domestic-violence",
                name=_("National Domestic Violence Hotline"),
                description=_("If someone is hurting, threatening or controlling you: free, confidential support, "
                "any hour. Call 1-800-799-7233 or text START to 88788."),
                actions=(
                    Action(_("Call 1-800-799-7233"), "tel:18007997233"),
                    Action(_("Text START to 88788"), "sms:88788?&body=START"),
                ),
                when="danger_from_others",
            ),
            Resource(
                key="veterans",
                name=_("Veterans Crisis Line"),
                description=_("For veterans, service members and their families: dial 988 and press 1, "
                "or text 838255."),
                actions=(Action(_("Call 988, then press 1"), "tel:988"), Action(_("Text 838255"), "sms:838255")),
                when="more_options",
            ),
            Resource(
                key="trevor",
                name=_("The Trevor Project"),
                description=_("For LGBTQ+ young people: call 1-866-488-7386 or text START to 678-678, any hour."),
                actions=(
                    Action(_("Call 1-866-488-7386"), "tel:18664887386"),
                    Action(_("Text START to 678-678"), "sms:678678?&body=START"),
                ),
                when="more_options",
            ),
        ),
    ),
    "CA": CountryResources(
        code="CA",
        name=_("Canada"),
        emergency=Action(_("Call 911"), "tel:911"),
        emergency_text=_("If someone is in immediate danger, call 911 or go to the nearest emergency department."),
        emergency_number="911",
        crisis_line=_("call or text 9-8-8"),
        source="988.ca",
        resources=(
            Resource(
                key="988",
                name=_("9-8-8 Suicide Crisis Helpline"),
                description=_("Call or text 9-8-8, any hour, in English or French."),
                actions=(Action(_("Call 988"), "tel:988"), Action(_("Text 988"), "sms:988")),
            ),
        ),
    ),
    "GB": CountryResources(
        code="GB",
        name=_("the United Kingdom"),
        emergency=Action(_("Call 999"), "tel:999"),
        emergency_text=_("If someone is in immediate danger, call 999 or go to A&E."),
        emergency_number="999",
        crisis_line=_("call Samaritans free on 116 123"),
        source="samaritans.org, giveusashout.org",
        resources=(
            Resource(
                key="samaritans",
                name=_("Samaritans"),
                description=_("Call 116 123 for free, any hour."),
                actions=(Action(_("Call 116 123"), "tel:116123"),),
            ),
            Resource(
                key="shout",
                name=_("Shout"),
                description=_("Text SHOUT to 85258, any hour."),
                actions=(Action(_("Text SHOUT to 85258"), "sms:85258?&body=SHOUT"),),
            ),
        ),
    ),
    "ES": CountryResources(
        code="ES",
        name=_("España"),
        emergency=Action(_("Call 112"), "tel:112"),
        emergency_text=_("If someone is in immediate danger, call 112."),
        emergency_number="112",
        crisis_line=_("call the 024 line"),
        source="sanidad.gob.es (línea 024)",
        resources=(
            Resource(
                key="024",
                name=_("Línea 024"),
                description=_("Suicide prevention line, free and confidential, any hour."),
                actions=(Action(_("Call 024"), "tel:024"),),
            ),
        ),
    ),
    "MX": CountryResources(
        code="MX",
        name=_("México"),
        emergency=Action(_("Call 911"), "tel:911"),
        emergency_text=_("If someone is in immediate danger, call 911."),
        emergency_number="911",
        crisis_line=_("call Línea de la Vida on 800 911 2000"),
        source="gob.mx (Línea de la Vida)",
        resources=(
            Resource(
                key="linea-de-la-vida",
                name=_("Línea de la Vida"),
                description=_("Call 800 911 2000, free, any hour."),
                actions=(Action(_("Call 800 911 2000"), "tel:8009112000"),),
            ),
        ),
    ),
    "AU": CountryResources(
        code="AU",
        name=_("Australia"),
        emergency=Action(_("Call 000"), "tel:000"),
        emergency_text=_("If someone is in immediate danger, call 000."),
        emergency_number="000",
        crisis_line=_("call Lifeline on 13 11 14"),
        source="lifeline.org.au",
        resources=(
            Resource(
                key="lifeline",
                name=_("Lifeline"),
                description=_("Call 13 11 14 or text 0477 13 11 14, any hour."),
                actions=(Action(_("Call 13 11 14"), "tel:131114"), Action(_("Text 0477 13 11 14"), "sms:0477131114")),
            ),
        ),
    ),
}


def resources_for(country_code: str) -> CountryResources:
    return COUNTRIES.get((country_code or "US").upper(), COUNTRIES["US"])
