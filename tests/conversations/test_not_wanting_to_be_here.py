"""Not wanting to be here, or in this world, any more (a goodbye note: "perdón ma, ya no quiero
estar más") is a wish not to exist, urgent in every language (issue 14). The words are in
locales/<lang>/concepts/self_harm.toml; a note that says something ("una carta que decía") is
a warning sign, weak alone.

Look-alikes that must stay ordinary: not wanting to be in a team, a class, a chat group any
more, or to stay longer somewhere. The replies are written for these tests, not copied from
the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": ["found a note in her book saying sorry mum i dont want to be here anymore"],
    "cy": ["dydi hi ddim isio bod yma ddim mwy"],
    "pl": ["nie chce już tu być, napisała list"],
    "pt": ["deixou um bilhete a dizer desculpa mãe já não quero estar aqui",
           "disse que não quer estar neste mundo"],
    "ro": ["a scris un bilet: iartă-mă mama, nu mai vreau să fiu aici"],
    "ar": ["كتبت ورقة: سامحيني يا ماما ما بدي ضل موجودة", "ma bedi adal mawjoude"],
    "ur": ["usne likha sorry ammi main is duniya mein nahi rehna chahti"],
    "bn": ["likheche sorry ma ami ei prithibite r thakte chai na", "ami r bachte chai na"],
    "pa": ["likhya sorry mummy main is duniya ch nahi rehna chaunda",
           "main hor nahi jeena chaunda"],
    "so": ["waxay qortay warqad: hooyo iga raali ahow, ma rabo inaan sii noolaado"],
    "lt": ["rado raštelį: atsiprašau mama, nebenoriu čia būti", "nebenoriu gyventi"],
    "es": ["encontré en su cuaderno una carta que decía perdón ma, ya no quiero estar más",
           "dice que ya no quiere estar aquí", "no quiero estar en este mundo"],
}

ORDINARY = {
    "en": ["she doesnt want to be in the football team anymore"],
    "cy": ["dydi hi ddim isio bod yn y tîm pêl-droed ddim mwy"],
    "pl": ["nie chce już być w tej klasie"],
    "pt": ["já não quer estar na turma dela", "não quer estar mais tempo no hospital"],
    "ro": ["nu mai vrea să fie în echipa de fotbal"],
    "ar": ["ما بدها تضل بفريق الكرة"],
    "ur": ["wo ab cricket team mein nahi rehna chahti"],
    "bn": ["o r football team e thakte chay na"],
    "pa": ["oh hor cricket team ch nahi rehna chaunda"],
    "so": ["ma rabo inay sii joogto kooxda kubadda"],
    "lt": ["nebenori būti futbolo komandoje"],
    "es": ["ya no quiere estar en ese equipo de fútbol",
           "no quiere estar más en el grupo de whatsapp",
           "ya no quiero estar más tiempo en urgencias, tiene fiebre"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_not_wanting_to_be_here_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in ORDINARY.items() for t in ts])
def test_not_wanting_to_be_in_a_team_or_a_group_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(ORDINARY) == set(LEXICONS.languages)
