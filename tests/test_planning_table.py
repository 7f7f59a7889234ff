"""The default translation of categories into actions per network, as DESIGN.md's table has it."""

from circlesort.planning.table import actions, count_by_network


def test_the_table():
    assert actions("move-to-professional", "facebook", ["friend"]) == ("unfriend",)
    assert actions("page-follower", "facebook", ["friend"]) == ("invite to follow the Page", "unfriend")
    assert actions("move-to-professional", "facebook", ["request_received"]) == (
        "decline the friend request", "connect on LinkedIn instead")
    assert actions("keep-personal", "facebook", ["friend"]) == ()  # kept as it is
    assert actions("move-to-professional", "linkedin", ["connection"]) == ()  # already connected
    assert actions("move-to-professional", "linkedin", ["following"]) == ("connect",)
    assert actions("move-to-professional", "mastodon", ["following"]) == ("follow from the professional account",)
    assert actions("keep-personal", "contacts", ["contact"]) == ("label Personal",)


def test_counts_per_network():
    counts = count_by_network([("page-follower", "facebook", ["friend"]), ("page-follower", "linkedin",
                                                                           ["connection"]),
                               ("keep-personal", "instagram", ["follower"])])
    assert counts == {"facebook": 2, "linkedin": 1, "instagram": 0}
