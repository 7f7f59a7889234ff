"""Hostile Facebook, Instagram and Threads files: each is skipped or read in part, never a crash or a hang.

Every file here is crafted in the test. What is asserted is what the user gets: the accounts the
rest of the export still gives, the warning or skip reason, the exit status and its one line.
"""

from __future__ import annotations

import copy
import json

import pytest

from circlesort.importers import load
from circlesort.importers.text import fix_meta_tree

from .conftest import by_key, meta, write_tree, write_zip

FRIENDS = "facebook-jane/connections/friends/your_friends.json"
FRIENDS_HTML = "facebook-jane/connections/friends/your_friends.html"
REQUESTS = "facebook-jane/connections/friends/received_friend_requests.json"
IG = "instagram-jane/connections/followers_and_following/"
BOX = '<div class="pam _3-95 _2pim _a6-g uiBoxWhite noborder"><h2>{}</h2></div>'


def ig_rec(user: str, ts: object = 1719878400) -> dict:
    return {
        "title": "",
        "media_list_data": [],
        "string_list_data": [{"href": f"https://www.instagram.com/{user}", "value": user, "timestamp": ts}],
    }


def fb_keys(result) -> set[str]:
    return {k for (n, k) in by_key(result) if n == "facebook"}


# --- Numbered pages --------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_a_huge_page_number_allocates_nothing_and_names_a_few_missing_pages(tmp_path):
    z = write_zip(
        tmp_path / "instagram.zip",
        {
            IG + "followers_1.json": json.dumps([ig_rec("ann")]),
            IG + "followers_10000000000.json": json.dumps([ig_rec("bob")]),
            IG + "followers_" + "7" * 5000 + ".json": json.dumps([ig_rec("cy")]),  # past int()'s digit limit
        },
    )
    r = load([str(z)])
    assert {k for _, k in by_key(r)} == {"ann", "bob", "cy"}
    [warning] = [w for w in r.warnings if "pages missing" in w]
    assert "followers_2.json" in warning and "more" in warning and len(warning) < 300


# --- Facebook names shared by several friends --------------------------------------------------


@pytest.mark.timeout(15)
def test_homonym_check_is_linear_on_a_heavy_friends_list(tmp_path):
    names = [{"name": f"Friend {i}", "timestamp": 1700000000} for i in range(40_000)]
    names.append({"name": "Friend 7", "timestamp": 1700000001})
    z = write_zip(tmp_path / "facebook.zip", {FRIENDS: meta({"friends_v2": names})})
    r = load([str(z)])
    assert r.counts() == {"facebook": {"friend": 40_000}}
    assert any("1 name appears more than once" in w and "'Friend 7'" in w for w in r.warnings)


# --- Deep nesting ----------------------------------------------------------------------------


def test_json_nested_too_deeply_for_the_parser_is_one_skipped_file(tmp_path):
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            FRIENDS: meta({"friends_v2": [{"name": "Ann Lee", "timestamp": 1700000000}]}),
            REQUESTS: '{"received_requests_v2": ' + "[" * 5000 + "]" * 5000 + "}",
        },
    )
    r = load([str(z)])
    assert fb_keys(r) == {"Ann Lee"}
    assert any("received_friend_requests.json: nested too deeply" in w for w in r.warnings)


def test_a_deep_but_parsable_document_is_repaired_and_read(tmp_path):
    deep: object = "Zoë"
    for _ in range(600):  # json reads it; a recursive repair would not
        deep = [deep]
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            FRIENDS: meta({"friends_v2": [{"name": "José Álvarez", "timestamp": 1700000000}], "extra": deep}),
        },
    )
    assert fb_keys(load([str(z)])) == {"José Álvarez"}


def test_fix_meta_tree_handles_depth_5000():
    doc: object = {"J\u00c3\u00bcrgen": "Zo\u00c3\u00ab"}
    for _ in range(2500):
        doc = [{"k": doc}]
    fixed = fix_meta_tree(doc)
    for _ in range(2500):  # walked down by hand: == on such a tree recurses too
        [one] = fixed
        fixed = one["k"]
    assert fixed == {"Jürgen": "Zoë"}


def test_deep_label_values_are_read_without_recursion(tmp_path):
    lv: dict = {"label": "Note", "value": "deep"}
    for _ in range(300):
        lv = {"label": "Group", "dict": [lv]}
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            FRIENDS: meta(
                [{"timestamp": 1740655193, "label_values": [{"label": "Name", "value": "Ann Lee"}, lv]}]
            )
        },
    )
    assert fb_keys(load([str(z)])) == {"Ann Lee"}


def test_html_nested_50000_deep_is_read(tmp_path):
    html = BOX.format("Ann Lee") + "<span>" * 50_000 + "x" + BOX.format("Bo Chen")
    d = write_tree(tmp_path / "fb", {FRIENDS_HTML: html})
    assert fb_keys(load([str(d)])) == {"Ann Lee", "Bo Chen"}


def test_a_number_too_long_to_read_is_one_skipped_file(tmp_path):
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            FRIENDS: meta({"friends_v2": [{"name": "Ann Lee", "timestamp": 1700000000}]}),
            REQUESTS: '{"received_requests_v2": [{"name": "X", "timestamp": ' + "9" * 5000 + "}]}",
        },
    )
    r = load([str(z)])
    assert fb_keys(r) == {"Ann Lee"}
    assert any("received_friend_requests.json: a number too long" in w for w in r.warnings)


def test_deep_json_alone_is_one_line_and_status_2(cli, tmp_path):
    p = tmp_path / "your_friends.json"
    p.write_text('{"friends_v2": ' + "[" * 5000 + "]" * 5000 + "}")
    code, _, err = cli("inspect", str(p))
    assert code == 2
    assert err == f"circlesort: {p}: nested too deeply\n"


# --- HTML the standard parser stumbles on ------------------------------------------------------


@pytest.mark.timeout(10)
def test_unmatched_end_tags_are_read_in_linear_time(tmp_path):
    n = 20_000
    html = "<html><body>" + "<div>" * n + "</x>" * n + BOX.format("Ann Lee")
    z = write_zip(tmp_path / "facebook.zip", {FRIENDS_HTML: html})
    assert z.stat().st_size < 2000
    assert fb_keys(load([str(z)])) == {"Ann Lee"}


@pytest.mark.parametrize("section", ["<![C x >", "<![ x >", "<![CDATA[ x ]]>", "<![if x]>"])
def test_marked_sections_are_bogus_comments(tmp_path, section):
    html = BOX.format("Ann Lee") + section + BOX.format("Bo Chen")
    d = write_tree(tmp_path / "fb", {FRIENDS_HTML: html})
    assert fb_keys(load([str(d)])) == {"Ann Lee", "Bo Chen"}


@pytest.mark.timeout(10)
def test_nested_list_items_are_read_in_linear_time(tmp_path):
    html = "<ul><li>Ann Lee</li>" + "<li>x" * 20_000 + "</ul>"
    d = write_tree(tmp_path / "fb", {FRIENDS_HTML: html})
    assert "Ann Lee" in fb_keys(load([str(d)]))


@pytest.mark.timeout(10)
def test_nested_empty_date_boxes_are_read_in_linear_time(tmp_path):
    html = '<div class="_a6-g"><h2>Ann Lee</h2>' + '<div class="_a72d">' * 20_000 + "</div>"
    d = write_tree(tmp_path / "fb", {FRIENDS_HTML: html})
    assert fb_keys(load([str(d)])) == {"Ann Lee"}


# --- Dates out of range ----------------------------------------------------------------------


def test_huge_and_out_of_range_dates_leave_the_account_undated(tmp_path):
    d = write_tree(
        tmp_path / "exports",
        {
            "facebook-jane/connections/friends/your_friends.json": '{"friends_v2": [{"name": "Ann Lee", "timestamp": 1'
            + "0" * 400
            + "},"
            ' {"name": "Bo Chen", "timestamp": 1e400}, {"name": "Cy Diaz", "timestamp": "9999-12-31T23:00:00-05:00"},'
            ' {"name": "Di Eng", "timestamp": 1700000000}]}',
            "instagram-jane/connections.json": json.dumps(
                {"followers": {"ann": "0001-01-01T00:00:00+05:00"}}
            ),
            "facebook-jane/connections/friends/received_friend_requests.html": '<div class="_a6-g"><h2>Ed Fox</h2><div class="_a72d">0001-01-01T00:00:00+05:00</div></div>',
        },
    )
    keys = by_key(load([str(d)]))
    assert {k for (_, k), a in keys.items() if a.since("friend") or a.since("follower")} == {"Di Eng"}
    assert {"Ann Lee", "Bo Chen", "Cy Diaz", "Ed Fox"} <= {k for _, k in keys}
    assert ("instagram", "ann") in keys


# --- Values of the wrong type ----------------------------------------------------------------


def test_label_values_with_vec_and_dict_not_lists(tmp_path):
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            FRIENDS: meta(
                [
                    {"label_values": [{"label": "Name", "value": "Ann Lee"}]},
                    {"label_values": [{"label": "Name", "value": "Bad Vec"}, {"label": "x", "vec": 5}]},
                    {"label_values": [{"label": "Name", "value": "Bad Dict"}, {"label": "x", "dict": 7.5}]},
                    {"label_values": [{"label": "Name", "value": "Bo Chen"}]},
                ]
            )
        },
    )
    r = load([str(z)])
    assert fb_keys(r) == {"Ann Lee", "Bo Chen"}
    assert any("2 entries of an unexpected shape in your_friends.json skipped" in w for w in r.warnings)


def test_malformed_records_are_counted_once_per_file(tmp_path):
    z = write_zip(
        tmp_path / "facebook.zip",
        {
            FRIENDS: meta(
                {"friends_v2": [{"name": "Ann Lee"}, 5, {"name": ["x"]}, "y", {"name": "Bo Chen"}]}
            ),
            IG + "followers_1.json": json.dumps(
                [
                    ig_rec("cy"),
                    {"string_list_data": "oops", "title": "dee"},
                    {"title": ["x"], "string_list_data": []},
                    ig_rec("eve"),
                ]
            ),
        },
    )
    r = load([str(z)])
    assert {k for _, k in by_key(r)} == {"Ann Lee", "Bo Chen", "cy", "eve"}
    assert any("3 entries of an unexpected shape in your_friends.json skipped" in w for w in r.warnings)
    assert any("2 entries of an unexpected shape in followers_1.json skipped" in w for w in r.warnings)


WRONG = [
    "",
    "x",
    0,
    -1,
    10**30,
    -(10**30),
    1.5e308,
    True,
    None,
    [],
    {},
    [[]],
    {"a": {}},
    [1, "a"],
    "\x1b[2J",
    "9" * 400,
    10**400,
]

TEMPLATES = {  # file -> (how a list of records is wrapped, a valid record)
    FRIENDS: (lambda recs: {"friends_v2": recs}, {"name": "Mallory Quinn", "timestamp": 1700000000}),
    REQUESTS: (
        lambda recs: recs,
        {
            "timestamp": 1740655193,
            "label_values": [
                {"label": "Name", "value": "Mallory Quinn"},
                {"label": "URL", "value": "", "href": ""},
                {"label": "Friends", "vec": [{"value": "a"}, {"dict": [{"label": "k", "value": "v"}]}]},
                {"title": "More", "dict": [{"label": "Note", "value": "n", "timestamp_value": 1700000000}]},
            ],
        },
    ),
    IG + "followers_1.json": (lambda recs: recs, ig_rec("mallory.q")),
    IG + "following.json": (
        lambda recs: {"relationships_following": recs},
        {
            "title": "mallory.q",
            "string_list_data": [{"href": "https://www.instagram.com/_u/mallory.q", "timestamp": 1786576120}],
        },
    ),
}


def _paths(obj: object, at: tuple = ()) -> list[tuple]:
    """Every position in a JSON value, the value itself first."""
    out = [at]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*at, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*at, i))
    return out


def _replaced(obj: object, at: tuple, value: object) -> object:
    if not at:
        return value
    out = copy.deepcopy(obj)
    parent = out
    for step in at[:-1]:
        parent = parent[step]
    parent[at[-1]] = value
    return out


@pytest.mark.timeout(60)
@pytest.mark.parametrize("inner", list(TEMPLATES))
def test_type_mutated_records_never_stop_the_rest(tmp_path, inner):
    """Every position of a valid record, set to every wrong value: the valid records around it are read."""
    wrap, good = TEMPLATES[inner]
    mutants = [_replaced(good, at, w) for at in _paths(good) for w in WRONG]
    keep = [
        _replaced(good, ("name",), "Ann Lee") if "name" in good else ig_rec("ann"),
        _replaced(good, ("name",), "Bo Chen") if "name" in good else ig_rec("bob"),
    ]
    if "label_values" in good:
        keep = [{"label_values": [{"label": "Name", "value": n}]} for n in ("Ann Lee", "Bo Chen")]
    doc = wrap([keep[0], *mutants, keep[1]])
    for dump in (json.dumps, meta):
        d = write_tree(tmp_path / dump.__name__, {inner: dump(doc)})
        r = load([str(d)])
        keys = {k for _, k in by_key(r)}
        assert {"Ann Lee", "Bo Chen"} <= keys or {"ann", "bob"} <= keys
        assert not any("skipped " + inner in w for w in r.warnings)


@pytest.mark.parametrize("value", WRONG)
def test_a_wrong_value_for_a_whole_list_skips_only_that_list(tmp_path, value):
    d = write_tree(
        tmp_path / "fb",
        {
            FRIENDS: meta(
                {"friends_v2": value, "received_requests_v2": [{"name": "Ann Lee", "timestamp": 1700000000}]}
            )
        },
    )
    assert "Ann Lee" in fb_keys(load([str(d)]))


# --- One name listed many times ----------------------------------------------------------------


@pytest.mark.timeout(20)
def test_one_name_listed_many_times_is_read_in_linear_time(tmp_path):
    """Facebook keys friends by name: 40,000 'John Smith' rows are one account, merged once, not row by row."""
    rows = [{"name": "John Smith", "timestamp": 1600000000 + i} for i in range(40_000)]
    folder = write_tree(tmp_path, {FRIENDS: meta({"friends_v2": rows + rows[:5]})})
    result = load([folder])
    (john,) = result.accounts
    assert john.name == "John Smith" and john.relations == ("friend",)
    assert len(john.ties) == 40_000 and john.ties[0].since == "2020-09-13T12:26:40+00:00"
    assert any("'John Smith'" in w for w in result.warnings)
