"""The plan as pages and the API show it: reasons put into words in the reader's
language, and each checklist step with its title and where it leads."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kinwell.directory.facets import FACETS
from kinwell.support import needs, next_steps
from kinwell.support.models import PlanStep, SupportPlan
from kinwell.support.rules import Answers, Outline, Reason

FINDER_RADIUS = 25


def quoted(phrase: str) -> str:
    return pgettext(needs.QUOTE_CONTEXT, phrase)


class _Quotes(dict):
    def __missing__(self, key):  # a placeholder the person gave no answer for reads as nothing
        return ""


def reason_text(reason: Reason) -> str:
    quotes = _Quotes({key: get_text_list([quoted(p) for p in phrases], _("and")) for key, phrases in reason.quotes.items()})
    return _(reason.template).format_map(quotes)


def finder_query(facet_keys, zip_code: str) -> dict:
    params = {"zip": zip_code, "radius": FINDER_RADIUS}
    for key in facet_keys:
        params.setdefault(key.split(":", 1)[0], []).append(key)
    return params


def finder_url(facet_keys, zip_code: str) -> str:
    return f"{reverse('directory:finder')}?{urlencode(finder_query(facet_keys, zip_code), doseq=True)}"


def _specs(answers: Answers, outline: Outline) -> dict:
    specs = {(s.pathway, s.key): s for s in next_steps.safety_steps(danger_from_others=outline.danger_from_others)}
    for key in needs.PATHWAY_KEYS:
        specs.update({(s.pathway, s.key): s for s in next_steps.steps_for(key, answers)})
    return specs


def present_step(step: PlanStep, spec, zip_code: str) -> dict:
    item = {"step": step, "id": step.pk, "kind": step.kind, "done": step.done_at is not None,
            "title": step.own_text, "href": step.link or None, "finder": None}
    if step.kind == PlanStep.Kind.OWN or step.pathway == "saved":
        return item
    item["title"] = _(spec.title) if spec else _(PlanStep.Kind(step.kind).label)
    if step.kind == PlanStep.Kind.SAFETY:
        item["href"] = reverse("safety:plan")
    elif step.kind == PlanStep.Kind.MESSAGE:
        item["href"] = reverse("support:message")
    elif step.kind == PlanStep.Kind.ARTICLE and spec:
        item["href"] = reverse("library:article", kwargs={"slug": spec.article})
    elif step.kind == PlanStep.Kind.FINDER and spec:
        item["finder"] = {"filters": [(k.split(":", 1)[0], k, _(FACETS[k].label)) for k in spec.facets if k in FACETS],
                          "zip": zip_code}
        item["href"] = finder_url(spec.facets, zip_code) if zip_code else None
    return item


def present_one(*, step: PlanStep, outline: Outline, answers: Answers) -> dict:
    return present_step(step, _specs(answers, outline).get((step.pathway, step.key)), answers.zip)


def present_plan(*, plan: SupportPlan, outline: Outline, answers: Answers, steps: list, shared: list) -> dict:
    """`steps` as this participant may see them and `shared`, those on the common
    checklist (selectors.steps_seen_by decides both)."""
    specs = _specs(answers, outline)
    by_pathway: dict[str, list] = {}
    for step in steps:
        by_pathway.setdefault(step.pathway, []).append(
            present_step(step, specs.get((step.pathway, step.key)), answers.zip))
    pathways = []
    for rank, pathway in enumerate(outline.pathways, start=1):
        pathways.append({
            "key": pathway.key, "rank": rank, "label": _(needs.PATHWAY_LABELS[pathway.key]),
            "suggested": pathway.suggested,
            "reasons": [reason_text(r) for r in pathway.reasons if not r.caution],
            "cautions": [reason_text(r) for r in pathway.reasons if r.caution],
            "steps": by_pathway.get(pathway.key, []),
        })
    return {
        "safety_first": outline.safety_first,
        "safety_reasons": [reason_text(r) for r in outline.safety],
        "danger_from_others": outline.danger_from_others,
        "safety_steps": by_pathway.get("safety", []),
        "suggested": [p for p in pathways if p["suggested"]],
        "others": [p for p in pathways if not p["suggested"]],
        "own_steps": by_pathway.get("own", []),
        "saved": by_pathway.get("saved", []),
        "times": get_text_list([quoted(c.phrase) for c in needs.TIMES.choices if c.key in answers.times], _("or")),
        "done": sum(1 for s in shared if s.done_at),
        "total": len(shared),
    }


def present_member_steps(seen: dict) -> list[dict]:
    """The steps of a plan shared with a circle (from selectors.member_plan)."""
    answers = Answers.from_dict(seen["plan"].answers)
    specs = {(s.pathway, s.key): s for key in needs.PATHWAY_KEYS for s in next_steps.steps_for(key, answers)}
    return [present_step(step, specs.get((step.pathway, step.key)), answers.zip) for step in seen["steps"]]
