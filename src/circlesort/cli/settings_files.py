"""The commands about circlesort's own files: `plan --init-settings`, `rules [--init]`, `keys`.

Each reads the settings or the rules the way the app does, so a broken file is the same one line
(exit status 2) here as everywhere else.
"""

from __future__ import annotations

from pathlib import Path

from circlesort.errors import InputError


def init_settings() -> int:
    from circlesort.planning.settings import default_text, settings_path

    path = settings_path()
    if path.exists():
        raise InputError(str(path), "already exists; circlesort leaves your settings as they are")
    write_new(path, default_text())
    print(f"Wrote the default plan settings to {path}; edit them there.")
    return 0


def rules(init: bool) -> int:
    from circlesort.rules.suggest import default_text, load_rules, rules_path

    path = rules_path()
    if init and not path.exists():
        write_new(path, default_text())
        print(f"Wrote the default rules to {path}; edit them there.")
    elif init:
        raise InputError(str(path), "already exists; circlesort leaves your rules as they are")
    else:
        state = "yours" if path.exists() else "not there yet, so the defaults apply (--init writes them)"
        print(f"{path}: {state}")
    for rule in load_rules(path):
        print(f"  {rule.name}: {rule.suggest}")
    return 0


def keys() -> int:
    """Every key binding's id, with the keys it has (the keymap's, where it gives some)."""
    from circlesort.planning.settings import load_settings, settings_path

    print(keys_text(dict(load_settings().keymap), settings_path()))
    return 0


def keys_text(keymap: dict[str, str], path: Path) -> str:
    """The table `circlesort keys` prints: per screen, each id, its keys and what it does."""
    from circlesort.planning.keytable import GROUPS

    lines = [
        f"The keys of the app, by id. To change them, give an id its keys in {path}, under",
        'keymap: (for example  sort.personal: "1,h"; `circlesort plan --init-settings` writes that',
        "file). Keys are separated by commas: a letter or sign, or a name such as space, enter,",
        "escape, question_mark, f1, ctrl+s.",
    ]
    for title, group in GROUPS:
        lines += ["", title]
        for k in group:
            mine = keymap.get(k.id)
            shown = f"{mine} (yours; circlesort's: {k.keys})" if mine else k.keys
            lines.append(f"  {k.id:<24} {k.description:<38} {shown}")
    return "\n".join(lines)


def write_new(path: Path, text: str) -> None:
    """A file of circlesort's configuration, with its folders; a configuration folder that cannot
    be made (CIRCLESORT_CONFIG naming a file, say) is one line."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        reason = str(e.strerror or e)
        reason = reason[:1].lower() + reason[1:]
        raise InputError(str(e.filename or path), f"cannot be written ({reason})") from None
