"""What the plan screen draws: a row of the list, the highlighted step in full, the progress.

Names and links from exports reach the screen only as plain Segment or Content text; every word
about a step comes from planning/words.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from rich.segment import Segment
from rich.style import Style
from textual.content import Content

from circlesort.importers.text import clean
from circlesort.planning.links import safe_link, search_link
from circlesort.planning.progress import LimitUse, NetworkProgress, waited
from circlesort.planning.schedule import Effort
from circlesort.planning.settings import Settings
from circlesort.planning.steps import NEEDS_ACCEPTANCE, Due, Scheduled
from circlesort.planning.words import (
    DUE_WORDS,
    FILE_LINKS,
    FILE_STEPS,
    STATE_WORDS,
    action,
    file_step,
    hint_text,
    limit_line,
    missing,
    namesakes_text,
    needs_setting,
    network_name,
    reason,
    standing,
    waited_words,
)
from circlesort.ui.screens.plan_rows import PlanRow
from circlesort.ui.widgets.step_list import fit

# The plan screen's footer (ui/footer.py FittedFooter): narrower than these widths, a key
# leaves the footer or takes its short word, so that ? Keys and esc Back stay on it at 60 columns.
PLAN_FOOTER: Mapping[str, tuple[int, str]] = {
    "plan.copy": (100, ""),
    "plan.network": (100, ""),
    "plan.open": (100, "Open"),
    "plan.write": (100, "Write"),
    "plan.view": (80, ""),
    "plan.undo": (80, ""),
    "plan.accept": (80, ""),
}
MARKS = {
    Due.NOW: "○",
    Due.ASK: "?",
    Due.WAITING: "…",
    Due.SENT: "→",
    Due.FINISHED: "✓",
    Due.SKIPPED: "–",
    Due.IMPOSSIBLE: "✗",
    Due.NOT_NEEDED: "·",
}
MARK_STYLES = {
    Due.NOW: Style(bold=True),
    Due.ASK: Style(color="yellow", bold=True),
    Due.FINISHED: Style(color="green", bold=True),
    Due.SENT: Style(color="cyan"),
}
BAR = 16


def link_of(s: Scheduled) -> str:
    """The link the step opens: its own when it is safe, else the network's search for the name."""
    return safe_link(s.step.network, s.step.link, s.step.account_key or "") or search_link(
        s.step.network, s.step.name
    )


def row_link(row: PlanRow, steps: Mapping[str, Scheduled]) -> str:
    if row.file:
        return FILE_LINKS.get(row.file, "")
    return link_of(steps[row.id])


def link_line(row: PlanRow | None, steps: Mapping[str, Scheduled]) -> Content:
    """The highlighted step's link, written out in full across the screen, never cut: to read,
    to select by hand, or to open with o."""
    if row is None:
        return Content("")
    link = row_link(row, steps)
    if not link:
        return Content.styled("link  none: search for the name on the site", "dim")
    return Content.assemble(("link  ", "dim"), (link, "underline"), ("   o opens it", "dim"))


def days(at: str, now: datetime) -> int | None:
    try:
        return (now - datetime.fromisoformat(at)).days
    except (TypeError, ValueError):
        return None


def draw_row(
    row: PlanRow, steps: Mapping[str, Scheduled], settings: Settings, width: int, base: Style
) -> list[Segment]:
    """One line: a mark for where it stands, the network, the name, what to do, and when."""
    s = steps[row.id]
    if row.file:
        left = [steps[i] for i in row.ids if steps[i].due in (Due.NOW, Due.ASK, Due.WAITING)]
        s = left[0] if left else s
        name, what = file_step(*row.file, len(row.ids)), ""
    else:
        name, what = clean(s.step.name) or "(no name)", action(s.step, settings)
    gap = waited(s, steps, datetime.now(UTC)) if s.due == Due.WAITING else None
    when = standing(s, gap.days if gap is not None else None)
    done = s.due not in (Due.NOW, Due.ASK, Due.WAITING, Due.SENT)
    setting = "" if done or row.file else missing(s.step, settings)
    if setting or s.notes:  # what the user has to see to: a setting first, a tick the export contradicts
        when = f"⚠ {setting}" if setting else f"⚠ {when}"
        what = what.removesuffix(f" ({needs_setting(setting)})")  # the last column says it
    dim = base + Style(dim=True)
    text = dim if done else base
    name_width = len(name) if row.file else max(10, min(22, (width - 30) // 3))
    rest = max(0, width - 2 - 10 - name_width - 1 - 17)
    return [
        Segment(MARKS[s.due] + " ", base + MARK_STYLES.get(s.due, Style(dim=True))),
        Segment(fit(network_name(s.step.network), 9) + " ", base + Style(bold=not done)),
        Segment(fit(name, name_width) + " ", text + Style(bold=not done)),
        Segment(fit(what, rest), text),
        Segment(" " + fit(when, 16), base + Style(color="yellow") if setting or s.notes else dim),
    ]


def detail(row: PlanRow | None, steps: Mapping[str, Scheduled], settings: Settings, can_set: bool) -> Content:
    """The highlighted row in full: person, what to do, why, hints, flags, link, what it waits for,
    its state and when it was set, its id; and the keys that act on it."""
    if row is None:
        return Content.styled("Nothing in this view. v shows another; n another network.", "dim")
    if row.file:
        return _file_detail(row, steps)
    s = steps[row.id]
    step = s.step
    now = datetime.now(UTC)
    parts: list = [
        (clean(step.name) or "(no name)", "bold"),
        "  ",
        (network_name(step.network), "bold $accent"),
        "\n",
        action(step, settings),
        "\n",
    ]
    setting = missing(step, settings)
    if setting:
        key = " (the , key opens the settings)" if can_set else " in the settings file"
        parts += [(f"⚠ {needs_setting(setting)}", "bold $warning"), (key, "$warning"), "\n"]
    for flag in (namesakes_text(step), *s.notes):
        if flag:
            parts += [(f"⚠ {clean(flag)}", "$warning"), "\n"]
    if s.waits_for and s.due in (Due.WAITING, Due.ASK, Due.SENT):
        parts += [("waits for: ", "dim"), clean(s.waits_for)]
        gap = waited(s, steps, now)
        if gap is not None:
            parts += [("  " + waited_words(gap.days, settings.waiting_days), "dim")]
        parts.append("\n")
    parts += [("state ", "dim"), STATE_WORDS[s.state]]
    if s.state_at:
        parts += [f", set {s.state_at[:16].replace('T', ' ')} UTC"]
    parts += [("  ·  ", "dim"), DUE_WORDS[s.due] if s.due != Due.NOW else standing(s), "\n", _keys(s), "\n"]
    why = reason(step)
    if why:
        parts += [("why ", "dim"), why, "\n"]
    if step.hints:
        parts += [(clean(", ".join(hint_text(h) for h in step.hints)), "italic"), "\n"]
    parts += [("id ", "dim"), (step.id, "dim")]
    return Content.assemble(*parts)


def _keys(s: Scheduled) -> Content:
    """The keys that apply to this step, as the footer cannot say per step."""
    keys: list[tuple[str, str]] = []
    if s.due in (Due.NOW, Due.ASK, Due.WAITING):
        keys.append(("space", "sent" if s.step.kind in NEEDS_ACCEPTANCE else "done"))
    if s.step.kind in NEEDS_ACCEPTANCE and s.due in (Due.NOW, Due.SENT):
        keys.append(("a", "accepted"))
    if s.due in (Due.WAITING, Due.ASK) and s.step.phase.value == "remove":
        keys.append(("r", "remove anyway"))
    if s.due in (Due.NOW, Due.ASK, Due.WAITING, Due.SENT):
        keys.append(("s", "skip"))
    keys += [("c", "copy"), ("u", "undo")]
    parts: list = []
    for key, word in keys:
        parts += [(key, "bold $accent"), f" {word}  "]
    return Content.assemble(*parts)


def _file_detail(row: PlanRow, steps: Mapping[str, Scheduled]) -> Content:
    assert row.file is not None  # an import file's row: detail() sends only those here
    kind, network = row.file
    file, _, how = FILE_STEPS[(kind, network)]
    rows = [steps[i] for i in row.ids]
    names = ", ".join(clean(s.step.name) for s in rows[:12]) + (
        f" … and {len(rows) - 12:,} more" if len(rows) > 12 else ""
    )
    states: dict[str, int] = {}
    for s in rows:
        states[STATE_WORDS[s.state]] = states.get(STATE_WORDS[s.state], 0) + 1
    parts: list = [
        (file_step(kind, network, len(rows)), "bold"),
        "  ",
        (network_name(network), "bold $accent"),
        "\n",
        f"w writes {file}; {how}.",
        "\n",
    ]
    parts += [
        ("state ", "dim"),
        ", ".join(f"{n:,} {word}" for word, n in states.items()),
        "\n",
        ("space", "bold $accent"),
        " marks them all done  ",
        ("s", "bold $accent"),
        " skip  ",
        ("u", "bold $accent"),
        " undo",
        "\n",
        names,
    ]
    return Content.assemble(*parts)


def progress(
    networks: Sequence[NetworkProgress], limits: Sequence[LimitUse], effort: Effort | None, width: int = 120
) -> Content:
    """Per network a bar of done, due and waiting; each limit's use (lines broken between limits,
    never inside one, at ``width``); then the time left."""
    parts: list = []
    widest = max((n.total for n in networks), default=1) or 1
    for n in networks:
        cells = [round(BAR * k / widest) for k in (n.done, n.due, n.waiting)]
        parts += [
            (f"{network_name(n.network):<10}", "bold"),
            ("█" * cells[0], "$success"),
            ("█" * cells[1], "$warning"),
            ("░" * cells[2], "$text-muted"),
            " " * (BAR - sum(cells)),
            f" {n.done:,} done · {n.due:,} due · {n.waiting:,} waiting",
            "\n",
        ]
    if limits:
        line = "Limits  "
        parts.append(("Limits  ", "dim"))
        for i, use in enumerate(limits):
            text = limit_line(use.network, use.setting, use.used, use.limit, use.days)
            if i and len(line) + 3 + len(text) > width:
                parts.append("\n        ")
                line = " " * 8
            elif i:
                parts.append(("  ·  ", "dim"))
                line += "  ·  "
            parts.append(text)
            line += text
        parts.append("\n")
    if effort is not None:
        left = (
            "Nothing left to do."
            if not effort.steps
            else f"{effort.steps:,} steps left, about {effort.clicks:,} clicks: "
            + ("all of it today." if effort.span == "today" else f"about {effort.span} to go.")
        )
        parts += [(left, "italic")]
    return Content.assemble(*parts)
