"""A fixed-seed fuzz of the sample exports through the real command line: exit 0 or 2, never a traceback.

Each case mutates one file of one sample export (bytes flipped, cut short, a value of the wrong
type, nesting thousands deep, a line repeated, another encoding) and hands the export to
`circlesort inspect`, and some cases to `circlesort match`. A case has a generous time limit
that only a hang reaches: this is a guard, not a benchmark.
"""

from __future__ import annotations

import io
import json
import random
import re
import signal
import zipfile
from pathlib import Path

import pytest

from circlesort.cli.commands import main, sample_exports

SEED = 20261202
CASES = 320
CASE_SECONDS = 20
_JS_PREFIX = re.compile(rb"^\s*window\.YTD\.[\w.]+\s*=\s*")


def _sample_files() -> list[tuple[str, str, bytes]]:
    """(export name, inner path or "", bytes) of every file of every sample export."""
    out = []
    for path in sorted(sample_exports().iterdir()):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as zf:
                out += [(path.name, i.filename, zf.read(i)) for i in zf.infolist() if not i.is_dir()]
        elif path.is_dir():
            out += [(path.name, f.name, f.read_bytes()) for f in sorted(path.iterdir())]
        elif path.suffix != ".md":
            out.append((path.name, "", path.read_bytes()))
    return out


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
    "\x1b[2J",
    "9" * 400,
]


def _mutate_json(rng: random.Random, data: bytes) -> bytes:
    match = _JS_PREFIX.match(data)
    prefix, body = (data[: match.end()], data[match.end() :]) if match else (b"", data)
    try:
        tree = json.loads(body)
    except ValueError:
        return data
    nodes: list[tuple[object, object]] = []  # (container, key) of every value
    stack = [tree]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            nodes.append((node, key))
            stack.append(value)
    if not nodes:
        return data
    container, key = rng.choice(nodes)
    choice = rng.random()
    if choice < 0.1:  # nesting too deep for json.dumps to write: spliced in as text
        container[key] = "<deep>"
        depth = rng.choice([200, 3000, 50000])
        return prefix + json.dumps(tree).replace('"<deep>"', "[" * depth + "]" * depth, 1).encode()
    if choice < 0.2 and isinstance(container, dict):
        del container[key]
    else:
        container[key] = rng.choice(WRONG)
    return prefix + json.dumps(tree).encode()


def _mutate(rng: random.Random, data: bytes) -> bytes:
    kind = rng.randrange(8)
    if kind == 0 and data:  # bytes flipped
        buf = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf)
    if kind == 1:  # cut short
        return data[: rng.randrange(len(data) + 1)]
    if kind in (2, 3, 4):  # a value of the wrong type, or nesting thousands deep
        return _mutate_json(rng, data)
    if kind == 5:  # one line repeated many times
        lines = data.splitlines(keepends=True) or [b""]
        at = rng.randrange(len(lines))
        return b"".join(lines[:at] + [lines[at]] * rng.choice([2, 500, 5000]) + lines[at:])
    if kind == 6:  # another encoding, sometimes with an odd byte count
        text = data.decode("utf-8", "replace")
        out = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1"]), "replace")
        return out[:-1] if rng.random() < 0.5 else out
    # controls, NULs and markup-like characters sprinkled in
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        buf[rng.randrange(len(buf) + 1) : 0] = rng.choice(
            [b"\x00", b"\x1b]0;x\x07", b"<![C", b"</a>" * 50, b"\r"]
        )
    return bytes(buf)


def _write_case(rng: random.Random, files, target: Path) -> Path:
    export, inner, _ = rng.choice(files)
    if export.endswith(".zip"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for e, i, data in files:
                if e == export:
                    zf.writestr(i, _mutate(rng, data) if i == inner else data)
        raw = buf.getvalue()
        if rng.random() < 0.15:  # the container itself damaged
            raw = raw[: rng.randrange(len(raw))] if rng.random() < 0.5 else _mutate(rng, raw)
        target.write_bytes(raw)
        return target
    if inner:  # a folder export
        folder = target.with_suffix("")
        folder.mkdir()
        for e, i, data in files:
            if e == export:
                (folder / i).write_bytes(_mutate(rng, data) if i == inner else data)
        return folder
    path = target.with_name(export)
    path.write_bytes(_mutate(rng, dict(((e, i), d) for e, i, d in files)[(export, inner)]))
    return path


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang


@pytest.mark.timeout(240)
def test_mutated_sample_exports_give_exit_0_or_2_and_never_a_traceback(tmp_path, capsys):
    rng = random.Random(SEED)
    files = _sample_files()
    failures = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for n in range(CASES):
            case = tmp_path / f"case{n}"
            case.mkdir()
            path = _write_case(rng, files, case / "export.zip")
            command = ["match", "--json"] if n % 10 == 0 else ["inspect", "--json"]
            signal.alarm(CASE_SECONDS)
            try:
                code = main([*command, str(path)])
            except _Hang:
                failures.append(f"case {n}: still running after {CASE_SECONDS} s")
                continue
            except BaseException as e:  # every escape is the finding
                failures.append(f"case {n}: {type(e).__name__}: {e}"[:300])
                continue
            finally:
                signal.alarm(0)
            _, err = capsys.readouterr()
            if code not in (0, 2):
                failures.append(f"case {n}: exit status {code}")
            elif code == 2 and (err.count("\n") != 1 or "Traceback" in err):
                failures.append(f"case {n}: not one line: {err[:300]!r}")
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not failures, "\n".join(failures)
