"""The settings form's fields: what each one sets, its words, and how a typed value is checked.

A field's value is checked by the same function that checks a file (settings.problem), so the
form refuses exactly what the file would refuse, with the same words; the settings saved are
made by that check too (Settings.with_values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from circlesort.planning.markdown import MESSAGES
from circlesort.planning.settings import Settings, problem


@dataclass(frozen=True, slots=True)
class Field:
    """One setting on the form. ``name`` is its key ("page.url"), or "employers" for the rules."""

    name: str
    kind: str  # text, count, switch, choice, message, employers
    title: str
    about: str
    options: tuple[tuple[str, str], ...] = ()  # (words shown, value) of a choice

    @property
    def widget_id(self) -> str:
        return "field-" + self.name.replace(".", "--")


SECTIONS: tuple[tuple[str, str, tuple[Field, ...]], ...] = (
    (
        "Who you work for",
        "",
        (
            Field(
                "employers",
                "employers",
                "Your employers",
                "One company a line. Anyone whose employer contains one of these words is suggested "
                "as professional (the rules' “my employers”).",
            ),
        ),
    ),
    (
        "Your Page",
        "",
        (
            Field(
                "page.name", "text", "Page name", "The public Page that page followers are invited to follow."
            ),
            Field(
                "page.url",
                "text",
                "Page address",
                "Its link (https://…), for the invitation message: {page_url}.",
            ),
        ),
    ),
    (
        "Your accounts",
        "",
        (
            Field(
                "my_linkedin",
                "text",
                "Your LinkedIn address",
                "Your profile's link, for the messages: {linkedin}.",
            ),
            Field(
                "professional_x",
                "text",
                "Professional X account",
                "Follows your professional contacts on X, e.g. @me_at_work.",
            ),
            Field(
                "professional_mastodon",
                "text",
                "Professional Mastodon account",
                "Follows your professional contacts on Mastodon, e.g. @me@mastodon.social.",
            ),
            Field(
                "mastodon_export_is_professional",
                "switch",
                "The Mastodon export is that account's",
                "On: whom it already follows is left out of the plan and the import file.",
            ),
            Field(
                "professional_instagram",
                "text",
                "Professional Instagram account",
                "Follows your professional contacts on Instagram; blank: none.",
            ),
            Field(
                "brand_instagram",
                "text",
                "Brand Instagram account",
                "Page followers on Instagram are sent its link, e.g. @myphotos; blank: none.",
            ),
        ),
    ),
    (
        "What happens to whom",
        "",
        (
            Field(
                "facebook_professional",
                "choice",
                "Professional contacts on Facebook",
                "Once they are on LinkedIn.",
                (("Unfriend them", "unfriend"), ("Restrict them (the Restricted list)", "restrict")),
            ),
            Field(
                "linkedin_personal",
                "choice",
                "Personal friends on LinkedIn",
                "",
                (("Keep the connections", "keep"), ("Remove the connections", "remove")),
            ),
            Field(
                "instagram_personal",
                "choice",
                "Personal friends on Instagram",
                "",
                (("Leave them as they are", "keep"), ("Add them to Close Friends", "close-friends")),
            ),
            Field(
                "instagram_professional",
                "choice",
                "Professional contacts on Instagram",
                "",
                (("Unfollow and remove them", "remove"), ("Keep them", "keep")),
            ),
        ),
    ),
    (
        "Waiting",
        "",
        (
            Field(
                "waiting_days",
                "count",
                "Days to wait for an acceptance",
                "A removal waits this long for the invitation that brings the person over; then "
                "circlesort asks whether to remove anyway.",
            ),
            Field(
                "remove_without_waiting",
                "switch",
                "Remove without waiting",
                "On: removals are due at once (still listed after the invitations).",
            ),
        ),
    ),
    (
        "Limits",
        "What the platforms tolerate, from users' reports: the plan spreads the steps to stay under them.",
        (
            Field("limits.linkedin_invitations_per_week", "count", "LinkedIn invitations a week", ""),
            Field("limits.instagram_unfollows_per_day", "count", "Instagram unfollows a day", ""),
            Field("limits.facebook_unfriends_per_day", "count", "Facebook unfriends a day", ""),
            Field("limits.facebook_page_invitations_per_day", "count", "Facebook Page invitations a day", ""),
            Field(
                "limits.facebook_friends",
                "count",
                "Facebook's friend limit",
                "The plan warns before you pass it.",
            ),
            Field(
                "limits.mastodon_follows",
                "count",
                "Mastodon's follow limit",
                "Import files for Mastodon are split at it.",
            ),
        ),
    ),
    (
        "Messages",
        "{first}, {linkedin}, {page} and {page_url} are filled in; anything else is left as written.",
        tuple(
            Field(f"messages.{key}", "message", f"“{title}”", about)
            for key, (title, about) in MESSAGES.items()
        ),
    ),
)
FIELDS: tuple[Field, ...] = tuple(f for _, _, fields in SECTIONS for f in fields)


def value_of(settings: Settings, field: Field) -> object:
    """The field's value in ``settings``."""
    return settings.value(field.name)


def typed(field: Field, value: object) -> object:
    """What the form holds, as a settings file would hold it: a count's digits as a whole number
    (anything else stays text, for the check to refuse), messages without trailing line breaks."""
    if field.kind == "count":
        text = str(value).strip()
        return int(text) if re.fullmatch(r"-?\d{1,18}", text) else text
    if field.kind == "text":
        return str(value).strip()
    if field.kind == "message":
        return str(value).rstrip("\n")
    return value


def check(field: Field, value: object) -> str:
    """What is wrong with this value of the field, in load_settings' words without the key, or ""."""
    if field.kind == "employers":
        return ""
    group, _, key = field.name.rpartition(".")
    found = problem(group, {key: value}) if group else problem(key, value)
    return found.removeprefix(f"{field.name} ")


def with_values(settings: Settings, values: dict[str, object]) -> Settings:
    """``settings`` with the form's values (field name -> typed value) put in; raises InputError
    as a file would, should one be wrong."""
    return settings.with_values({k: v for k, v in values.items() if k != "employers"}, "the form")
