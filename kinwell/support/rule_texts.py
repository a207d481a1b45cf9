"""The reasons in data/plan_rules.toml, listed so makemessages puts them in the
Spanish catalogue (it does not read TOML). When a rule's reason changes, change it here
too; tests/support/test_rules.py fails until the two match."""


def _(text: str) -> str:
    return text


REASONS = (
    _('Something you wrote sounds like you might be in danger. Your safety comes first.'),
    _('On your last PHQ-9 you said you have had thoughts of being better off dead or of hurting yourself. Please talk with someone today.'),
    _('From what you told us, you may not be safe with someone. Your safety comes first, and there are people whose job is to help with exactly this.'),
    _("You haven't mentioned talking this through with someone you trust yet. One honest conversation often makes every other step easier."),
    _('You said you have been feeling lonely. Reaching out, even in a small way, is the most direct way back to people.'),
    _('You are going through {concerns}. Hard seasons are easier faced with people around you.'),
    _('Someone you trust can help you stay safe and think through your options.'),
    _('You are worried about someone else. Sharing that with another person helps you carry it, and helps you help them.'),
    _('Your check-ins show a change: {signs}. Letting someone close know is a kind first step.'),
    _('You already have people in a Kinwell circle you could write to.'),
    _('You are not sure yet what is wrong. Talking with someone who knows you can help you put it into words.'),
    _('You told us about {concerns}: it has gone on for {duration} and gets in the way of daily life {impact}.'),
    _('You told us about {concerns}, going on for {duration}. A couples therapist helps two people get unstuck from patterns like this.'),
    _('You told us about {concerns}. Couples therapy is not only for a crisis; it helps most when started early.'),
    _('Your last relationship satisfaction check ({instrument}) was in the less satisfied range.'),
    _("A new baby changes a couple's life. Some couples find a few sessions help them find their footing together."),
    _('Because you may not be safe with someone: couples therapy is not advised while someone is afraid of their partner. Individual support and a domestic violence advocate are safer first steps.'),
    _('Right now your own safety comes first. Sessions with your partner can wait until you have care of your own.'),
    _('You told us about {concerns}, going on for {duration}. Family therapy gives everyone a fair turn to be heard.'),
    _('You told us about {concerns}. A family therapist helps a family talk about hard things without anyone being the problem.'),
    _('You said it gets in the way of daily life {impact}.'),
    _('You told us about {concerns} in your family. Family therapy can help everyone support the person without carrying it alone.'),
    _('Caring for someone changes roles in a family. Talking it through together can share the load more fairly.'),
    _('Because you may not be safe with someone close to you: sessions together are not the right start while someone is afraid. Individual support comes first.'),
    _('Right now your own safety comes first. Sessions with your family can wait until you have care of your own.'),
    _('You mentioned alcohol or drug use. Peer and mutual-help groups are one of the most common ways people get support for it, often free.'),
    _("You are going through {concerns}. People who have been through the same thing can help in ways others can't."),
    _('You said you have been feeling lonely. A group meets regularly, so connection comes with the routine.'),
    _('You are worried about someone. There are groups just for the families and friends of people who are struggling.'),
    _("You have tried {tried} before. If it didn't fit, another group can feel very different."),
    _("Because your safety comes first: please talk with a professional today or this week (a doctor, a counselor, or a crisis line any time). You don't have to wait for things to get worse."),
    _('You told us about {concerns}, going on for {duration}. A therapist can help you understand it and find what eases it.'),
    _('You said it gets in the way of daily life {impact}. That is a good reason to talk with a professional.'),
    _("You told us about {concerns}. Therapy helps with this, and you don't have to wait until it is bad."),
    _('Your last {instrument} suggested that talking with a professional could help. It is not a diagnosis.'),
    _('You may not be safe with someone. A counselor or advocate of your own gives you a private place to plan.'),
    _('You mentioned alcohol or drug use that gets in the way of daily life {impact}. Treatment works, and a professional can help you choose what fits.'),
    _('You told us about {concerns}, going on for {duration}. Grief that stays this heavy is worth talking through with a professional.'),
    _('Your check-ins show a change: {signs}.'),
    _('You see a therapist now. Bring this to your next session; they know you and can help you decide.'),
    _('You said you would rather meet {format}. Many therapists and groups meet by video or phone.'),
    _('It affects daily life {impact}. Reading and trying a few things on your own is a good first step, and you can add more help any time.'),
    _('You are worried about someone. Our articles on noticing the signs and encouraging help are a good place to start.'),
    _('You are not sure yet what is wrong. Reading about what others go through can help you name it.'),
)
