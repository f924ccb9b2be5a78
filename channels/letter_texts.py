"""The words of attendance letters, in English (the source the catalogs translate).

Kept apart from `channels/texts.py` because a letter is not a text message: its parts are long,
read in an email or on paper, and have no SMS budget. The same extractor and catalogs serve
them (babel.cfg), each key one entry whose context is the key. A ladder rung's `template` is
one of the body keys (`letter.friendly`, ...); the school's own rung may name another.
Placeholders: {school}, {names} (first names joined as the language joins a list), {name},
{period}, {percent}, {attended}, {possible}, {days}, {authorised}, {unauthorised}, and
{threshold}: the rung's attendance threshold as the school's own ladder sets it (never the
default ladder's number written into the words).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "letter.subject": "{school}: attendance of {names}",
    "letter.greeting": "Dear parent or carer,",
    "letter.friendly": "Thank you for all you do to get {names} to school. We write to every "
                       "family whose child's attendance drops below {threshold}%, because "
                       "every day in school counts. Here are the figures:",
    "letter.concern": "We are writing because the attendance of {names} is now below "
                      "{threshold}%, and we are concerned. Missing school makes it harder to "
                      "keep up with lessons and friends. Here are the figures:",
    "letter.persistent": "The attendance of {names} is now at or below {threshold}%. We would "
                         "like to meet you to agree together how we can help. Please contact "
                         "the attendance team to arrange a time that suits you. Here are the "
                         "figures:",
    "letter.improved": "Thank you! The attendance of {names} has improved, and we wanted you "
                       "to know that we noticed. Here are the figures:",
    "letter.figures": "{name}, {period}: {percent}% attendance, {attended} of {possible} "
                      "sessions. Missed: {days} days ({authorised} sessions authorised, "
                      "{unauthorised} unauthorised).",
    "letter.period.year": "this school year",
    "letter.period.term": "this term",
    "letter.period.rolling": "recent weeks",
    "letter.help": "If anything is making it hard for {names} to come to school, please tell "
                   "us: we are here to help. You can reply to this email or call the school.",
    "letter.signoff": "With best wishes,\nThe attendance team, {school}",
    # The short SMS or chat note that a letter has gone, by email or by post.
    "letter.note": "{school}: we have emailed you a letter about the attendance of {names}.",
    "letter.note_post": "{school}: we have posted you a letter about the attendance of {names}.",
}
