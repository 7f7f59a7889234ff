"""The plan's files: PLAN.md to follow with a browser open, plan.yaml and a CSV per network with every
step, and the files Mastodon and Google Contacts import themselves; each against its golden file."""

from __future__ import annotations

import csv
import io
import os
import random
import re
from datetime import UTC, datetime

import pytest
import yaml
from markdown_it import MarkdownIt

from circlesort.planning.current import Plan, current_plan, set_state
from circlesort.planning.import_files import GOOGLE_NAMES, google_contacts, mastodon_files
from circlesort.planning.markdown import code, fill, plan_md, plural
from circlesort.planning.settings import Settings, load_settings
from circlesort.planning.steps import Due, Hint, HintKind, Scheduled, Step, StepKind, StepState
from circlesort.planning.words import hint_text, namesakes_text
from circlesort.planning.writers import FIELDS, network_csv, plan_yaml, safe_cell, scalar, write_plan
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.requests import answer, queue

from .conftest import HOSTILE, ROOT
from .test_plan_safety import HOSTILE as HOSTILE_LINKS

K = StepKind
GOLDEN = ROOT / "tests" / "golden" / "plan"
CREATED = "2026-11-23T10:00:00+00:00"
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch):
    """The default settings and rules, whatever the user running the tests has."""
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path / "config"))


def decided(ws: Workspace) -> None:
    """A small, fixed set of decisions and answers on the sample exports."""
    ids = {p.name: p.id for p in ws.people()}
    ws.decide([ids["Sasha Petrov"]], "page-follower")
    ws.decide([ids["José Álvarez"], ids["Oskar Lindqvist"]], "keep-personal")
    ws.decide(
        [ids["John Smith"], ids["Alice Martin"], ids["Jane Doe"], ids["Amara Costa"]], "move-to-professional"
    )
    q = {r.account.display_name: r for r in queue(ws)}
    answer(ws, q["Łukasz Wójcik"], "decline-linkedin")
    answer(ws, q["Mark Taylor"], "decline-page")
    answer(ws, q["Priya Sharma"], "decline-linkedin")
    answer(ws, q["Ada Quill"], "withdraw")


def golden_settings() -> Settings:
    """Settings that fill the messages, follow from a professional Mastodon account, and keep the
    LinkedIn and Instagram limits small enough for later batches to show."""
    return load_settings().with_values(
        {
            "page.name": "Maya Lindqvist Photography",
            "page.url": "https://www.facebook.com/mayalphoto",
            "my_linkedin": "https://www.linkedin.com/in/maya-lindqvist",
            "professional_mastodon": "@maya@photog.social",
            "mastodon_export_is_professional": False,
            "limits.linkedin_invitations_per_week": 1,
            "limits.instagram_unfollows_per_day": 1,
        }
    )


def step_id(plan: Plan, name: str, kind: StepKind) -> str:
    return next(s.step.id for s in plan.steps if s.step.name == name and s.step.kind == kind)


def scenario(ws: Workspace, settings: Settings) -> Plan:
    """A plan a month in: steps due today and later, waiting, to ask about, sent, done, and dropped."""
    import_paths(ws, [str(ROOT / "sample_exports")])
    decided(ws)
    ids = {p.name: p.id for p in ws.people()}
    ws.decide(
        [ids[n] for n in ("Amara Wang", "Grace Hopper", "Bob Johnson", "alice", "jdoe")],
        "move-to-professional",
    )
    first = current_plan(ws, settings, NOW)
    set_state(ws, [step_id(first, "Grace Hopper", K.CONNECT)], StepState.SENT, "sent")
    set_state(ws, [step_id(first, "Jane Doe", K.FOLLOW_FROM)], StepState.DONE, "done")
    set_state(ws, [step_id(first, "Sasha Petrov", K.INVITE_TO_PAGE)], StepState.SKIPPED, "skipped")
    ws.decide([ids["Bob Johnson"]], "keep-personal")
    ws.decide([ids["Yuki Bianchi"]], "move-to-professional")
    return current_plan(ws, settings, NOW)


def sections(text: str) -> dict[str, str]:
    """PLAN.md's sections by their heading, the step count left out: {'Today': '...'}."""
    parts = re.split(r"^## ", text, flags=re.M)[1:]
    return {re.sub(r" \(\d+ steps?\)$", "", p.split("\n", 1)[0]): p for p in parts}


def test_every_file_matches_its_golden_file(tmp_path):
    settings = golden_settings()
    with Workspace.open() as ws:
        plan = scenario(ws, settings)
        files = write_plan(ws, plan, tmp_path / "plan", settings, created=CREATED)
    assert {
        "plan.yaml",
        "PLAN.md",
        "facebook.csv",
        "linkedin.csv",
        "mastodon.csv",
        "mastodon_following.csv",
        "google_contacts.csv",
    } <= set(files)
    if os.environ.get("CIRCLESORT_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for old in GOLDEN.iterdir():
            if old.name not in files:
                old.unlink()
        for name in files:
            (GOLDEN / name).write_text((tmp_path / "plan" / name).read_text("utf-8"), encoding="utf-8")
    assert sorted(p.name for p in GOLDEN.iterdir()) == files
    for name in files:
        assert (tmp_path / "plan" / name).read_text("utf-8") == (GOLDEN / name).read_text("utf-8"), name


def test_plan_md_is_grouped_by_when_then_by_network():
    settings = golden_settings()
    with Workspace.open() as ws:
        plan = scenario(ws, settings)
    text = plan_md(plan, settings, CREATED, contacts=4, mastodon=["mastodon_following.csv"])
    assert list(sections(text)) == [
        "Today",
        "Day 2",
        "Week 2",
        "Week 3",
        "Waiting",
        "Ask first",
        "Sent, waiting for the other side",
        "Messages",
        "Done",
        "No longer needed",
    ]
    part = sections(text)
    assert "Since the plan was last looked at: 2 steps added, 2 steps no longer needed." in text
    today = part["Today"]
    assert today.index("### Contacts") < today.index("### Facebook") < today.index("### Instagram: removals")
    assert "Import `google_contacts.csv` into Google Contacts: 4 contacts" in today
    assert "label Professional" not in text  # the import stands for the label steps
    assert (
        "Import `mastodon_following.csv` on @maya@photog.social" in today and "2 accounts to follow" in today
    )
    assert "follow from @maya@photog.social" not in today
    assert "`Jane Doe`: unfollow" in part["Day 2"] or "`Jane Doe`: remove as a follower" in part["Day 2"]
    assert (
        "`Sasha Petrov`: unfriend" in part["Ask first"] and "(skipped): remove anyway?" in part["Ask first"]
    )
    assert "`Grace Hopper`: send a LinkedIn invitation" in part["Sent, waiting for the other side"]
    assert "- Facebook: 1 skipped" in part["Done"] and "- X: 1 done" in part["Done"]
    assert "- Facebook: 1 no longer needed" in part["No longer needed"]
    assert "Let's connect on LinkedIn instead: https://www.linkedin.com/in/maya-lindqvist" in part["Messages"]
    assert "{first}" in part["Messages"] and "{page}" not in part["Messages"]


def test_a_linkedin_invitation_is_today_and_the_same_persons_unfriend_waits_for_it(tmp_path):
    settings = load_settings()
    with Workspace.open() as ws:
        import_paths(ws, [str(ROOT / "sample_exports")])
        ws.decide([next(p.id for p in ws.people() if p.name == "Amara Wang")], "move-to-professional")
        plan = current_plan(ws, settings, NOW)
        write_plan(ws, plan, tmp_path / "plan", settings, created=CREATED)
    part = sections((tmp_path / "plan" / "PLAN.md").read_text("utf-8"))
    assert (
        "### LinkedIn\n\n- [ ] `Amara Wang`: send a LinkedIn invitation — [open](https://www.linkedin.com/"
        in part["Today"]
    )
    waiting = part["Waiting"]
    line = next(x for x in waiting.splitlines() if x.startswith("- `Amara Wang`: unfriend"))
    assert "waits until `Amara Wang` accepts on LinkedIn" in line
    assert line.endswith("<sub>`unfriend/facebook/Amara Wang`</sub>")
    assert "unfriend" not in part["Today"]


def test_counts_say_one_step_and_two_steps():
    assert [plural(1, "step"), plural(2, "step"), plural(1_200, "person", "people")] == [
        "1 step",
        "2 steps",
        "1,200 people",
    ]
    settings = load_settings()
    one = Step(
        K.ACCEPT_REQUEST,
        "linkedin",
        "https://www.linkedin.com/in/ada",
        "p1",
        "Ada Quill",
        "keep-personal",
        "https://www.linkedin.com/mynetwork/invitation-manager/",
    )
    text = plan_md(Plan([Scheduled(one, StepState.PENDING, Due.NOW, 0, "today")]), settings, CREATED)
    assert "1 step to do, 1 of them today: about 2 clicks." in text and "## Today (1 step)" in text
    two = Step(K.ACCEPT_REQUEST, "linkedin", "https://www.linkedin.com/in/bo", "p2", "Bo", "keep-personal")
    text = plan_md(
        Plan([Scheduled(s, StepState.PENDING, Due.NOW, 0, "today") for s in (one, two)], added=1),
        settings,
        CREATED,
    )
    assert "2 steps to do, 2 of them today: about 4 clicks." in text and "## Today (2 steps)" in text
    assert "Since the plan was last looked at: 1 step added." in text
    assert "Nothing to do yet" in plan_md(Plan([]), settings, CREATED)


# --- names and links from exports -------------------------------------------------------------


def hostile_plan(names: list[str]) -> Plan:
    steps = []
    for i, name in enumerate(names):
        connect = Step(
            K.CONNECT,
            "linkedin",
            f"person:p{i}",
            f"p{i}",
            name,
            "move-to-professional",
            "https://www.linkedin.com/search/results/people/?keywords=x",
        )
        unfriend = Step(
            K.UNFRIEND,
            "facebook",
            name,
            f"p{i}",
            name,
            "move-to-professional",
            "https://www.facebook.com/search/people/?q=x",
            (Hint(HintKind.WORKS_AT, name), Hint(HintKind.HANDLE, name, "instagram")),
            2,
            (connect.id,),
        )
        steps += [
            Scheduled(connect, StepState.PENDING, Due.NOW, 0, "today"),
            Scheduled(unfriend, StepState.PENDING, Due.WAITING, -1, "waiting", f"{name} accepts"),
        ]
    return Plan(steps)


def test_names_hints_and_waits_from_exports_are_code_spans_shown_as_written():
    names = [n for n in [*HOSTILE, *HOSTILE_LINKS] if n.strip()]
    text = plan_md(hostile_plan(names), load_settings(), CREATED)
    html = MarkdownIt("commonmark").render(text)
    outside = re.sub(r"<code>.*?</code>|href=\"[^\"]*\"", "", html, flags=re.S)
    assert set(re.findall(r"</?([a-z0-9]+)", outside)) <= {
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "li",
        "strong",
        "code",
        "a",
        "sub",
        "blockquote",
        "pre",
    }
    assert "\\" not in outside  # nothing escaped: what is not a code span is circlesort's own words
    assert "javascript" not in outside and "<script" not in outside
    shown = [
        c.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
        for c in re.findall(r"<code>(.*?)</code>", html, flags=re.S)
    ]
    for name in names:
        one_line = " ".join(name.splitlines())
        assert shown.count(one_line) >= 4, name  # the name, the flag, the hint, what the unfriend waits for
        assert f"@{one_line}" in shown and f"unfriend/facebook/{one_line}" in shown, name


def test_a_link_that_is_not_the_networks_own_is_written_as_no_link():
    bad = [
        Step(
            K.UNFOLLOW,
            "instagram",
            "zed",
            "p1",
            "Zed",
            "move-to-professional",
            "https://www.instagram.com/zed](javascript:x)",
        ),
        Step(K.FOLLOW_FROM, "x", "1", "p2", "Yo", "move-to-professional", "javascript:alert(1)"),
    ]
    plan = Plan([Scheduled(s, StepState.PENDING, Due.NOW, 0, "today") for s in bad])
    text = plan_md(plan, load_settings(), CREATED)
    assert "javascript" not in text and "[open]" not in text and "`Zed`" in text
    rows = list(csv.DictReader(io.StringIO(network_csv(plan.steps, load_settings()))))
    assert [r["link"] for r in rows] == ["", ""]


# --- plan.yaml ---------------------------------------------------------------------------------

TRICKY = [
    "",
    " ",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "true",
    "1",
    "0x1F",
    "1e3",
    "2026-11-23",
    "day 2",
    "- x",
    "a: b",
    "#x",
    "x #y",
    "'q'",
    '"q"',
    "\\",
    "a\\nb",
    "{a}",
    "[a]",
    "&a",
    "*a",
    "!a",
    "%a",
    "@a",
    "`a`",
    "|",
    ">",
    "line\nbreak",
    "cr\rlf",
    "tab\there",
    "nel\x85x",
    "ls\u2028x",
    "ps\u2029x",
    "del\x7fx",
    "c1\x9bx",
    "bom\ufeffx",
    "\ufffe",
    "esc\x1b[0m",
    "nul\x00x",
    "🌸 Zoë",
    "ñ",
    "\u202eevil",
    "lone \ud800 surrogate",
]


def test_every_string_reads_back_as_written():
    for text in TRICKY + HOSTILE + [chr(random.Random(n).randrange(0x110000)) for n in range(2000)]:
        assert yaml.safe_load(f"v: {scalar(text)}\n") == {"v": text}, repr(text)


def test_plan_yaml_reads_back_with_every_step():
    settings = golden_settings()
    with Workspace.open() as ws:
        plan = scenario(ws, settings)
    plan.steps += hostile_plan([t for t in TRICKY if t]).steps
    text = plan_yaml(plan, settings, 'my "work" space', CREATED, ["a note: with `code`"])
    assert text.startswith("# circlesort plan: written by circlesort")
    data = yaml.safe_load(text)
    assert data["version"] == 2 and data["created"] == CREATED and data["workspace"] == 'my "work" space'
    assert data["notes"] == ["a note: with `code`"] and data["summary"]["steps"] == plan.effort.steps
    assert [s["id"] for s in data["steps"]] == [s.step.id for s in plan.steps]  # done and dropped ones too
    by_id = {s.step.id: s for s in plan.steps}
    for row in data["steps"]:
        s = by_id[row["id"]]
        assert (
            row["kind"],
            row["network"],
            row["account"],
            row["person"],
            row["name"],
            row["category"],
            row["state"],
            row["due"],
            row["batch"],
            row["waits_for"],
            row["depends_on"],
            row["hints"],
            row["flag"],
        ) == (
            s.step.kind,
            s.step.network,
            s.step.target,
            s.step.person,
            s.step.name,
            s.step.category,
            s.state,
            s.due,
            s.batch_label,
            s.waits_for,
            list(s.step.depends_on),
            [hint_text(h) for h in s.step.hints],
            namesakes_text(s.step),
        )
    assert {r["due"] for r in data["steps"]} >= {
        "due",
        "waiting",
        "ask",
        "sent",
        "finished",
        "skipped",
        "not-needed",
    }


# --- the CSVs ----------------------------------------------------------------------------------


def test_csv_cells_never_start_a_formula():
    cells = ("=cmd()", "+cmd|' /C calc'!A0", "-2+3+cmd|x", "@SUM(1)", "Ann", "", "+34 612 345 678")
    assert [safe_cell(v) for v in cells] == [
        "'=cmd()",
        "'+cmd|' /C calc'!A0",
        "'-2+3+cmd|x",
        "'@SUM(1)",
        "Ann",
        "",
        "+34 612 345 678",
    ]


def test_network_csv_has_every_step_in_order_with_its_id_and_no_formula():
    plan = hostile_plan(['=HYPERLINK("http://x.example","click")', "@SUM(A1:A9)", "Ann"])
    rows = list(csv.reader(io.StringIO(network_csv(plan.steps, load_settings()))))
    assert tuple(rows[0]) == FIELDS
    assert [r[0] for r in rows[1:]] == [s.step.id for s in plan.steps]
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@")]
    names = [r[FIELDS.index("name")] for r in rows[1:]]
    assert names[0] == '\'=HYPERLINK("http://x.example","click")' and names[-1] == "Ann"
    unfriend = dict(zip(FIELDS, rows[2], strict=True))
    assert (unfriend["due"], unfriend["batch"], unfriend["depends_on"], unfriend["state"]) == (
        "waiting",
        "waiting",
        "connect/linkedin/person:p0",
        "pending",
    )


# --- the import files --------------------------------------------------------------------------

VCARD = """BEGIN:VCARD\nVERSION:3.0\nFN:Ines Okafor\nN:Okafor;Ines;;;\nORG:Fabrikam\nTITLE:=cmd()\n
EMAIL;TYPE=WORK:ines@fabrikam.example\nEMAIL;TYPE=HOME:ines@example.org\nEMAIL:io@example.net\n
TEL;TYPE=CELL:+351 912 000 222\nTEL;TYPE=HOME:+351 212 000 333\nEND:VCARD
BEGIN:VCARD\nVERSION:3.0\nFN:Kim\nEMAIL:kim@example.com\nEND:VCARD
BEGIN:VCARD\nVERSION:3.0\nFN:Not Decided\nEMAIL:nd@example.com\nEND:VCARD
""".replace("\n\n", "\n")


def test_google_contacts_has_googles_header_and_every_email_and_phone(tmp_path):
    (tmp_path / "contacts.vcf").write_text(VCARD, encoding="utf-8")
    with Workspace.open() as ws:
        import_paths(ws, [str(tmp_path / "contacts.vcf")])
        ids = {p.name: p.id for p in ws.people()}
        ws.decide([ids["Ines Okafor"]], "move-to-professional")
        ws.decide([ids["Kim"]], "page-follower")
        text, count = google_contacts(ws, current_plan(ws, load_settings(), NOW))
    rows = list(csv.reader(io.StringIO(text)))
    assert count == 2 and len(rows) == 3
    assert rows[0][:17] == GOOGLE_NAMES and rows[0][:3] == ["First Name", "Middle Name", "Last Name"]
    assert rows[0][16:] == [
        "Labels",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "E-mail 2 - Label",
        "E-mail 2 - Value",
        "E-mail 3 - Label",
        "E-mail 3 - Value",
        "Phone 1 - Label",
        "Phone 1 - Value",
        "Phone 2 - Label",
        "Phone 2 - Value",
    ]
    ines, kim = (dict(zip(rows[0], r, strict=True)) for r in sorted(rows[1:], key=lambda r: r[0]))
    assert (ines["First Name"], ines["Last Name"], ines["Organization Name"]) == (
        "Ines",
        "Okafor",
        "Fabrikam",
    )
    assert ines["Organization Title"] == "'=cmd()"
    assert ines["Labels"] == "Professional ::: * myContacts" and kim["Labels"] == "Page ::: * myContacts"
    assert sorted(ines[f"E-mail {n} - Value"] for n in (1, 2, 3)) == [
        "ines@example.org",
        "ines@fabrikam.example",
        "io@example.net",
    ]
    assert sorted(ines[f"Phone {n} - Value"] for n in (1, 2)) == ["+351 212 000 333", "+351 912 000 222"]
    assert (kim["First Name"], kim["E-mail 1 - Value"], kim["E-mail 2 - Value"]) == (
        "Kim",
        "kim@example.com",
        "",
    )
    assert ines["File As"] == kim["File As"] == ""  # the name is its parts


def follows(*addresses: str, due: Due = Due.NOW) -> Plan:
    return Plan(
        [
            Scheduled(
                Step(K.FOLLOW_FROM, "mastodon", a, f"p{i}", a, "move-to-professional"),
                StepState.PENDING,
                due,
                0,
                "today",
            )
            for i, a in enumerate(addresses)
        ]
    )


def test_mastodon_import_file_has_its_exact_header_no_repeats_and_splits_under_the_limit():
    plan = follows(*(f"user{i % 5}@hachyderm.io" for i in range(8)))
    plan.steps += follows("done@hachyderm.io", due=Due.FINISHED).steps
    files = mastodon_files(plan, limit=3)
    assert sorted(files) == ["mastodon_following_1.csv", "mastodon_following_2.csv"]
    first = files["mastodon_following_1.csv"].splitlines()
    assert first[0] == "Account address,Show boosts,Notify on new posts,Languages"
    assert first[1:] == [
        "user0@hachyderm.io,true,false,",
        "user1@hachyderm.io,true,false,",
        "user2@hachyderm.io,true,false,",
    ]
    assert files["mastodon_following_2.csv"].splitlines()[1:] == [
        "user3@hachyderm.io,true,false,",
        "user4@hachyderm.io,true,false,",
    ]
    assert mastodon_files(follows(), limit=3) == {}
    text = plan_md(plan, load_settings(), CREATED, mastodon=sorted(files))
    assert (
        "Import `mastodon_following_1.csv`, then `mastodon_following_2.csv` on your professional Mastodon "
        "account (set professional_mastodon first)"
        in text
        and "then the files one at a time" in text
    )


# --- messages and notes ------------------------------------------------------------------------


def test_message_templates_fill_what_they_know_and_leave_the_rest_as_written():
    values = {"first": "Ada", "linkedin": "https://www.linkedin.com/in/me", "page": "", "page_url": None}
    assert fill("Hi {first}, {linkedin} {page} {page_url} {unknown} {} {0} {first {{first}} }{", values) == (
        "Hi Ada, https://www.linkedin.com/in/me {page} {page_url} {unknown} {} {0} {first {Ada} }{"
    )
    assert fill("", values) == "" and fill(None, values) == ""
    settings = load_settings().with_values(
        {
            "messages.connect_instead": "{first} {nope} {{ }} {",
            "messages.page_invitation": "```{page}```",
            "messages.unfriend_note": "",
        }
    )
    with Workspace.open() as ws:
        import_paths(ws, [str(ROOT / "sample_exports")])
        decided(ws)
        ws.decide([next(p.id for p in ws.people() if p.name == "Amara Wang")], "move-to-professional")
        text = plan_md(current_plan(ws, settings, NOW), settings, CREATED)
    messages = sections(text)["Messages"]
    assert "{first} {nope} {{ }} {" in messages and "````text\n```{page}```\n````" in messages
    assert "Before unfriending" not in text  # an empty message is left out, and not referred to
    assert "Set page.name in the settings" in messages


def test_done_steps_an_export_contradicts_are_listed_to_check():
    unfriend = Step(K.UNFRIEND, "facebook", "Bo", "p1", "Bo", "move-to-professional")
    plan = Plan(
        [
            Scheduled(
                unfriend,
                StepState.DONE,
                Due.FINISHED,
                -1,
                "finished",
                notes=("ticked, but the newest export still shows them",),
            )
        ]
    )
    part = sections(plan_md(plan, load_settings(), CREATED))["Done"]
    assert "- Facebook: 1 done" in part and "Ticked, but the newest export still shows them" in part
    assert "- `Bo`: unfriend" in part


def test_the_plan_warns_when_facebook_would_refuse_the_accepts(tmp_path, monkeypatch):
    monkeypatch.setenv("CIRCLESORT_CONFIG", str(tmp_path))
    (tmp_path / "settings.yaml").write_text("limits: {facebook_friends: 20}\n", encoding="utf-8")
    with Workspace.open() as ws:
        import_paths(ws, [str(ROOT / "sample_exports")])
        q = {r.account.display_name: r for r in queue(ws)}
        answer(ws, q["Mark Taylor"], "accept")
        settings = load_settings()
        write_plan(ws, current_plan(ws, settings, NOW), tmp_path / "plan", settings)
    text = (tmp_path / "plan" / "PLAN.md").read_text("utf-8")
    assert "Facebook allows 20 friends; after this plan you would have" in text
    assert yaml.safe_load((tmp_path / "plan" / "plan.yaml").read_text("utf-8"))["notes"][-1].startswith(
        "Facebook allows 20 friends"
    )


@pytest.mark.parametrize("name", ["`a`", "``", "a ``` b", " pad "])
def test_code_spans_hold_backticks(name):
    html = MarkdownIt("commonmark").render(code(name)).strip()
    assert html == f"<p><code>{name}</code></p>"
