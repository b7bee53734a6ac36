"""Links between places: chains, corridors, cooperation, co-implementation, and the roll-up to cities.

Expected values are read off the plan's sentences by hand.
"""

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbey_graph import load_plan
from hbey_graph.extract.geography import extract_geography
from hbey_graph.extract.links import co_implementation_links, find_links, roll_up
from hbey_graph.records import Assignment, Body, Link, Task

H, B, E, Y = "呼和浩特市", "包头市", "鄂尔多斯市", "榆林市"


def task(text: str, task_id: str = "T0", annotation: str = "") -> Task:
    return Task(task_id, 1, (), "", "", None, text, annotation, (1, 1))


def city_governments(task_id: str, *cities: str) -> tuple[list[Assignment], dict[str, Body]]:
    bodies = {
        f"{c}人民政府": Body(f"{c}人民政府", f"{c}人民政府", "", "city_government", "prefecture")
        for c in cities
    }
    assignments = [Assignment(task_id, f"{c}人民政府", "implementer", i) for i, c in enumerate(cities, 1)]
    return assignments, bodies


def pairs(links: list[Link], level: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [
        (link.source, link.target)
        for link in links
        if link.level == level and (kind is None or link.kind == kind)
    ]


@pytest.fixture(scope="module")
def plan():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan()


@pytest.fixture(scope="module")
def plan_links(plan):
    return find_links(plan.tasks, plan.assignments, plan.bodies)


# --- chains --------------------------------------------------------------------------------------

CHAIN_SENTENCE = (
    "引导呼和浩特市—土默特左旗、呼和浩特市—和林格尔新区、包头市区—土默特右旗—达拉特旗、托克托县—清水河县—"
    "准格尔旗、伊金霍洛旗—神木市、准格尔旗—府谷县、乌审旗—榆阳区—横山区—靖边县、鄂托克前旗—定边县在基础设施建设、"
    "产业协作等方面协同发展。"
)
CHAIN_PLACE_PAIRS = [
    ("呼和浩特市", "土默特左旗"),
    ("呼和浩特市", "和林格尔新区"),
    ("包头市", "土默特右旗"),
    ("土默特右旗", "达拉特旗"),
    ("托克托县", "清水河县"),
    ("清水河县", "准格尔旗"),
    ("伊金霍洛旗", "神木市"),
    ("准格尔旗", "府谷县"),
    ("乌审旗", "榆阳区"),
    ("榆阳区", "横山区"),
    ("横山区", "靖边县"),
    ("鄂托克前旗", "定边县"),
]
CHAIN_CITY_PAIRS = [(B, E), (H, E), (E, Y)]


def test_chain_sentence_gives_adjacent_pairs():
    links = find_links([task(CHAIN_SENTENCE, "T1.4.1")])
    assert pairs(links, "place", "chain") == CHAIN_PLACE_PAIRS
    assert pairs(links, "city", "chain") == CHAIN_CITY_PAIRS
    assert {link.kind for link in links} == {"chain"}  # 协同发展 does not add cooperation between all of them
    assert {link.evidence for link in links} == {CHAIN_SENTENCE.rstrip("。")}


def test_chains_of_the_plan(plan_links):
    t141 = [link for link in plan_links if link.task_id == "T1.4.1" and link.kind != "co_implementation"]
    assert pairs(t141, "place") == CHAIN_PLACE_PAIRS
    assert pairs(t141, "city") == CHAIN_CITY_PAIRS
    # the only other places joined by a dash are the name of an expo (中国—蒙古国博览会): no chain
    others = [link for link in plan_links if link.kind == "chain" and link.task_id != "T1.4.1"]
    assert others == []


def test_places_in_the_name_of_an_event_are_no_chain():
    text = "将中国—蒙古国博览会、中蒙（合作）论坛建成中蒙重要的经贸合作与沟通交流平台。"
    links = find_links([task(text)])
    # 中蒙 (合作) 论坛 and 中蒙…经贸合作 still state cooperation between the two countries
    assert [(link.source, link.target, link.level, link.kind) for link in links] == [
        ("中国", "蒙古国", "place", "cooperation")
    ]
    assert pairs(find_links([task("推进包头—银川铁路建设。")]), "place", "corridor") == [(B, "银川市")]


# --- cooperation ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_pairs", "city_pairs"),
    [
        ("包头市与鄂尔多斯市协作发展关键零部件研发制造和装备组装产业链。", [(B, E)], [(B, E)]),
        ("支持包头市与榆林市共建稀土新材料、镁铝生产及综合开发利用基地。", [(B, Y)], [(B, Y)]),
        ("引导呼和浩特市与榆林市合作开展光伏新材料研发及制造。", [(H, Y)], [(H, Y)]),
        (
            "鼓励呼和浩特市、鄂尔多斯市与榆林市综合利用粉煤灰、煤矸石等工业废弃物。",
            [(H, E), (H, Y), (E, Y)],
            [(H, E), (H, Y), (E, Y)],
        ),
        (
            "引导呼和浩特市、包头市、鄂尔多斯市协作发展大数据、电子信息制造、云计算应用产业。",
            [(H, B), (H, E), (B, E)],
            [(H, B), (H, E), (B, E)],
        ),
        ("包头市、鄂尔多斯市合作加快蒙西老工业城市和资源型城市产业转型升级示范区建设。", [(B, E)], [(B, E)]),
        (
            "呼和浩特市、鄂尔多斯市开展托（克托）清（水河）准（格尔）工业园区产业合作试点建设。",
            [(H, E), ("托克托县", "清水河县"), ("托克托县", "准格尔旗"), ("清水河县", "准格尔旗")],
            [(H, E)],
        ),
        (
            "在鄂尔多斯市乌兰木伦镇和榆林市大柳塔镇共建蒙陕合作实验区。",
            [("内蒙古自治区", "陕西省"), ("乌兰木伦镇", "大柳塔镇")],
            [(E, Y)],
        ),
        ("向南拓展城市空间，带动土默特右旗、达拉特旗共同发展。", [("土默特右旗", "达拉特旗")], [(B, E)]),
        (
            "鄂尔多斯市加快东胜区、康巴什区和伊金霍洛旗阿镇中心城区一体化步伐，推进产城融合、人口集聚与呼包榆融合发展。",
            [
                ("东胜区", "康巴什区"),
                ("东胜区", "阿勒腾席热镇"),
                ("康巴什区", "阿勒腾席热镇"),
                (E, H),
                (E, B),
                (E, Y),
            ],
            [(E, H), (E, B), (E, Y)],
        ),
        ("开展呼包鄂区域内大气污染联防联控。", [(H, B), (H, E), (B, E)], [(H, B), (H, E), (B, E)]),
        (
            "推动呼包鄂榆干线、支线、通用机场间的互通协作。",
            [(H, B), (H, E), (H, Y), (B, E), (B, Y), (E, Y)],
            [(H, B), (H, E), (H, Y), (B, E), (B, Y), (E, Y)],
        ),
        (
            "实现呼和浩特市、包头市、鄂尔多斯市固定电话资费同城化。",
            [(H, B), (H, E), (B, E)],
            [(H, B), (H, E), (B, E)],
        ),
        (
            "整合呼和浩特市、包头市、鄂尔多斯市纳税服务资源。",
            [(H, B), (H, E), (B, E)],
            [(H, B), (H, E), (B, E)],
        ),
        ("深化京蒙对口帮扶。", [("北京市", "内蒙古自治区")], []),
        ("建设蒙苏经济开发区、浙商产业园。", [("内蒙古自治区", "江苏省")], []),
        ("强化蒙西电网与华北电网的联网水平。", [("蒙西", "华北")], []),
    ],
)
def test_cooperation_sentences(text, place_pairs, city_pairs):
    links = find_links([task(text)])
    assert sorted(pairs(links, "place", "cooperation")) == sorted(place_pairs)
    assert sorted(pairs(links, "city", "cooperation")) == sorted(city_pairs)
    assert {link.kind for link in links} <= {"cooperation"}


def test_partners_introduced_by_with_link_to_the_implementing_cities():
    text = (
        "加强与巴彦淖尔、乌海、乌兰察布、大同等周边城市的协作，辐射带动乌兰察布市南北与东西交通高效畅通和"
        "经济发展联动融合，建设集宁至大同高铁，形成呼包鄂进入全国高铁网的通道。"
    )
    assignments, bodies = city_governments("T5.2.1", H, B, E)
    links = find_links([task(text, "T5.2.1", "呼和浩特市、包头市、鄂尔多斯市人民政府")], assignments, bodies)
    neighbours = ["巴彦淖尔市", "乌海市", "乌兰察布市", "大同市"]
    expected = [(city, n) for city in (H, B, E) for n in neighbours]
    assert pairs(links, "place", "cooperation") == expected
    assert pairs(links, "city", "cooperation") == expected
    assert pairs(links, "place", "corridor") == [("集宁区", "大同市")]
    assert pairs(links, "city", "corridor") == [("乌兰察布市", "大同市")]
    # without the annotation nobody is stated as the partner of the neighbours
    alone = find_links([task(text, "T5.2.1")])
    assert [link.kind for link in alone] == ["corridor", "corridor"]


def test_cooperation_of_the_plan_at_place_level(plan_links):
    t211 = {
        (link.source, link.target)
        for link in plan_links
        if link.task_id == "T2.1.1" and link.kind == "cooperation"
    }
    place = {
        p
        for p in t211
        if any(link.level == "place" and (link.source, link.target) == p for link in plan_links)
    }
    assert place == {
        (B, E),
        (H, E),
        ("托克托县", "清水河县"),
        ("托克托县", "准格尔旗"),
        ("清水河县", "准格尔旗"),
        ("内蒙古自治区", "陕西省"),
        ("乌兰木伦镇", "大柳塔镇"),
        (B, Y),
        (H, Y),
        (E, Y),
        (H, B),
    }
    bao_yu = next(
        link
        for link in plan_links
        if (link.source, link.target, link.level, link.task_id) == (B, Y, "place", "T2.1.1")
    )
    assert bao_yu.evidence == (
        "支持包头市与榆林市共建稀土新材料、镁铝生产及综合开发利用基地，引导呼和浩特市与榆林市合作开展光伏新材料"
        "研发及制造，鼓励呼和浩特市、鄂尔多斯市与榆林市综合利用粉煤灰、煤矸石等工业废弃物，发展金属材料加工和"
        "新型建材产业"
    )
    t521 = pairs([link for link in plan_links if link.task_id == "T5.2.1"], "place", "cooperation")
    # 天津市、河北省 and 宁夏、甘肃 are provinces (and a municipality): their partner is the region, as
    # Beijing's is in 京蒙对口帮扶; the neighbouring cities' partners are the implementing cities
    assert t521 == [
        ("北京市", "内蒙古自治区"),
        ("内蒙古自治区", "天津市"),
        ("内蒙古自治区", "河北省"),
        ("内蒙古自治区", "江苏省"),
        *[(c, n) for c in (H, B, E) for n in ("巴彦淖尔市", "乌海市", "乌兰察布市", "大同市")],
        ("内蒙古自治区", "宁夏回族自治区"),
        ("内蒙古自治区", "甘肃省"),
    ]


def test_provinces_named_as_partners_link_to_the_home_province():
    """``强化与宁夏、甘肃的对接``: the subject is the region, not each of its implementing cities."""
    text = "落实自治区与周边省（区、市）战略合作框架协议，强化与宁夏、甘肃的对接和协作。"
    assignments, bodies = city_governments("T5.2.1", H, B, E)
    links = find_links([task(text, "T5.2.1")], assignments, bodies)  # the home: where the cities lie
    expected = [("内蒙古自治区", "宁夏回族自治区"), ("内蒙古自治区", "甘肃省")]
    assert pairs(links, "place", "cooperation") == expected
    # the issuer names another home: its province is the partner
    other = find_links([task(text, "T5.2.1")], assignments, bodies, home="河北省")
    assert pairs(other, "place", "cooperation") == [("河北省", "宁夏回族自治区"), ("河北省", "甘肃省")]
    # no home known (no issuer, no implementing city): nobody is stated as the partner
    assert find_links([task(text, "T5.2.1")]) == []
    # provinces lie in no prefecture city: no cooperation at city level
    assert pairs(links, "city", "cooperation") == []


# --- corridors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_pairs", "city_pairs"),
    [
        (
            "建设呼南通道呼和浩特至太原、包头至银川、包头至西安铁路，加快准格尔至朔州、蒙西至华中等铁路建设和"
            "包头至白云鄂博铁路扩能改造，推进呼准鄂铁路提速升级，尽快融入呼张高铁系统。",
            [
                (H, "太原市"),
                (B, "银川市"),
                (B, "西安市"),
                (H, "南宁市"),
                ("准格尔旗", "朔州市"),
                ("蒙西", "华中"),
                (B, "白云鄂博矿区"),
                (H, "准格尔旗"),
                ("准格尔旗", E),
                (H, "张家口市"),
            ],
            [
                (H, "太原市"),
                (B, "银川市"),
                (B, "西安市"),
                (H, "南宁市"),
                (E, "朔州市"),
                (H, E),
                (H, "张家口市"),
            ],
        ),
        (
            "改造扩建包茂高速公路，建设鄂托克前旗至银川、准格尔旗至河曲等高速公路。",
            [(B, "茂名市"), ("鄂托克前旗", "银川市"), ("准格尔旗", "河曲县")],
            [(B, "茂名市"), (E, "银川市"), (E, "忻州市")],
        ),
        (
            "建成蒙西至天津南、上海庙至山东特高压电力外送通道配套电源。",
            [("蒙西", "天津市"), ("上海庙镇", "山东省")],
            [],
        ),
        (
            "推进鄂尔多斯—安平—沧州输气管道、蒙西煤制气外输管道建设。",
            [(E, "安平县"), ("安平县", "沧州市")],
            [(E, "衡水市"), ("衡水市", "沧州市")],
        ),
        ("推动上海庙—山东特高压输电通道配送新能源项目建设。", [("上海庙镇", "山东省")], []),
        ("建设集宁至大同高铁。", [("集宁区", "大同市")], [("乌兰察布市", "大同市")]),
        ("打造中蒙俄经济走廊核心节点。", [("中国", "蒙古国"), ("蒙古国", "俄罗斯")], []),
        ("包头市畅通通往满都拉口岸的公路通道。", [(B, "满都拉口岸")], []),
    ],
)
def test_corridors(text, place_pairs, city_pairs):
    links = find_links([task(text)])
    assert pairs(links, "place", "corridor") == place_pairs
    assert pairs(links, "city", "corridor") == city_pairs
    assert {link.kind for link in links} == {"corridor"}


def test_corridors_to_the_places_a_destination_word_introduces():
    """T3.1.4: the corridors to the border ports and the sea ports start from the implementing cities."""
    text = (
        "畅通通往二连浩特、满都拉等边境口岸和秦皇岛、曹妃甸、黄骅港等沿海港口的公铁、铁海联运通道，"
        "促进与京津冀、关中平原、宁夏沿黄、山西中部等城市群紧密联接。"
    )
    ports = ["二连浩特市", "满都拉口岸", "秦皇岛市", "曹妃甸区", "黄骅港"]
    assignments, bodies = city_governments("T3.1.4", H, B, E)
    links = find_links([task(text, "T3.1.4")], assignments, bodies)
    assert pairs(links, "place", "corridor") == [(c, port) for c in (H, B, E) for port in ports]
    # at city level: 二连浩特 lies in 锡林郭勒盟, 满都拉 in 包头市, 曹妃甸 in 唐山市, 黄骅港 in 沧州市
    cities = ["锡林郭勒盟", B, "秦皇岛市", "唐山市", "沧州市"]
    assert pairs(links, "city", "corridor") == [(c, d) for c in (H, B, E) for d in cities if d != c]
    # 紧密联接 is no cooperation cue; the cities also implement the task together
    assert {link.kind for link in links} == {"corridor", "co_implementation"}
    assert find_links([task(text, "T3.1.4")]) == []  # without implementers nobody is stated


# --- places side by side, each acting on its own -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "推进呼和浩特新机场建设，推动包头机场、鄂尔多斯机场改扩建。",
        "积极推进清水河县、石拐区、固阳县、鄂托克前旗、杭锦旗等区域内通用机场建设。",
        "包头市建设稀土交易中心和国家级储备中心，鄂尔多斯市建设化工产品和区域煤炭交易中心，"
        "呼和浩特市建设临空产业园区与跨境电子商务中心。",
        "推进呼和浩特、包头建设国家电子商务示范城市。",
        "呼和浩特市做大晶体硅材料产业，鄂尔多斯市和包头市发展化工、镁合金、铝合金等新材料。",
        "推动建设呼和浩特新能源汽车产业园、包头和鄂尔多斯装备制造基地。",
        "推进包头市和鄂尔多斯市采煤沉陷区、达拉特光伏基地建设和库布齐沙漠太阳能治沙发电综合示范项目建设。",
        "加强呼和浩特、鄂尔多斯、包头航空口岸建设。",
        "稳步推进包头市、和林格尔新区、鄂尔多斯市城区综合管廊建设。",
        "提升呼和浩特全国性综合交通枢纽城市功能，推进包头、鄂尔多斯建设区域性交通枢纽城市。",
        "完善国际运输通道和二连浩特、满都拉口岸建设。",
        "推进满都拉口岸、呼和浩特铁路口岸、鄂尔多斯综合保税区建设。",
        "发挥呼和浩特、包头物流节点城市和乌兰察布市中欧班列枢纽节点的辐射带动作用，推进物流基础设施联通。",
        "将土默特左旗、托克托县、武川县、土默特右旗、达尔罕茂明安联合旗、达拉特旗、准格尔旗等旗县人民政府驻地"
        "培育成功能完善、产业和人口集聚的城市。",
        "推进和林格尔新区大数据产业基地、内蒙古网络协同制造云平台、鄂尔多斯能源大数据交易中心建设。",
        "积极融入京津冀协调发展战略。",
        "实施库布齐沙漠和毛乌素沙地综合治理工程。",
        "连通京津冀、关中平原、宁夏沿黄、山西中部等城市群。",
        "畅通通往二连浩特、满都拉等边境口岸和秦皇岛、曹妃甸、黄骅港等沿海港口的公铁、铁海联运通道，"
        "促进与京津冀、关中平原、宁夏沿黄、山西中部等城市群紧密联接。",
        "打造辐射西北、连接蒙俄的区域性商贸中心。",
        "推动呼包鄂中心城区公共区域免费无线网络覆盖，打造呼包鄂无线城市群。",
        "开展呼包鄂城际高速公路充电桩网络建设。",
        "发挥呼和浩特及包头的高校、科研院所和高端人才密集优势和辐射作用，加强区域内重点(工程)实验室、"
        "工程(技术)研究中心等科技创新载体的协同合作。",
        "开发建设呼和浩特敕勒川、黄河大峡谷国家地质公园、神泉、包头小白河、五当召国家森林公园等旅游区。",
        "统筹实施京津风沙源治理、天然林保护、水土保持、退耕还林还草等生态治理工程。",
    ],
)
def test_no_link_between_places_merely_listed(text):
    assert find_links([task(text)]) == []


def test_negative_sentences_of_the_plan_give_no_text_link(plan_links):
    text_links = [link for link in plan_links if link.kind != "co_implementation"]
    tasks_with_links = sorted({link.task_id for link in text_links})
    assert tasks_with_links == [
        "T1.3.1",
        "T1.3.2",
        "T1.4.1",
        "T2.1.1",
        "T2.2.1",
        "T3.1.1",
        "T3.1.2",
        "T3.1.3",
        "T3.1.4",
        "T3.2.1",
        "T3.4.1",
        "T4.2.1",
        "T5.1.1",
        "T5.2.1",
        "T6.3.1",
    ]
    t313 = [link for link in text_links if link.task_id == "T3.1.3" and link.level == "place"]
    assert {link.evidence for link in t313} == {
        "推进呼和浩特新机场建设，推动包头机场、鄂尔多斯机场改扩建，积极推进清水河县、石拐区、固阳县、鄂托克前旗、"
        "杭锦旗等区域内通用机场建设，推动呼包鄂榆干线、支线、通用机场间的互通协作"
    }
    assert [(link.source, link.target) for link in t313] == [(H, B), (H, E), (H, Y), (B, E), (B, Y), (E, Y)]


# --- co-implementation ---------------------------------------------------------------------------


def test_co_implementation_of_the_plan(plan, plan_links):
    co = [link for link in plan_links if link.kind == "co_implementation"]
    # 33 tasks with three city governments, one (T2.3.4) with two, four with one
    assert len(pairs(co, "place")) == 33 * 3 + 1
    assert pairs(co, "city") == pairs(co, "place")
    assert [
        (link.source, link.target, link.evidence)
        for link in co
        if link.task_id == "T2.3.4" and link.level == "place"
    ] == [(H, B, "呼和浩特市、包头市人民政府")]
    assert not [link for link in co if link.task_id in {"T1.2.1", "T1.2.2", "T1.3.1", "T1.3.2"}]
    # T4.2.2 separates its annotation groups with 。
    assert [
        (link.source, link.target, link.evidence)
        for link in co
        if link.task_id == "T4.2.2" and link.level == "place"
    ] == [
        (H, B, "呼和浩特市、包头市、鄂尔多斯市人民政府"),
        (H, E, "呼和浩特市、包头市、鄂尔多斯市人民政府"),
        (B, E, "呼和浩特市、包头市、鄂尔多斯市人民政府"),
    ]


def test_co_implementation_needs_city_governments():
    t = task("建设铁路。", "T1", "包头市、榆林市人民政府，自治区交通运输厅")
    assignments, bodies = city_governments("T1", B, Y)
    assignments.append(Assignment("T1", "自治区交通运输厅", "lead", 3, 2))
    bodies["自治区交通运输厅"] = Body("自治区交通运输厅", "", "", "region_department", "provincial")
    assert co_implementation_links([t], assignments, bodies) == [
        Link(B, Y, "place", "co_implementation", "T1", "包头市、榆林市人民政府")
    ]
    assert co_implementation_links([t], assignments, {}) == []  # bodies unknown: no guess


def test_tasks_sharing_an_id_keep_their_links_together_in_order():
    # both tasks "A" stand where the id last stands: their text links, then one co-implementation link
    annotation = "包头市、鄂尔多斯市人民政府"
    tasks = [
        task("支持包头市与榆林市合作。", "A", annotation),
        task("推进呼和浩特市与乌兰察布市合作。", "B"),
        task("建设集宁至大同高铁。", "A", annotation),
    ]
    assignments, bodies = city_governments("A", B, E)
    links = [link for link in find_links(tasks, assignments, bodies) if link.level == "place"]
    assert [(link.source, link.target, link.kind, link.task_id) for link in links] == [
        (H, "乌兰察布市", "cooperation", "B"),
        (B, Y, "cooperation", "A"),
        ("集宁区", "大同市", "corridor", "A"),
        (B, E, "co_implementation", "A"),
    ]


# --- roll-up -------------------------------------------------------------------------------------


def test_roll_up_maps_to_cities_and_drops_the_rest():
    links = [
        Link("清水河县", "准格尔旗", "place", "chain", "T1", "e1"),
        Link("托克托县", "清水河县", "place", "chain", "T1", "e1"),  # one city
        Link("呼和浩特市", "准格尔旗", "place", "corridor", "T2", "e2"),
        Link("准格尔旗", "鄂尔多斯市", "place", "corridor", "T2", "e2"),  # one city
        Link("呼和浩特市", "鄂尔多斯市", "place", "corridor", "T2", "e3"),  # same pair, kind, task
        Link("北京市", "内蒙古自治区", "place", "cooperation", "T3", "e4"),  # a province
        Link("中国", "蒙古国", "place", "cooperation", "T3", "e4"),  # countries
        Link("蒙西", "天津市", "place", "corridor", "T3", "e5"),  # a region across cities
        Link("库布齐沙漠", "包头市", "place", "cooperation", "T3", "e6"),  # a region inside one city
        Link(H, E, "city", "chain", "T4", "e7"),  # already a city link: not rolled again
    ]
    assert roll_up(links) == [
        Link(H, E, "city", "chain", "T1", "e1"),
        Link(H, E, "city", "corridor", "T2", "e2"),
        Link(E, B, "city", "cooperation", "T3", "e6"),
    ]


def test_city_links_of_the_plan(plan_links):
    city = {
        (link.task_id, link.kind, link.source, link.target) for link in plan_links if link.level == "city"
    }
    city -= {c for c in city if c[1] == "co_implementation"}
    hbe = [(H, B), (H, E), (B, E)]
    expected = {
        ("T1.3.1", "cooperation", B, E),
        *[("T1.3.2", "cooperation", E, c) for c in (H, B, Y)],
        *[("T1.4.1", "chain", *p) for p in CHAIN_CITY_PAIRS],
        *[("T2.1.1", "cooperation", *p) for p in [(B, E), (H, E), (E, Y), (B, Y), (H, Y), (H, B)]],
        *[
            ("T3.1.1", "corridor", *p)
            for p in [
                (H, "太原市"),
                (B, "银川市"),
                (B, "西安市"),
                (H, "南宁市"),
                (E, "朔州市"),
                (H, E),
                (H, "张家口市"),
            ]
        ],
        *[("T3.1.2", "corridor", *p) for p in [(B, "茂名市"), (E, "银川市"), (E, "忻州市")]],
        *[("T3.1.3", "cooperation", *p) for p in [(H, B), (H, E), (H, Y), (B, E), (B, Y), (E, Y)]],
        *[
            ("T3.1.4", "corridor", c, d)
            for c in (H, B, E)
            for d in ("锡林郭勒盟", B, "秦皇岛市", "唐山市", "沧州市")
            if d != c
        ],
        *[("T3.2.1", "corridor", *p) for p in [(E, "衡水市"), ("衡水市", "沧州市")]],
        *[("T3.4.1", "cooperation", *p) for p in hbe],
        *[("T4.2.1", "cooperation", *p) for p in hbe],
        *[
            ("T5.2.1", "cooperation", c, n)
            for c in (H, B, E)
            for n in ("巴彦淖尔市", "乌海市", "乌兰察布市", "大同市")
        ],
        ("T5.2.1", "corridor", "乌兰察布市", "大同市"),
        *[("T6.3.1", "cooperation", *p) for p in hbe],
    }
    assert city == expected


def test_extract_geography_returns_the_links(plan, plan_links):
    places, _, _, links = extract_geography(plan.tasks, plan.assignments, plan.bodies)
    assert links == plan_links
    assert all(link.source in places and link.target in places for link in links)


def test_load_plan_carries_the_geography(plan, plan_links):
    """load_plan() fills the plan's places, mentions, projects and links with extract_geography."""
    assert plan.links == plan_links
    assert plan.projects and all(p.source == "catalogue" for p in plan.projects)
    assert len(plan.mentions) > 0 and "呼和浩特市" in plan.places


# --- any text ------------------------------------------------------------------------------------


TOKENS = st.sampled_from(
    [
        "包头市", "鄂尔多斯", "呼包鄂", "托(克托)清(水河)准(格尔)", "中蒙", "中蒙药", "伊金霍洛旗", "阿镇",
        "与", "和", "、", "—", "至", "，", "。", "；", "合作", "共建", "铁路", "通道", "等", "基地", "建设",
        "机场", "联合旗", "的", "为中心", "（", ")", " ", "x", "区", "加强与", "推进",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=30).map("".join), st.booleans())
def test_any_text_gives_well_formed_links(text, with_implementers):
    assignments, bodies = city_governments("T0", H, B) if with_implementers else ([], {})
    links = find_links([task(text, "T0", "呼和浩特市、包头市人民政府")], assignments, bodies)
    for link in links:
        assert link.source != link.target
        assert link.level in {"place", "city"} and link.task_id == "T0"
        assert link.kind in {"chain", "corridor", "cooperation", "co_implementation"}
        if link.kind != "co_implementation":
            assert link.evidence and link.evidence in text
    assert roll_up(links) == [link for link in links if link.level == "city"]
