from bot.domain.records import ModelKind
from bot.ingest.curated import Alias, Curated, CuratedModel, CuratedPerson
from bot.ingest.entities import resolve_models, resolve_people

CEO = CuratedPerson(
    name="Junjie Yan",
    role="CEO",
    document="a.txt",
    evidence="Junjie Yan",
    aliases=(Alias(name="IO", document="a.txt", evidence="(IO)"),),
)


def test_people_merge_by_mention_word_order_and_curated_alias() -> None:
    people = resolve_people(
        [
            ("Yan Junjie", ("颜俊杰",), "Co-founder & CEO"),
            ("Zhou Yucong", ("周昱聪",), "Co-founder"),
            ("Bin Yang", (), None),
            ("Yang Bin", ("杨斌",), "Co-founder & Technical Partner"),
        ],
        speakers=["Junjie Yan", "IO"],
        curated=Curated(person=(CEO,)),
    )
    by_name = {person.name: person for person in people}
    assert set(by_name) == {"Junjie Yan", "Zhou Yucong", "Bin Yang"}
    ceo = by_name["Junjie Yan"]
    assert ceo.names[0] == "Junjie Yan"
    assert {"IO", "Yan Junjie", "颜俊杰"} <= set(ceo.names)
    assert ceo.role == "CEO"  # the curated role wins over a mention's
    assert set(by_name["Bin Yang"].names) == {"Bin Yang", "Yang Bin", "杨斌"}
    assert by_name["Bin Yang"].role == "Co-founder & Technical Partner"


def test_models_merge_by_key_and_maker_prefix() -> None:
    models = resolve_models(
        [
            ("MiniMax-M2", ModelKind.TEXT, True),
            ("MiniMax M2", None, None),
            ("MiniMax-Text-01", ModelKind.TEXT, True),
            ("DeepSeek-V3", None, False),
            ("ABAB 6.5", ModelKind.TEXT, True),
        ],
        Curated(
            model=(
                CuratedModel(
                    name="ABAB 6.5",
                    aliases=(Alias(name="abab 6.5 series", document="a", evidence="e"),),
                ),
                CuratedModel(name="M3", kind=ModelKind.TEXT, minimax=True),
            )
        ),
    )
    by_name = {model.name: model for model in models}
    assert set(by_name) == {"MiniMax-M2", "MiniMax-Text-01", "DeepSeek-V3", "ABAB 6.5", "M3"}
    assert set(by_name["MiniMax-M2"].aliases) == {"MiniMax-M2", "MiniMax M2", "M2"}
    assert "Text-01" in by_name["MiniMax-Text-01"].aliases
    assert by_name["DeepSeek-V3"].minimax is False
    assert by_name["ABAB 6.5"].aliases == ("ABAB 6.5", "abab 6.5 series")
    assert by_name["M3"].kind is ModelKind.TEXT


def test_curated_kind_and_maker_override_mentions() -> None:
    (model,) = resolve_models(
        [("Glow", ModelKind.TEXT, False)],
        Curated(model=(CuratedModel(name="Glow", kind=ModelKind.APP, minimax=True),)),
    )
    assert model.kind is ModelKind.APP
    assert model.minimax is True
