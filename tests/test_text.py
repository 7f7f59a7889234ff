from circlesort.importers.text import clean, clean_multiline, fix_meta, fix_meta_tree

from .conftest import HOSTILE


def test_meta_mojibake_is_repaired():
    assert fix_meta("Jos\u00c3\u00a9 \u00c3\u0081lvarez") == "José Álvarez"
    assert fix_meta("\u00c5\u0081ukasz W\u00c3\u00b3jcik") == "Łukasz Wójcik"
    assert fix_meta("Zo\u00c3\u00ab \u00f0\u009f\u008c\u00b8 Dupont") == "Zoë 🌸 Dupont"
    assert fix_meta("\u00ec\u00b4\u0088\u00eb\u00b3\u00b4\u00ec\u009a\u00b4\u00ec\u00a0\u0084") == "초보운전"


def test_proper_unicode_is_left_alone():
    for s in ("Zoë", "Łukasz", "plain", "Наталья", "Ã alone"):
        assert fix_meta(s) == s


def test_fix_meta_tree_repairs_keys_and_nested_values():
    doc = {"Nome de usu\u00c3\u00a1rio": [{"v": "J\u00c3\u00bcrgen"}], "n": 3}
    assert fix_meta_tree(doc) == {"Nome de usuário": [{"v": "Jürgen"}], "n": 3}


def test_clean_removes_controls_and_bidi_but_keeps_emoji_joiners():
    assert clean("\x1b]0;pwned\x07Mallory") == "]0;pwnedMallory"
    assert clean("\x1b[5mBlinky\x1b[0m") == "[5mBlinky[0m"
    assert clean("\u202eevil\u202c Name") == "evil Name"
    assert clean("Tab\tSeparated") == "Tab Separated"
    assert clean("Line\nBreak") == "Line Break"
    assert "\u200d" in clean("Zo\u00eb \U0001f469\u200d\U0001f4bb \u738b")
    assert clean(None) == "" and clean("   ") == ""
    assert clean("e\u0301 combining") == "é combining"  # NFC


def test_every_hostile_name_comes_out_safe():
    for s in HOSTILE:
        out = clean(s)
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in out), repr(out)
        assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_clean_multiline_keeps_lines():
    assert clean_multiline("Hi\r\nthere\x1b[0m\n\n") == "Hi\nthere[0m"
