"""The gazetteer, the abbreviation table and place mentions in task text."""

import warnings
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbey_graph import load_plan
from hbey_graph.extract.gazetteer import Gazetteer, default_gazetteer, find_mentions
from hbey_graph.extract.geography import extract_geography
from hbey_graph.records import Task
from hbey_graph.reference import read_table

LEVELS = {
    "country",
    "province",
    "city",
    "district",
    "county",
    "banner",
    "county_city",
    "town",
    "zone",
    "port",
    "region",
}


def task(text: str, task_id: str = "T0") -> Task:
    return Task(task_id, 1, (), "", "", None, text, "", (1, 1))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


# --- the gazetteer -------------------------------------------------------------------------------

#: Every county-level unit, town, zone and port the plan names, with the prefecture city it lies in.
PARENT_CITY = {
    "土默特左旗": "呼和浩特市",
    "托克托县": "呼和浩特市",
    "武川县": "呼和浩特市",
    "清水河县": "呼和浩特市",
    "和林格尔县": "呼和浩特市",
    "和林格尔新区": "呼和浩特市",
    "石拐区": "包头市",
    "白云鄂博矿区": "包头市",
    "土默特右旗": "包头市",
    "固阳县": "包头市",
    "达尔罕茂明安联合旗": "包头市",
    "满都拉口岸": "包头市",
    "东胜区": "鄂尔多斯市",
    "康巴什区": "鄂尔多斯市",
    "达拉特旗": "鄂尔多斯市",
    "准格尔旗": "鄂尔多斯市",
    "伊金霍洛旗": "鄂尔多斯市",
    "鄂托克前旗": "鄂尔多斯市",
    "乌审旗": "鄂尔多斯市",
    "杭锦旗": "鄂尔多斯市",
    "榆阳区": "榆林市",
    "横山区": "榆林市",
    "神木市": "榆林市",
    "府谷县": "榆林市",
    "靖边县": "榆林市",
    "定边县": "榆林市",
    "集宁区": "乌兰察布市",
    "二连浩特市": "锡林郭勒盟",
    "河曲县": "忻州市",
    "安平县": "衡水市",
    "曹妃甸区": "唐山市",
    "黄骅港": "沧州市",
    "阿勒腾席热镇": "鄂尔多斯市",
    "乌兰木伦镇": "鄂尔多斯市",
    "上海庙镇": "鄂尔多斯市",
    "大柳塔镇": "榆林市",
}

#: The towns the plan groups by city in T1.4.2 (重点建设呼和浩特市保合少镇、…，包头市萨拉齐镇、…).
TOWNS_BY_CITY = {
    "呼和浩特市": ["保合少镇", "金河镇", "敕勒川镇", "河口镇", "老牛湾镇", "盛乐镇"],
    "包头市": ["萨拉齐镇", "美岱召镇", "百灵庙镇", "金山镇"],
    "鄂尔多斯市": ["薛家湾镇", "树林召镇", "罕台镇", "城川镇", "伊金霍洛镇"],
}

#: The county-level unit each town lies in.
TOWN_COUNTY = {
    "保合少镇": "新城区",
    "金河镇": "赛罕区",
    "敕勒川镇": "土默特左旗",
    "河口镇": "托克托县",
    "老牛湾镇": "清水河县",
    "盛乐镇": "和林格尔县",
    "萨拉齐镇": "土默特右旗",
    "美岱召镇": "土默特右旗",
    "百灵庙镇": "达尔罕茂明安联合旗",
    "金山镇": "固阳县",
    "薛家湾镇": "准格尔旗",
    "树林召镇": "达拉特旗",
    "罕台镇": "东胜区",
    "城川镇": "鄂托克前旗",
    "伊金霍洛镇": "伊金霍洛旗",
    "阿勒腾席热镇": "伊金霍洛旗",
    "乌兰木伦镇": "伊金霍洛旗",
    "上海庙镇": "鄂托克前旗",
    "大柳塔镇": "神木市",
}


def test_parent_city_of_every_county_town_zone_and_port(gaz):
    for name, city in PARENT_CITY.items():
        assert gaz[name].parent_city == city, name
    for city, towns in TOWNS_BY_CITY.items():
        for town in towns:
            assert gaz[town].level == "town", town
            assert gaz[town].parent_city == city, town


def test_county_of_every_town(gaz):
    assert {name: gaz.county[name] for name in TOWN_COUNTY} == TOWN_COUNTY
    for town, county in TOWN_COUNTY.items():
        if county in gaz:  # the county is a gazetteer place: both lie in the same city
            assert gaz[county].parent_city == gaz[town].parent_city, town


def test_towns_the_plan_groups_by_city_get_that_city(plan, gaz):
    text = plan.task("T1.4.2").text
    city = None
    found: dict[str, list[str]] = {}
    for mention in gaz.find_mentions(plan.task("T1.4.2")):
        place = gaz[mention.place]
        if place.level == "city":
            city = place.name
        else:
            found.setdefault(city, []).append(place.name)
    assert found == TOWNS_BY_CITY
    assert text.startswith("重点建设呼和浩特市保合少镇")


def test_every_row_is_complete_and_consistent(gaz):
    rows = read_table("places.csv")
    assert len(rows) == len(gaz)
    for place in gaz.places.values():
        assert place.level in LEVELS, place.name
        assert place.name_en, place.name
        if place.level == "city":
            assert place.parent_city == place.name, place.name
        if place.parent_city:
            assert gaz[place.parent_city].level == "city", place.name
        if place.province:
            assert gaz[place.province].level in {"province", "city"}, place.name  # 北京市, 天津市 are both
        if place.level not in {"country", "region"}:
            assert place.province, place.name
        if place.level != "region":
            assert place.lon is not None and place.lat is not None, place.name
        if place.lon is not None:
            assert 30 < place.lon < 125 and 20 < place.lat < 56, place.name


def test_coordinates_of_the_cluster_cities(gaz):
    expected = {
        "呼和浩特市": (111.75, 40.84),
        "包头市": (109.84, 40.66),
        "鄂尔多斯市": (109.78, 39.61),
        "榆林市": (109.73, 38.29),
    }
    for name, (lon, lat) in expected.items():
        assert gaz[name].lon == pytest.approx(lon, abs=0.05)
        assert gaz[name].lat == pytest.approx(lat, abs=0.05)


#: Names as the plan writes them, and the place each stands for.
WRITTEN = {
    "呼和浩特": "呼和浩特市",
    "包头": "包头市",
    "包头市区": "包头市",
    "鄂尔多斯": "鄂尔多斯市",
    "阿镇": "阿勒腾席热镇",
    "乌兰察布": "乌兰察布市",
    "巴彦淖尔": "巴彦淖尔市",
    "乌海": "乌海市",
    "大同": "大同市",
    "朔州": "朔州市",
    "太原": "太原市",
    "银川": "银川市",
    "西安": "西安市",
    "天津南": "天津市",
    "北京": "北京市",
    "集宁": "集宁区",
    "二连浩特": "二连浩特市",
    "满都拉": "满都拉口岸",
    "上海庙": "上海庙镇",
    "白云鄂博": "白云鄂博矿区",
    "准格尔": "准格尔旗",
    "达拉特": "达拉特旗",
    "和林格尔": "和林格尔县",
    "内蒙古和林格尔新区": "和林格尔新区",
    "河曲": "河曲县",
    "安平": "安平县",
    "沧州": "沧州市",
    "秦皇岛": "秦皇岛市",
    "曹妃甸": "曹妃甸区",
    "黄骅港": "黄骅港",
    "城川": "城川镇",
    "内蒙古": "内蒙古自治区",
    "山东": "山东省",
    "宁夏": "宁夏回族自治区",
    "甘肃": "甘肃省",
    "蒙西地区": "蒙西",
    "中国": "中国",
    "蒙古国": "蒙古国",
}


def test_names_as_written_resolve(gaz):
    assert {surface: gaz.resolve(surface).name for surface in WRITTEN} == WRITTEN
    # names that look like places but are not in the gazetteer
    for surface in ("金山", "敕勒川", "黄河", "浙商", "蒙古", "自治区", "西北"):
        assert gaz.resolve(surface) is None, surface


def test_levels_of_neighbours_and_regions(gaz):
    levels = {
        name: gaz[name].level
        for name in ("乌兰察布市", "二连浩特市", "满都拉口岸", "和林格尔新区", "上海庙镇", "蒙西", "宁夏沿黄")
    }
    assert levels == {
        "乌兰察布市": "city",
        "二连浩特市": "county_city",
        "满都拉口岸": "port",
        "和林格尔新区": "zone",
        "上海庙镇": "town",
        "蒙西": "region",
        "宁夏沿黄": "region",
    }
    assert gaz["天津市"].level == "city" and gaz["天津市"].province == "天津市"
    assert gaz["神木市"].level == "county_city"


# --- abbreviations -------------------------------------------------------------------------------

ABBREVIATIONS = {
    "呼包鄂": ("呼和浩特市", "包头市", "鄂尔多斯市"),
    "呼包鄂榆": ("呼和浩特市", "包头市", "鄂尔多斯市", "榆林市"),
    "呼包榆": ("呼和浩特市", "包头市", "榆林市"),
    "托（克托）清（水河）准（格尔）": ("托克托县", "清水河县", "准格尔旗"),
    "呼准鄂": ("呼和浩特市", "准格尔旗", "鄂尔多斯市"),
    "呼张": ("呼和浩特市", "张家口市"),
    "呼南": ("呼和浩特市", "南宁市"),
    "包茂": ("包头市", "茂名市"),
    "蒙陕": ("内蒙古自治区", "陕西省"),
    "京蒙": ("北京市", "内蒙古自治区"),
    "蒙苏": ("内蒙古自治区", "江苏省"),
    "中蒙俄": ("中国", "蒙古国", "俄罗斯"),
    "中蒙": ("中国", "蒙古国"),
    "京津冀": ("北京市", "天津市", "河北省"),
    "京津": ("北京市", "天津市"),
}


def test_abbreviations_expand(gaz):
    assert {a: gaz.abbreviations[a].places for a in ABBREVIATIONS} == ABBREVIATIONS
    relations = {a: gaz.abbreviations[a].relation for a in ("呼包鄂", "呼准鄂", "京蒙", "中蒙俄")}
    assert relations == {"呼包鄂": "group", "呼准鄂": "route", "京蒙": "pair", "中蒙俄": "route"}
    kinds = {a: gaz.abbreviations[a].kind for a in ("呼包鄂", "托清准", "蒙陕", "中蒙")}
    assert kinds == {"呼包鄂": "cities", "托清准": "places", "蒙陕": "provinces", "中蒙": "countries"}


def test_bad_tables_are_refused():
    row = {"place": "包头市", "level": "city", "parent_city": "包头市", "province": "", "lon": "", "lat": ""}
    with pytest.raises(ValueError, match="listed twice"):
        Gazetteer([row, row], [])
    with pytest.raises(ValueError, match="unknown places"):
        Gazetteer([row], [{"abbreviation": "包鄂", "expands_to": "包头市|鄂尔多斯市", "kind": "cities"}])
    with pytest.raises(ValueError, match="no place name"):
        Gazetteer([row, {**row, "place": " "}], [])
    with pytest.raises(ValueError, match="no abbreviation"):
        Gazetteer([row], [{"abbreviation": "", "expands_to": "包头市", "kind": "cities"}])


# --- mentions ------------------------------------------------------------------------------------


def spans(text: str) -> list[tuple[str, str, int, int, str]]:
    return [(m.place, m.surface, m.start, m.end, m.via) for m in find_mentions(task(text))]


def test_longest_match_first():
    assert spans("鄂尔多斯市和鄂尔多斯") == [
        ("鄂尔多斯市", "鄂尔多斯市", 0, 5, "name"),
        ("鄂尔多斯市", "鄂尔多斯", 6, 10, "name"),
    ]
    assert spans("包头市区—土默特右旗") == [
        ("包头市", "包头市区", 0, 4, "name"),
        ("土默特右旗", "土默特右旗", 5, 10, "name"),
    ]
    # 和林格尔新区 before 和林格尔县 before 和林格尔; 清水河县 and 和林格尔县 written without a separator
    assert spans("建设和林格尔新区、黄土丘陵区清水河县和林格尔县经济林") == [
        ("和林格尔新区", "和林格尔新区", 2, 8, "name"),
        ("清水河县", "清水河县", 14, 18, "name"),
        ("和林格尔县", "和林格尔县", 18, 23, "name"),
    ]
    assert spans("辐射带动内蒙古中西部、山西北部发展") == [
        ("内蒙古中西部", "内蒙古中西部", 4, 10, "name"),
        ("山西北部", "山西北部", 11, 15, "name"),
    ]


def test_abbreviations_give_one_mention_per_place():
    assert spans("开展托(克托)清(水河)准(格尔)工业园区产业合作试点") == [
        ("托克托县", "托(克托)清(水河)准(格尔)", 2, 17, "abbreviation"),
        ("清水河县", "托(克托)清(水河)准(格尔)", 2, 17, "abbreviation"),
        ("准格尔旗", "托(克托)清(水河)准(格尔)", 2, 17, "abbreviation"),
    ]
    assert [m[0] for m in spans("打造中蒙俄经济走廊核心节点")] == ["中国", "蒙古国", "俄罗斯"]
    cluster = ["呼和浩特市", "包头市", "鄂尔多斯市", "榆林市"]
    assert [m[0] for m in spans("推动完善呼包鄂榆快速铁路网")] == cluster


def test_names_inside_other_names():
    # 中蒙药 is Chinese and Mongolian medicine, not China and Mongolia
    assert spans("打造世界级动物疫苗生产基地和中蒙药生产基地") == []
    # 联合旗 is part of a banner's name, 蒙古源流 names no country, 金山等园区 is no town
    assert [m[0] for m in spans("达尔罕茂明安联合旗、鄂尔多斯蒙古源流文化产业园区、鸿盛、金山等园区")] == [
        "达尔罕茂明安联合旗",
        "鄂尔多斯市",
    ]
    # a brand named after its city is a mention of the city (documented decision)
    assert spans("依托伊利、蒙牛、小尾羊、蒙羊、鄂尔多斯等龙头企业知名品牌") == [
        ("鄂尔多斯市", "鄂尔多斯", 15, 19, "name")
    ]
    assert [m[0] for m in spans("维护社会治安平稳")] == []


def test_mentions_of_plan_tasks(plan):
    mentions = find_mentions(plan.task("T1.3.2"))
    assert [m.place for m in mentions] == [
        "鄂尔多斯市",
        "东胜区",
        "康巴什区",
        "伊金霍洛旗",
        "阿勒腾席热镇",
        "呼和浩特市",
        "包头市",
        "榆林市",
        "鄂尔多斯市",
    ]
    text = plan.task("T1.3.2").text
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    expanded = [(m.surface, m.via) for m in mentions if m.via == "abbreviation"]
    assert expanded == [("呼包榆", "abbreviation")] * 3
    t521 = [m.place for m in find_mentions(plan.task("T5.2.1")) if m.via == "name"]
    assert t521 == [
        "北京市",
        "天津市",
        "河北省",
        "巴彦淖尔市",
        "乌海市",
        "乌兰察布市",
        "大同市",
        "乌兰察布市",
        "集宁区",
        "大同市",
        "宁夏回族自治区",
        "甘肃省",
        "内蒙古中西部",
        "山西北部",
    ]


def test_every_gazetteer_place_the_plan_names_is_found(plan, gaz):
    places, mentions, _, _ = extract_geography(plan.tasks, plan.assignments, plan.bodies)
    mentioned = {m.place for m in mentions}
    # places in the gazetteer only as the parent of a named place (the plan writes 山西中部, 山西北部)
    ancestors_only = {"锡林郭勒盟", "忻州市", "衡水市", "唐山市", "广东省", "广西壮族自治区", "山西省"}
    assert set(gaz.places) - mentioned == ancestors_only
    assert set(places) == set(gaz.places)
    for mention in mentions:
        assert plan.task(mention.task_id).text[mention.start : mention.end] == mention.surface


# --- any text ------------------------------------------------------------------------------------


ALPHABET = "包头市鄂尔多斯呼和浩特中蒙药俄托克清水河准格尔()（）、—与天津南安平治镇区旗县"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_any_text_gives_mentions_at_their_offsets(text):
    gaz = default_gazetteer()
    mentions = find_mentions(task(text))
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert mention.place in gaz
    spans = list(dict.fromkeys((m.start, m.end) for m in mentions))
    assert all(left[1] <= right[0] for left, right in pairwise(spans))


def test_the_gazetteer_tables_are_read_only():
    # the name pattern and look-up tables are worked out once: a change would not reach them, and
    # the default gazetteer serves every parse
    gaz = default_gazetteer()
    with pytest.raises(TypeError):
        gaz.places["新城"] = gaz["包头市"]
    with pytest.raises(TypeError):
        gaz.abbreviations["包榆"] = gaz.abbreviations["呼包鄂"]
    with pytest.raises(TypeError):
        del gaz.county["阿勒腾席热镇"]
    assert "新城" not in gaz
    assert gaz.county["阿勒腾席热镇"] == "伊金霍洛旗"
    assert "包榆" not in gaz.abbreviations and gaz.scan("包榆") == []  # not in abbreviations.csv
