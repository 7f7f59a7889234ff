"""The command palette (ctrl+p): every key of the screen shown, and the app's, by name, from their bindings.

The palette, the footer and the help list all read the same Binding objects, so a key, its
label and its palette entry cannot drift apart.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from circlesort.ui.keys import mapped
from circlesort.ui.screens.modals import key_names


class ScreenKeys(Provider):
    """The bindings of the screen under the palette, as commands."""

    def _commands(self) -> list[tuple[str, str, str]]:
        screen = self.screen
        keymap = getattr(self.app, "user_keys", {})  # the keys the user's keymap gives
        out = []
        for binding in mapped(getattr(screen, "BINDINGS", []), keymap):
            if binding.description:
                out.append((binding.description, binding.action, key_names(binding.key)))
        for binding in mapped(getattr(self.app, "BINDINGS", []), keymap):  # the app's own keys, everywhere
            if binding.description and self.app.check_action(binding.action, ()):
                out.append((binding.description, f"app.{binding.action}", key_names(binding.key)))
        return out

    async def discover(self) -> Hits:
        for description, action, keys in self._commands():
            yield DiscoveryHit(Content(description), partial(self._run, action), text=description, help=keys)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, keys in self._commands():
            score = matcher.match(description)
            if score > 0:
                yield Hit(
                    score, Content(description), partial(self._run, action), text=description, help=keys
                )

    async def _run(self, action: str) -> None:
        await self.screen.run_action(action)
