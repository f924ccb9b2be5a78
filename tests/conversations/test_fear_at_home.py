"""Fear of going home, drinking, shouting and throwing things at home are safeguarding. (Issue 14:
urgent recall by concept, in wordings written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# Afraid to go home; drinking, shouting, throwing things at home.
FEAR_AT_HOME = [
    ("en", "she's begging to stay at mine as she's too frightened of what her dad will do "
           "when she gets home"),
    ("es", "no quiere volver a casa porque su padre le pega cuando bebe"),
    ("pl", "córka nie chce wracać do domu, bo ojciec ją bije jak wypije"),
    ("ro", "nu vrea să meargă acasă pentru că tatăl o bate când bea"),
    ("en", "he doesnt feel safe going back home since his stepdad started drinking"),
    ("en", "her dad was drunk again and throwing things and screaming at us all night"),
    ("cy", "mae o ofn mynd nôl adre, ei dad yn gweiddi ac yn taflu pethau"),
    ("pl", "ojciec znowu pił i krzyczał, ona boi się wracać do domu"),
    ("pt", "o pai estava bêbado e atirou coisas, ele tem medo de voltar para casa"),
    ("ro", "tatăl ei a băut iar și a țipat la noi toată noaptea, îi este frică să se "
           "întoarcă acasă"),
    ("es", "su padre estaba borracho y tiró cosas, tiene miedo de volver a casa"),
    ("lt", "tėvas vėl girtas rėkė ir mėtė daiktus, vaikas bijo grįžti namo"),
    ("so", "aabaheed wuu sakhraamay oo wax tuuray, waxay ka baqaysaa guriga"),
    ("ar", "ابوها كان سكران وبيصرخ وبيكسر، هي خايفة ترجع للبيت"),
    ("ar", "bbaha kaychreb w kaydreb mamaha, hiya khayfa trja3 ldar"),
    ("ur", "abbu nashe mein the aur cheezain phenkta raha, wo ghar jane se darti hai"),
    ("bn", "baba mod kheye chechamechi korse, o barite jete bhoy pacche"),
    ("pa", "pyo ne daaru pee ke maar kutt kiti, oh ghar jaan ton darrdi aa"),
    ("en", "she's terrified to go home tonight, her mum's boyfriend hit her"),
    ("en", "he was off his face again last night and smashed up the kitchen"),
    ("cy", "roedd ei dad wedi meddwi ac yn malu pethau, dydi hi ddim isio mynd adra"),
    ("pl", "tata był pijany i rzucał rzeczami, syn boi się wrócić do domu"),
    ("pt", "ela não se sente segura em casa, o padrasto bebe e grita"),
    ("ro", "tatăl lui bea și îl bate, îi este frică să meargă acasă"),
    ("es", "su padrastro bebe mucho y le grita, no quiere volver a casa, le da miedo"),
    ("lt", "patėvis geria ir muša, ji bijo eiti namo"),
    ("so", "aabaheed ayaa khamri cabay oo garaacay, way ka baqaysaa inay guriga ku noqoto"),
    ("ar", "زوج امها بيشرب وبيضربها، هي خايفة ترجع عالبيت"),
    ("ur", "sautela baap sharab peeta hai aur maarta hai, ghar jane se darti hai"),
    ("bn", "sotbaba mod khay ar marpit kore, o bari jete bhoy pay"),
    ("pa", "matreya pyo daaru peenda te kuttda, oh ghar jaan ton darrdi"),
]


@pytest.mark.parametrize(("lang", "text"), FEAR_AT_HOME)
def test_fear_at_home_is_safeguarding_however_it_is_worded(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in FEAR_AT_HOME} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
