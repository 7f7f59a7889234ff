"""PLAN.md: the plan as a person carries it out, a browser open beside it.

Grouped by when (today, day 2, week 2 ..., then what waits, what asks first, what was sent),
within each by network; each step a checkbox line with the person's name, what to do, a link
to open, what tells the right search result apart, and the step's id for `circlesort mark`.

Names, usernames and everything else from an export are code spans: shown as written, never a
link, HTML or formatting, with no escapes to read past. circlesort's own words are plain text.
Links are checked once more on the way out (planning/links.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from circlesort.model import Category, Network
from circlesort.planning.current import Plan
from circlesort.planning.links import safe_link
from circlesort.planning.schedule import BY_FILE
from circlesort.planning.settings import Settings
from circlesort.planning.steps import Due, Hint, HintKind, Phase, Scheduled, Step, StepKind
from circlesort.planning.words import DUE_WORDS, action, hint_words, namesakes_text, network_name, waits_for

K = StepKind
PROFESSIONAL = Category.MOVE_TO_PROFESSIONAL
GOOGLE_CONTACTS = "google_contacts.csv"

# The messages of the settings (messages:), the steps that use them, and what they are for.
MESSAGES = {
    "connect_instead": (
        "Connect on LinkedIn instead",
        "For the friend requests you decline with “connect on LinkedIn instead”.",
    ),
    "page_invitation": ("Your Page", "For the people you invite to follow your Page, or send its link."),
    "unfriend_note": (
        "Before unfriending (optional)",
        "For the professional contacts you unfriend, if you want to tell them first.",
    ),
}
PLACEHOLDER_SETTINGS = {"linkedin": "my_linkedin", "page": "page.name", "page_url": "page.url"}

HOW_TO = (
    "Work from the top, a browser open beside this page: each step links to the profile (or to a "
    "search, when the export gave no profile) and ends with its id in small print. When you have "
    "done one, tell circlesort: `circlesort mark done ID` (several ids may follow), `circlesort mark "
    "sent ID` for an invitation the other side still has to accept, `circlesort mark skipped ID` for "
    "one you won't do. Later, download newer exports and run `circlesort verify NEWER-EXPORTS`: what "
    "they show is marked for you, and the removals waiting for it become due."
)


def _counted(steps: Sequence[Scheduled]) -> int:
    """Steps as a person counts them: an import file that does many of them is one."""
    files = {(s.step.kind, s.step.network) for s in steps} & BY_FILE
    return sum((s.step.kind, s.step.network) not in BY_FILE for s in steps) + len(files)


def plural(n: int, word: str, many: str = "") -> str:
    """'1 step', '2 steps', '1,200 people'."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


_TICKS = re.compile("`+")


def code(text: str) -> str:
    """Data from an export as a CommonMark code span: shown as written, never a link or HTML.

    The fence is a run of backticks longer than any inside; a space pads a value that starts or
    ends with a backtick (or with a space at both ends, which CommonMark would strip)."""
    text = " ".join(text.splitlines())  # a code span holds one line; the importers' clean() made it so
    if not text:
        return ""
    fence = "`" * (max((len(run) for run in _TICKS.findall(text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" or (text[0] == text[-1] == " " and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, values: dict[str, object]) -> str:
    """The template with the placeholders it knows filled in; an unknown or blank one, and any
    stray brace, stays as written."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1)) or m.group(0)), str(template or ""))


def message_of(step: Step) -> str:
    """The message (a key of MESSAGES) a step uses, or ""."""
    if step.kind == K.DECLINE_REQUEST and step.category == PROFESSIONAL:
        return "connect_instead"
    if step.kind in (K.INVITE_TO_PAGE, K.SEND_LINK):
        return "page_invitation"
    if step.kind == K.UNFRIEND and step.category == PROFESSIONAL:
        return "unfriend_note"
    return ""


def hint(h: Hint) -> str:
    """One hint, circlesort's words plain and the export's data as code: 'works at `Adatum`'."""
    before, value, after = hint_words(h)
    return f"{before}{value if h.kind == HintKind.SINCE else code(value)}{after}"


def step_line(s: Scheduled, settings: Settings, box: bool = True, tail: str = "") -> str:
    """One step: name, what to do, the link, hints, flag, message, then its id in small print."""
    step = s.step
    parts = [f"{code(step.name) or code(step.target)}: {action(step, settings)}"]
    link = safe_link(step.network, step.link, step.account_key or "")
    if link:
        parts.append(f"[open]({link})")
    if step.hints:
        parts.append(", ".join(hint(h) for h in step.hints))
    if step.namesakes > 1:
        parts.append(f"**{namesakes_text(step)}**")
    message = message_of(step)
    if message and s.due in (Due.NOW, Due.WAITING, Due.ASK) and settings.messages.of(message):
        word = "you may send" if message == "unfriend_note" else "then send"
        parts.append(f"{word} the message “{MESSAGES[message][0]}” (Messages, below)")
    if tail:
        parts.append(tail)
    return ("- [ ] " if box else "- ") + " — ".join(parts) + f" <sub>{code(step.id)}</sub>"


_SENTINEL = "\x00"


def waits_md(s: Scheduled, by_id: dict[str, Scheduled], settings: Settings) -> str:
    """What a removal waits for, in words, the names as code: '`Ada Quill` accepts on LinkedIn'."""
    open_ = [
        by_id[d]
        for d in s.step.depends_on
        if d in by_id and by_id[d].due not in (Due.FINISHED, Due.NOT_NEEDED)
    ]
    if not open_:
        return code(s.waits_for)
    words = []
    for d in open_:
        text = waits_for(replace(d.step, name=_SENTINEL), settings)
        words.append(text.replace(_SENTINEL, code(d.step.name) or "they"))
    return " and ".join(words)


def _start(label: str) -> tuple[int, int]:
    """When a batch starts, in days from today: 'day 3' is 2, 'week 2' is 7."""
    unit, _, n = label.partition(" ")
    if not n.isdigit():
        return (0, 0)
    return (7 * (int(n) - 1), 1) if unit == "week" else (int(n) - 1, 0)


def _runs(steps: Sequence[Scheduled], split_removals: bool) -> list[tuple[str, list[Scheduled]]]:
    """Consecutive steps of one network (and, where asked, of removals apart), under one heading."""
    runs: list[tuple[tuple, list[Scheduled]]] = []
    for s in steps:
        key = (s.step.network, split_removals and s.step.phase == Phase.REMOVE)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(s)
        else:
            runs.append((key, [s]))
    return [(network_name(net) + (": removals" if removal else ""), run) for (net, removal), run in runs]


class _Writer:
    def __init__(self, plan: Plan, settings: Settings, contacts: int, mastodon: Sequence[str]) -> None:
        self.plan, self.settings = plan, settings
        self.contacts, self.mastodon = contacts, list(mastodon)
        self.by_id = {s.step.id: s for s in plan.steps}
        self.lines: list[str] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def group(
        self,
        title: str,
        steps: Sequence[Scheduled],
        render: Callable[[Scheduled], str] | None = None,
        intro: str = "",
        split_removals: bool = False,
    ) -> None:
        """A section of steps, by network; due ones (``render`` None) with their import steps."""
        if not steps:
            return
        self.add(f"## {title} ({plural(_counted(steps), 'step')})", "")
        if intro:
            self.add(intro, "")
        for heading, run in _runs(steps, split_removals):
            self.add(f"### {heading}", "")
            shown: set[str] = set()
            for s in run:
                line = render(s) if render else self.bulk(s, run, shown)
                if line:
                    self.add(line)
            self.add("")

    def bulk(self, s: Scheduled, run: Sequence[Scheduled], shown: set[str]) -> str:
        """A due step, or the one import step that stands for all of its kind in the run."""
        step = s.step
        if step.kind == K.LABEL and step.network == Network.CONTACTS:
            if Network.CONTACTS in shown:
                return ""
            shown.add(Network.CONTACTS)
            n = sum(x.step.kind == K.LABEL for x in run)
            contacts = plural(self.contacts, "contact")
            return (
                f"- [ ] Import `{GOOGLE_CONTACTS}` into Google Contacts: {contacts}, each labelled "
                "Personal, Professional or Page. On [contacts.google.com]"
                "(https://contacts.google.com/) choose Import, then the file; then open “Merge & fix”, "
                "which merges the copies the import made into your existing contacts and keeps their "
                f"new labels. <sub>{plural(n, 'label step')}: their ids are in contacts.csv</sub>"
            )
        if step.kind == K.FOLLOW_FROM and step.network == Network.MASTODON and self.mastodon:
            if Network.MASTODON in shown:
                return ""
            shown.add(Network.MASTODON)
            n = sum(x.step.kind == K.FOLLOW_FROM for x in run)
            files = ", then ".join(f"`{name}`" for name in self.mastodon)
            mine = (
                self.settings.professional_mastodon
                or "your professional Mastodon account (set professional_mastodon first)"
            )
            which = "the files one at a time" if len(self.mastodon) > 1 else "the file"
            return (
                f"- [ ] Import {files} on {mine}: Preferences → Import and export → Import, type "
                f"“Following list”, mode “Merge”, then {which}. {plural(n, 'account')} to follow. "
                f"<sub>{plural(n, 'follow step')}: their ids are in mastodon.csv</sub>"
            )
        return step_line(s, self.settings)

    def waiting(self, s: Scheduled) -> str:
        tail = "waits until " + waits_md(s, self.by_id, self.settings)
        return step_line(s, self.settings, box=False, tail=tail)

    def ask(self, s: Scheduled) -> str:
        # schedule.py says why at the end: "... (skipped): remove anyway?", "... (waited 15 days): ..."
        why = " (" + s.waits_for.rpartition(" (")[2] if " (" in s.waits_for else ": remove anyway?"
        return step_line(s, self.settings, tail=f"waits until {waits_md(s, self.by_id, self.settings)}{why}")

    def messages(self) -> None:
        live = (Due.NOW, Due.WAITING, Due.ASK)
        used = dict.fromkeys(message_of(s.step) for s in self.plan.steps if s.due in live)
        texts = self.settings.messages
        wanted = [m for m in MESSAGES if m in used and texts.of(m)]
        if not wanted:
            return
        page = self.settings.page
        values: dict[str, object] = {
            "linkedin": self.settings.my_linkedin,
            "page": page.name,
            "page_url": page.url,
        }
        self.add(
            "## Messages",
            "",
            "The words for the steps that ask for a message, from the settings "
            "(`messages:`); `{first}` is the person's first name. Edit them to sound like you.",
            "",
        )
        for key in wanted:
            title, why = MESSAGES[key]
            text = fill(texts.of(key), values)
            unset = [
                PLACEHOLDER_SETTINGS[p]
                for p in dict.fromkeys(_PLACEHOLDER.findall(text))
                if p in PLACEHOLDER_SETTINGS
            ]
            if unset:
                why += f" Set {' and '.join(unset)} in the settings to fill in the rest."
            fence = "`" * max(3, max((len(r) for r in _TICKS.findall(text)), default=0) + 1)
            self.add(f"### {title}", "", why, "", fence + "text", text, fence, "")

    def counts(self, title: str, steps: Sequence[Scheduled], intro: str) -> None:
        if not steps:
            return
        per: dict[str, dict[str, int]] = {}
        for s in steps:
            words = per.setdefault(s.step.network, {})
            words[DUE_WORDS[s.due]] = words.get(DUE_WORDS[s.due], 0) + 1
        self.add(f"## {title} ({plural(len(steps), 'step')})", "", intro, "")
        self.add(
            *(
                f"- {network_name(net)}: " + ", ".join(f"{n:,} {word}" for word, n in words.items())
                for net, words in per.items()
            ),
            "",
        )


def summary(plan: Plan) -> str:
    """'17 steps to do, 13 of them today: about 36 clicks over 2 weeks.' and what changed."""
    effort = plan.effort
    if not effort.steps:
        text = (
            "Nothing left to do."
            if plan.steps
            else "Nothing to do yet: sort some people, or answer requests, first."
        )
    else:
        today = effort.today
        when = "" if effort.span == "today" else f" over {effort.span}"
        text = (
            f"{plural(effort.steps, 'step')} to do, {today:,} of them today: about "
            f"{plural(effort.clicks, 'click')}{when}."
        )
    if plan.changes():
        text += f" Since the plan was last looked at: {plan.changes()}."
    return text


def plan_md(
    plan: Plan,
    settings: Settings,
    created: str,
    notes: Sequence[str] = (),
    contacts: int = 0,
    mastodon: Sequence[str] = (),
) -> str:
    """PLAN.md. ``notes``: more warnings for the top; ``contacts``: the rows of google_contacts.csv;
    ``mastodon``: the Mastodon import files written."""
    w = _Writer(plan, settings, contacts, mastodon)
    w.add("# Your circlesort plan", "", f"Written {created[:10]}. {summary(plan)}", "")
    for note in [*plan.notes, *notes]:
        w.add(f"> {' '.join(note.splitlines())}", "")
    if plan.steps:
        w.add(HOW_TO, "")
    due: dict[str, list[Scheduled]] = {}
    for s in plan.steps:
        if s.due == Due.NOW:
            due.setdefault(s.batch_label, []).append(s)
    for label in sorted(due, key=_start):
        w.group(label.capitalize(), due[label], split_removals=True)
    of = {d: [s for s in plan.steps if s.due == d] for d in Due}
    _later(w, of, settings)
    w.messages()
    _finished(w, of, settings)
    while w.lines and not w.lines[-1]:
        w.lines.pop()
    return "\n".join(w.lines) + "\n"


def _later(w: _Writer, of: dict[Due, list[Scheduled]], settings: Settings) -> None:
    """The steps not due yet: waiting, to ask about, and invitations sent."""
    w.group(
        "Waiting",
        of[Due.WAITING],
        w.waiting,
        "Removals wait until the same person is where they belong; `circlesort verify` with newer "
        "exports, or `circlesort mark`, makes them due.",
    )
    w.group(
        "Ask first",
        of[Due.ASK],
        w.ask,
        "These removals waited for something that has not happened. To remove anyway: `circlesort mark "
        "remove-anyway ID`; to keep them: `circlesort mark skipped ID`.",
    )
    w.group(
        "Sent, waiting for the other side",
        of[Due.SENT],
        lambda s: step_line(s, settings, box=False),
        "Once they accept: `circlesort mark accepted ID`, or let `circlesort verify` find it in a newer "
        "export.",
    )


def _finished(w: _Writer, of: dict[Due, list[Scheduled]], settings: Settings) -> None:
    """Counts of what is behind the user, and the ticks a newer export doubts."""
    finished = of[Due.FINISHED] + of[Due.SKIPPED] + of[Due.IMPOSSIBLE]
    w.counts("Done", finished, "Done, skipped or no longer possible; plan.yaml lists every one.")
    doubted = [s for s in finished if s.notes]
    if doubted:
        w.add(
            "Ticked, but the newest export still shows them: check these.",
            "",
            *(step_line(s, settings, box=False) for s in doubted),
            "",
        )
    w.counts(
        "No longer needed",
        of[Due.NOT_NEEDED],
        "A decision changed, so the plan no longer asks for these; plan.yaml keeps them.",
    )
