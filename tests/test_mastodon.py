"""Mastodon CSVs, recognised by content, header or not."""

from circlesort.importers import load

from .conftest import by_key, write_tree


def test_all_kinds_by_content_even_renamed(tmp_path):
    d = write_tree(
        tmp_path / "masto",
        {
            "follows.csv": "Account address,Show boosts,Notify on new posts,Languages\n"
            'Alice@Mastodon.Social,true,false,\n@bob@example.town,true,true,"en, de"\n',
            "export (1).csv": "Close friends,alice@mastodon.social\nTech,carol@fosstodon.org\n",
            "blocks.csv": "troll@bad.example\n",
            "mutes.csv": "Account address,Hide notifications\nshouty@mastodon.social,true\n",
            "old_follows.csv": "Account address,Show boosts\ndave@example.town,true\n",
        },
    )
    r = load([str(d)])
    keys = by_key(r)
    alice = keys[("mastodon", "alice@mastodon.social")]
    assert alice.relations == ("following",) and alice.labels == ("list: Close friends",)
    assert alice.url == "https://mastodon.social/@alice" and alice.handle == "alice"
    assert keys[("mastodon", "bob@example.town")].relations == ("following",)
    assert keys[("mastodon", "carol@fosstodon.org")].relations == ("following",)
    assert keys[("mastodon", "troll@bad.example")].relations == ("blocked",)
    assert keys[("mastodon", "shouty@mastodon.social")].relations == ("muted",)
    assert ("mastodon", "dave@example.town") in keys


def test_header_less_follow_list_from_an_early_version(tmp_path):
    d = write_tree(tmp_path / "m", {"following_accounts.csv": "a@b.example\nc@d.example\n"})
    assert load([str(d)]).counts() == {"mastodon": {"following": 2}}
