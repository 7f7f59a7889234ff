"""A request the export shows accepted is history: out of the queue, `circlesort requests` and the
plan. What settles one depends on the network and direction, and following is not friendship."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from circlesort.planning.current import current_plan
from circlesort.planning.settings import load_settings
from circlesort.planning.steps import Due, StepKind
from circlesort.workspace import Workspace, import_paths
from circlesort.workspace.requests import answer, queue

from .conftest import meta, write_zip

K = StepKind
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
NOTES = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
ME = "https://www.linkedin.com/in/mayalindqvist"


def invitation(name, slug, sent, incoming, message=""):
    them = f"https://www.linkedin.com/in/{slug}"
    people = (name, "Maya Lindqvist", them, ME) if incoming else ("Maya Lindqvist", name, ME, them)
    return (
        f'{people[0]},{people[1]},"{sent}",{message},{"INCOMING" if incoming else "OUTGOING"},'
        f"{people[2]},{people[3]}\n"
    )


def linkedin(tmp_path, name, connections, invitations):
    return str(
        write_zip(
            tmp_path / name,
            {
                "Connections.csv": NOTES + CONNECTIONS + connections,
                "Invitations.csv": INVITATIONS + invitations,
            },
        )
    )


def current_export(tmp_path):
    """Invitations.csv as LinkedIn writes it: mostly invitations accepted long ago."""
    return linkedin(
        tmp_path,
        "Complete_LinkedInDataExport_12-01-2026.zip",
        "Ines,Okafor,https://www.linkedin.com/in/ines-okafor-3b2a91,,Northwind,Director,30 Nov 2026\n"
        "Tomás,Reyes,https://www.linkedin.com/in/tom%C3%A1s-reyes,,Contoso,Engineer,02 Mar 2024\n"
        "Chen,Wei,https://www.linkedin.com/in/chenwei,,Fabrikam,Designer,14 Nov 2019\n",
        invitation("Ines Okafor", "ines-okafor-3b2a91", "11/29/26, 2:37 PM", True, "Hi Maya")
        + invitation("Tomás Reyes", "tomás-reyes", "3/1/24, 10:00 AM", False)
        + invitation("Priya Sharma", "priya-sharma-88", "11/13/26, 7:48 PM", True, "We met in Lisbon")
        + invitation("Ada Quill", "adaquill", "10/26/26, 12:16 PM", False),
    )


def test_requests_lists_only_invitations_with_people_not_yet_connections(tmp_path, cli):
    assert cli("import", current_export(tmp_path))[0] == 0
    code, out, err = cli("requests", "--json")
    assert code == 0, err
    waiting = [(r["direction"], r["name"]) for r in json.loads(out)["requests"]]
    assert waiting == [("incoming", "Priya Sharma"), ("outgoing", "Ada Quill")]
    code, out, _ = cli("requests")
    assert out.startswith("1 requests waiting for you, 1 you sent still pending.")
    assert "Ines Okafor" not in out and "Tomás Reyes" not in out


def test_a_2018_export_keyed_by_email_lists_only_the_waiting(tmp_path, cli):
    z = write_zip(
        tmp_path / "Complete_LinkedInDataExport_11-04-2018.zip",
        {
            "Connections.csv": (
                "First Name,Last Name,Email Address,Company,Position,Connected On\n"
                'Vidit,Rao,vidit.rao@example.org,Isteps,CTO,"10/18/18, 1:21 AM"\n'
                'Rashi,Sood,rashi@example.org,Internshala,Ambassador,"7/24/18, 7:44 AM"\n'
            ),
            "Invitations.csv": (
                "From,To,Sent At,Message,Direction\n"
                'Vidit Rao,Maya Lindqvist,"10/18/18, 1:10 AM",,INCOMING\n'
                'Maya Lindqvist,Rashi Sood,"7/24/18, 4:22 AM",,OUTGOING\n'
                'Pawan Gupta,Maya Lindqvist,"10/31/18, 7:52 AM",,INCOMING\n'
            ),
        },
    )
    assert cli("import", str(z))[0] == 0
    requests = json.loads(cli("requests", "--json")[1])["requests"]
    assert [(r["name"], r["since"]) for r in requests] == [("Pawan Gupta", "2018-10-31T07:52")]


def test_what_settles_a_request_depends_on_network_and_direction(tmp_path):
    fb = "connections/friends/"
    facebook = write_zip(
        tmp_path / "facebook-maya-2026-12-01-abc.zip",
        {
            fb + "your_friends.json": meta({"friends_v2": [{"name": "Lea Moreau", "timestamp": 1764000000}]}),
            fb + "received_friend_requests.json": meta(
                {
                    "received_requests_v2": [
                        {"name": "Noah Brennan", "timestamp": 1763000000},
                        {"name": "Lea Moreau", "timestamp": 1763000000},
                    ]
                }
            ),
            fb + "sent_friend_requests.json": meta(
                {"sent_requests_v2": [{"name": "Ivo Petrov", "timestamp": 1763000000}]}
            ),
            # Noah and Ivo follow each other with Maya: following is not friendship.
            "connections/followers/people_who_followed_you.json": meta(
                {"followers_v3": [{"name": "Noah Brennan"}]}
            ),
            "connections/followers/who_you've_followed.json": meta(
                {"following_v3": [{"name": "Ivo Petrov", "timestamp": 1763000000}]}
            ),
        },
    )

    def rec(user):
        return {
            "title": "",
            "media_list_data": [],
            "string_list_data": [
                {"href": f"https://www.instagram.com/{user}", "value": user, "timestamp": 1763000000}
            ],
        }

    ig = "connections/followers_and_following/"
    instagram = write_zip(
        tmp_path / "instagram-maya-2026-12-01-xyz.zip",
        {
            ig + "follow_requests_you've_received.json": json.dumps(
                {"relationships_follow_requests_received": [rec("sam.r"), rec("kai.t")]}
            ),
            ig + "pending_follow_requests.json": json.dumps(
                {"relationships_follow_requests_sent": [rec("hannah.b"), rec("olu.a")]}
            ),
            ig + "followers_1.json": json.dumps([rec("sam.r"), rec("olu.a")]),
            ig + "following.json": json.dumps({"relationships_following": [rec("hannah.b"), rec("kai.t")]}),
        },
    )
    with Workspace.open() as ws:
        import_paths(ws, [str(facebook), str(instagram)])
        waiting = {(r.account.network, r.direction, r.account.display_name) for r in queue(ws)}
    assert waiting == {
        ("facebook", "incoming", "Noah Brennan"),  # a follower, not a friend: still waiting
        ("facebook", "outgoing", "Ivo Petrov"),  # followed, not a friend: still waiting
        ("instagram", "incoming", "kai.t"),  # followed by Maya, not following her
        ("instagram", "outgoing", "olu.a"),  # following Maya, not followed by her
    }


def two_exports(tmp_path):
    """Ines invited Maya and Maya invited Ada; by the newer export both are connections, and its
    Invitations.csv still lists both invitations."""
    chen = "Chen,Wei,https://www.linkedin.com/in/chenwei,,Fabrikam,Designer,14 Nov 2019\n"
    invitations = invitation("Ines Okafor", "ines-okafor-3b2a91", "11/19/26, 2:37 PM", True) + invitation(
        "Ada Quill", "adaquill", "11/1/26, 12:16 PM", False
    )
    older = linkedin(tmp_path, "Complete_LinkedInDataExport_11-20-2026.zip", chen, invitations)
    newer = linkedin(
        tmp_path,
        "Complete_LinkedInDataExport_12-01-2026.zip",
        chen
        + "Ines,Okafor,https://www.linkedin.com/in/ines-okafor-3b2a91,,Northwind,Director,21 Nov 2026\n"
        + "Ada,Quill,https://www.linkedin.com/in/adaquill,,Adatum,Founder,25 Nov 2026\n",
        invitations,
    )
    return older, newer


def answered(ws, older):
    import_paths(ws, [older])
    asked = {r.account.display_name: r for r in queue(ws)}
    answer(ws, asked["Ines Okafor"], "decline-linkedin")  # on LinkedIn: accept, professionally
    answer(ws, asked["Ada Quill"], "withdraw")


def request_steps(ws):
    return {
        (s.step.kind, s.step.name): s.due
        for s in current_plan(ws, load_settings(), NOW).steps
        if s.step.kind in (K.ACCEPT_REQUEST, K.DECLINE_REQUEST, K.WITHDRAW_REQUEST)
    }


def test_the_plan_asks_nothing_of_requests_the_newer_export_shows_accepted(tmp_path):
    older, newer = two_exports(tmp_path)
    with Workspace.open() as ws:
        answered(ws, older)
        import_paths(ws, [newer])
        assert request_steps(ws) == {}
        assert queue(ws) == []


def test_a_plan_made_before_shows_those_steps_finished_or_impossible(tmp_path):
    older, newer = two_exports(tmp_path)
    with Workspace.open() as ws:
        answered(ws, older)
        assert set(request_steps(ws).values()) == {Due.NOW}
        import_paths(ws, [newer])
        assert request_steps(ws) == {
            (K.ACCEPT_REQUEST, "Ines Okafor"): Due.FINISHED,
            (K.WITHDRAW_REQUEST, "Ada Quill"): Due.IMPOSSIBLE,
        }


def test_the_plan_still_asks_to_answer_a_facebook_requester_who_only_follows(tmp_path):
    facebook = write_zip(
        tmp_path / "facebook-maya-2026-12-01-abc.zip",
        {
            "connections/friends/received_friend_requests.json": meta(
                {"received_requests_v2": [{"name": "Noah Brennan", "timestamp": 1763000000}]}
            ),
            "connections/followers/people_who_followed_you.json": meta(
                {"followers_v3": [{"name": "Noah Brennan"}]}
            ),
        },
    )
    with Workspace.open() as ws:
        import_paths(ws, [str(facebook)])
        [noah] = queue(ws)
        answer(ws, noah, "accept")
        steps = {
            (s.step.kind, s.step.network): s.due
            for s in current_plan(ws, load_settings(), NOW).steps
            if s.step.name == "Noah Brennan"
        }
    assert steps == {(K.ACCEPT_REQUEST, "facebook"): Due.NOW}  # not shown done: he only follows
