"""Carrying the plan out on the plan screen: one key ticks a step (done, or sent for an invitation),
a accepts, s skips, r removes anyway, u and U undo and redo. The row changes at once; the worker
saves the tick and works the plan out again, and the removals an acceptance releases become due."""

from __future__ import annotations

from circlesort.workspace.failures import WorkspaceError
from circlesort.workspace.plan_store import step_states

from .conftest import drive
from .test_ui_plan import (
    decide,
    detail,
    flat,
    goto,
    listed,
    open_plan,
    panel,
    section,
    settings_folder,
    settle,
)

__all__ = ["settings_folder"]  # the fixture: the default settings for every test here


def state_of(ws, name: str, kind: str, app) -> str | None:
    """The state saved in the workspace for this person's step."""
    ids = [i for i, s in app.screen.steps.items() if s.step.name == name and s.step.kind == kind]
    return step_states(ws).get(ids[0], (None, ""))[0]


def test_space_marks_a_step_done_at_once_and_moves_to_the_next_due_step():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Chris Evans", "follow_from")
        await pilot.press("space")  # before the worker: the row and the counts already say it
        assert "✓ X Chris Evans follow from your" in listed(app)
        assert "1 done" in panel(app, "plan-status")
        assert not detail(app).startswith("Chris Evans X")  # the cursor went on to the next due step
        await settle(pilot, app)
        assert state_of(ws, "Chris Evans", "follow_from", app) == "done"
        assert "✓ X Chris Evans" in listed(app)  # ticked here: it stays where it was until v
        assert "saving" not in panel(app, "plan-status")

    drive(test, size=(120, 40), before=decide(Chris_Evans="move-to-professional"))


def test_enter_on_an_invitation_marks_it_sent_and_the_removal_still_waits():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Amara Wang", "connect")
        await pilot.press("enter")
        await settle(pilot, app)
        assert state_of(ws, "Amara Wang", "connect", app) == "sent"
        assert "→ LinkedIn Amara Wang send a LinkedIn invitation sent" in listed(app)
        assert "… Facebook Amara Wang unfriend waited 0d" in section(listed(app), "Waiting")
        assert "LinkedIn: 1 of 100 invitations this week" in panel(app, "progress")

    drive(test, size=(120, 40), before=decide(Amara_Wang="move-to-professional"))


def test_accepting_an_invitation_releases_the_removal_waiting_for_it():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Amara Wang", "connect")
        await pilot.press("space")
        await settle(pilot, app)
        await goto(pilot, app, "Amara Wang", "connect")
        await pilot.press("a")
        await pilot.pause()
        assert "✓ LinkedIn Amara Wang send a LinkedIn invitation accepted" in listed(app)
        await settle(pilot, app)
        assert state_of(ws, "Amara Wang", "connect", app) == "confirmed"
        due = section(listed(app), "Due now", "Waiting") if "Waiting" in listed(app) else listed(app)
        assert "○ Facebook Amara Wang unfriend today" in due
        await goto(pilot, app, "Amara Wang", "unfriend")
        assert "waits for" not in detail(app) and "space done" in detail(app)

    drive(test, size=(120, 40), before=decide(Amara_Wang="move-to-professional"))


def test_skipping_an_invitation_makes_its_removal_ask_and_r_removes_anyway():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Amara Wang", "connect")
        await pilot.press("s")
        await settle(pilot, app)
        assert state_of(ws, "Amara Wang", "connect", app) == "skipped"
        assert "– LinkedIn Amara Wang send a LinkedIn invitation skipped" in listed(app)
        assert "? Facebook Amara Wang unfriend remove anyway?" in listed(app)
        await goto(pilot, app, "Amara Wang", "unfriend")
        assert "(skipped): remove anyway?" in detail(app) and "r remove anyway" in detail(app)
        await pilot.press("r")
        await settle(pilot, app)
        assert state_of(ws, "Amara Wang", "unfriend", app) == "remove-anyway"
        assert "○ Facebook Amara Wang unfriend today" in listed(app)

    drive(test, size=(120, 40), before=decide(Amara_Wang="move-to-professional"))


def test_r_releases_a_removal_that_waits_and_says_why_not_elsewhere():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Amara Wang", "connect")
        await pilot.press("r")
        await settle(pilot, app)
        assert "r releases a removal that waits; this one does not wait" in flat(app)
        assert state_of(ws, "Amara Wang", "connect", app) is None
        await goto(pilot, app, "Amara Wang", "unfriend")
        assert "r remove anyway" in detail(app)
        await pilot.press("r")
        await pilot.pause()
        assert "○ Facebook Amara Wang unfriend today" in listed(app)
        await settle(pilot, app)
        assert state_of(ws, "Amara Wang", "unfriend", app) == "remove-anyway"

    drive(test, size=(120, 40), before=decide(Amara_Wang="move-to-professional"))


def test_u_undoes_a_tick_and_U_redoes_it():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Chris Evans", "follow_from")
        await pilot.press("space")
        await settle(pilot, app)
        assert state_of(ws, "Chris Evans", "follow_from", app) == "done"
        await pilot.press("u")
        await settle(pilot, app)
        assert state_of(ws, "Chris Evans", "follow_from", app) is None
        assert "Undone: done: Chris Evans" in flat(app)
        assert "○ X Chris Evans follow from your" in listed(app)
        await pilot.press("U")
        await settle(pilot, app)
        assert state_of(ws, "Chris Evans", "follow_from", app) == "done"
        assert "Redone: done: Chris Evans" in flat(app)
        assert "✓ X Chris Evans" in listed(app)

    drive(test, size=(120, 40), before=decide(Chris_Evans="move-to-professional"))


def test_the_import_file_row_ticks_every_step_it_does():
    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        row = next(r for r in app.screen.step_list.lines if getattr(r, "file", None))
        app.screen.step_list.move_to(app.screen.step_list.lines.index(row))
        await pilot.pause()
        assert "google_contacts.csv: 2 contacts" in detail(app) and "space marks them all done" in detail(app)
        await pilot.press("space")
        await settle(pilot, app)
        assert {step_states(ws)[i][0] for i in row.ids} == {"done"}
        assert "✓ Contacts google_contacts.csv: 2 contacts" in listed(app)

    drive(test, size=(120, 40), before=decide(John_Smith="move-to-professional", Amara_Demir="keep-personal"))


def test_a_tick_the_disk_refuses_is_said_and_the_row_comes_back(monkeypatch):
    def full(ws, ids, state, label):
        raise WorkspaceError(str(ws.path), "the disk is full; what was saved before is kept", "full")

    monkeypatch.setattr("circlesort.ui.screens.plan_work.set_state", full)

    async def test(pilot, app, ws):
        await open_plan(pilot, app)
        await goto(pilot, app, "Chris Evans", "follow_from")
        await pilot.press("space")
        await settle(pilot, app)
        assert "Not saved" in flat(app) and "what was saved before is kept" in flat(app)
        assert "○ X Chris Evans follow from your" in listed(app)
        assert state_of(ws, "Chris Evans", "follow_from", app) is None

    drive(test, size=(120, 40), before=decide(Chris_Evans="move-to-professional"))
