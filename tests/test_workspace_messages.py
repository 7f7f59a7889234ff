"""The messages exchanged, in the workspace: counts and dates as plain columns (version 5), what
each network's message files held, counts kept or replaced network by network on re-import, and
what the roster, the card and the requests queue make of them.

The imports here are made by hand (``load`` replaced), so that the workspace's side is tested
apart from the readers of message files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from circlesort.importers import ImportResult
from circlesort.importers.sink import SourceReport
from circlesort.model import Account, MessageFiles, Network, Relation, Talk, Tie
from circlesort.rules.suggest import parse
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace import importing as importing_module
from circlesort.workspace.detail import person_detail
from circlesort.workspace.requests import queue, suggested_answer
from circlesort.workspace.roster import Filter, Roster
from circlesort.workspace.roster_groups import ORDERS, Order, order
from circlesort.workspace.rows import runs_to
from circlesort.workspace.schema import VERSION

FB, IG, LI = Network.FACEBOOK, Network.INSTAGRAM, Network.LINKEDIN
TODAY = datetime.now(UTC).date()


def friend(
    network: Network, name: str, talk: Talk | None = None, relation: Relation = Relation.FRIEND
) -> Account:
    return Account(network, name, name=name, ties=(Tie(relation, "2020-01-01"),), talk=talk)


class Imports:
    """import_paths with the accounts and message files given here, each import from a file of
    its own (so that none is "imported before")."""

    def __init__(self, tmp_path, monkeypatch) -> None:
        self.tmp_path, self.n, self.next = tmp_path, 0, None
        monkeypatch.setattr(importing_module, "load", lambda paths, progress=None: self.next)

    def __call__(self, ws: Workspace, accounts: list[Account], messages: dict[str, MessageFiles]):
        self.n += 1
        path = self.tmp_path / f"export-{self.n}.json"
        path.write_text(str(self.n))
        networks = sorted({a.network for a in accounts} | set(messages))
        self.next = ImportResult(accounts, [SourceReport(str(path), n, ["x.json"]) for n in networks], [])
        self.next.messages = dict(messages)
        return import_paths(ws, [str(path)])


@pytest.fixture
def imports(tmp_path, monkeypatch) -> Imports:
    return Imports(tmp_path, monkeypatch)


def plain(ws: Workspace, network: str, key: str) -> tuple[int, str]:
    return ws.db.execute(
        "SELECT messages, last_message FROM accounts WHERE network = ? AND key = ?", (network, key)
    ).fetchone()


def test_an_import_writes_the_counts_as_plain_columns_and_keeps_the_message_files(imports):
    ana = friend(FB, "Ana Kovac", Talk(3, 4, 2, "2019-05-01", "2023-11-30"))
    with Workspace.open() as ws:
        imports(ws, [ana, friend(FB, "Bo Lind")], {FB: MessageFiles(5, 1, 40, "2023-12-20", "2023-12")})
        assert plain(ws, FB, "Ana Kovac") == (7, "2023-11-30")
        assert plain(ws, FB, "Bo Lind") == (0, "")
        assert ws.account((FB, "Ana Kovac")).talk == ana.talk  # the whole of it, in the JSON
        assert ws.message_files() == {"facebook": MessageFiles(5, 1, 40, "2023-12-20", "2023-12")}


def test_message_files_are_merged_network_by_network(imports):
    with Workspace.open() as ws:
        imports(
            ws,
            [friend(FB, "Ana Kovac"), friend(IG, "ana.k", relation=Relation.FOLLOWER)],
            {FB: MessageFiles(5, 1, 40, "2023-12-20", "2023-12"), IG: MessageFiles(2, 0, 9, "2025-01-02")},
        )
        imports(ws, [friend(FB, "Ana Kovac")], {FB: MessageFiles(8, 2, 90, "2026-03-01")})
        assert ws.message_files() == {
            "facebook": MessageFiles(8, 2, 90, "2026-03-01"),  # replaced by the newer files
            "instagram": MessageFiles(2, 0, 9, "2025-01-02"),  # not read again: kept
        }


def test_a_reimport_without_message_files_keeps_the_counts_held(imports):
    talk = Talk(10, 12, 0, "2018-01-01", "2023-10-10")
    with Workspace.open() as ws:
        imports(ws, [friend(FB, "Ana Kovac", talk), friend(FB, "Bo Lind")], {FB: MessageFiles(2, 0, 22)})
        # Next month's friends list alone, Ana's relation changed: her counts stay.
        ana_now = Account(FB, "Ana Kovac", name="Ana Kovac", ties=(Tie(Relation.FRIEND, "2019-01-01"),))
        imports(ws, [ana_now, friend(FB, "Bo Lind"), friend(FB, "Cy Moss")], {})
        assert ws.account((FB, "Ana Kovac")).talk == talk
        assert ws.account((FB, "Ana Kovac")).since(Relation.FRIEND) == "2019-01-01"
        assert plain(ws, FB, "Ana Kovac") == (22, "2023-10-10")
        assert ws.message_files() == {"facebook": MessageFiles(2, 0, 22)}


def test_a_reimport_with_message_files_replaces_the_counts(imports):
    with Workspace.open() as ws:
        imports(
            ws,
            [
                friend(FB, "Ana Kovac", Talk(10, 12, 0, "2018-01-01", "2023-10-10")),
                friend(FB, "Bo Lind", Talk(1)),
            ],
            {FB: MessageFiles(2, 0, 23)},
        )
        imports(
            ws,
            [friend(FB, "Ana Kovac", Talk(1, 1, 0, "2024-02-02", "2024-02-03")), friend(FB, "Bo Lind")],
            {FB: MessageFiles(1, 0, 2, "2024-02-03")},
        )
        assert ws.account((FB, "Ana Kovac")).talk == Talk(1, 1, 0, "2024-02-02", "2024-02-03")
        assert plain(ws, FB, "Ana Kovac") == (2, "2024-02-03")
        assert ws.account((FB, "Bo Lind")).talk is None and plain(ws, FB, "Bo Lind") == (0, "")


def test_a_version_4_workspace_gets_its_counts_from_the_accounts_data(imports):
    with Workspace.open() as ws:
        imports(
            ws,
            [friend(FB, "Ana Kovac", Talk(3, 4, 1, "2019-05-01", "2023-11-30")), friend(FB, "Bo Lind")],
            {},
        )
        path = ws.path
    db = sqlite3.connect(path)  # the workspace as version 4 wrote it: counts in the JSON only
    with db:
        db.execute("ALTER TABLE accounts DROP COLUMN messages")
        db.execute("ALTER TABLE accounts DROP COLUMN last_message")
        db.execute("DROP TABLE message_files")
        db.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    db.close()
    with Workspace.open(str(path)) as ws:
        assert plain(ws, FB, "Ana Kovac") == (7, "2023-11-30") and plain(ws, FB, "Bo Lind") == (0, "")
        assert ws.message_files() == {}
        assert ws.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            VERSION
        )
    assert VERSION == 5


def test_the_date_messages_run_to():
    assert runs_to(MessageFiles(until="2023-12", last="2023-12-20"), TODAY) == "2023-12-31"
    assert runs_to(MessageFiles(until="2024-02"), TODAY) == "2024-02-29"
    assert runs_to(MessageFiles(last="2025-06-01"), TODAY) == "2025-06-01"
    assert runs_to(MessageFiles(), TODAY) == runs_to(None, TODAY) == TODAY.isoformat()


def _talkers(imports: Imports, ws: Workspace) -> None:
    recent = (TODAY - timedelta(days=20)).isoformat()
    imports(
        ws,
        [
            # Quiet since Messenger's standard download stops: still "in the last year" of it.
            friend(FB, "Ana Kovac", Talk(30, 30, 0, "2015-01-01", "2023-06-01")),
            Account(
                IG,
                "ana.kovac",
                name="Ana Kovac",
                handle="ana.kovac",
                ties=(Tie(Relation.FOLLOWER),),
                talk=Talk(1, 0, 0, "2022-01-01", "2022-01-01"),
            ),
            friend(IG, "bo.lind", Talk(5, 5, 0, "2021-01-01", "2023-06-01"), Relation.FOLLOWER),  # long quiet
            friend(LI, "Cy Moss", Talk(2, 0, 0, recent, recent), Relation.CONNECTION),  # no files' date
            friend(FB, "Di Ek"),
            friend(FB, "Ed Alm", Talk(0, 0, 4)),  # in groups only
        ],
        {FB: MessageFiles(10, 2, 300, "2023-12-20", "2023-12"), IG: MessageFiles(4, 0, 11, "2025-06-01")},
    )


def _row(roster: Roster, name: str):
    return next(r for r in roster.rows if r.name == name)


def test_each_row_has_its_talk(imports):
    with Workspace.open() as ws:
        _talkers(imports, ws)
        roster = Roster.load(ws)
    ana = _row(roster, "Ana Kovac")
    assert len(ana.networks) == 2  # the matching made one person of her two accounts
    assert (ana.talked, ana.last_talk, ana.talk_networks) == (61, "2023-06-01", ("facebook", "instagram"))
    assert (ana.quiet_days, _row(roster, "Cy Moss").quiet_days) == (213, 20)
    assert _row(roster, "bo.lind").talk_networks == ("instagram",)
    di, ed = _row(roster, "Di Ek"), _row(roster, "Ed Alm")
    assert (di.talked, di.last_talk, di.talk_networks, di.quiet_days) == (0, "", (), -1)
    assert (ed.talked, ed.talk_networks) == (0, ())
    assert roster.ends["facebook"] == "2023-12-31" and "linkedin" not in roster.ends  # none read there


def test_talked_to_in_the_last_year_counts_back_from_where_each_networks_messages_end(imports):
    with Workspace.open() as ws:
        _talkers(imports, ws)
        roster = Roster.load(ws)
    f = Filter(talked_within_days=365)
    assert {roster.rows[i].name for i in roster.select(f)} == {"Ana Kovac", "Cy Moss"}
    assert f.describe() == "talked to in the last year"
    assert (
        Filter(talked_within_days=730, undecided=True).describe()
        == "undecided, talked to in the last 2 years"
    )
    assert Filter(talked_within_days=90).describe() == "talked to in the last 3 months"
    assert {roster.rows[i].name for i in roster.select(Filter(talked_within_days=10_000))} == {
        "Ana Kovac",
        "Cy Moss",
        "bo.lind",
    }


def test_most_talked_to_first(imports):
    with Workspace.open() as ws:
        _talkers(imports, ws)
        roster = Roster.load(ws)
        order(roster, Order.TALKED, ws, [])
    names = [roster.rows[i].name for i in roster.select(Filter(everyone=True), Order.TALKED)]
    assert names == ["Ana Kovac", "bo.lind", "Cy Moss", "Di Ek", "Ed Alm"]
    assert Order.TALKED == "talked" and ORDERS[-1] == Order.TALKED  # the last of the O key's cycle


def test_the_rules_see_each_accounts_talk_and_where_messages_end(imports):
    rules = parse(
        "- name: lately\n  when: {messages: {on: [facebook, instagram]}, last_message_within: 1 year}\n"
        "  suggest: keep-personal\n  because: messaged {times} on {networks}\n"
        "- name: linkedin only\n  when: {messages: {only_on: [linkedin]}}\n"
        "  suggest: move-to-professional\n  because: messaged {times} on {networks}\n",
        "test rules",
    )
    with Workspace.open() as ws:
        _talkers(imports, ws)
        roster = Roster.load(ws)
    ana = roster.suggestion(_row(roster, "Ana Kovac"), rules)
    assert (
        ana is not None
        and ana.rule == "lately"
        and ana.reason == "messaged 61 times on Messenger and Instagram"
    )
    assert roster.suggestion(_row(roster, "bo.lind"), rules) is None  # two years quiet before June 2025
    cy = roster.suggestion(_row(roster, "Cy Moss"), rules)
    assert cy is not None and cy.rule == "linkedin only"
    fresh = roster.afresh()
    assert fresh.ends == roster.ends and fresh.suggestion(_row(fresh, "Ana Kovac"), rules) == ana


def test_the_requests_queue_suggests_with_the_talk(imports):
    rules = parse(
        "- name: lately\n  when: {messages: 5, last_message_within: 1 year}\n"
        "  suggest: keep-personal\n  because: messaged {times}\n",
        "test rules",
    )
    asking = Account(
        FB,
        "Eva Berg",
        name="Eva Berg",
        ties=(Tie(Relation.REQUEST_RECEIVED, "2023-09-01"),),
        talk=Talk(3, 3, 0, "2023-01-01", "2023-03-01"),
    )
    with Workspace.open() as ws:
        imports(ws, [asking], {FB: MessageFiles(1, 0, 6, "2023-03-01", "2023-12")})
        [request] = queue(ws)
    assert request.ends["facebook"] == "2023-12-31"
    assert suggested_answer(request, rules, None) == ("accept", "messaged 6 times (rule “lately”)")


def test_the_card_has_the_message_files_of_the_persons_networks(imports):
    with Workspace.open() as ws:
        _talkers(imports, ws)
        pid = ws.person_of((FB, "Ana Kovac"))
        detail = person_detail(ws, pid)
        assert detail.message_files == {
            "facebook": MessageFiles(10, 2, 300, "2023-12-20", "2023-12"),
            "instagram": MessageFiles(4, 0, 11, "2025-06-01"),
        }
        assert person_detail(ws, ws.person_of((LI, "Cy Moss"))).message_files == {}
