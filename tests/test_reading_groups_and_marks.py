"""Reading real plans, continued: a working group's make-up, and marks around annotations.

Each excerpt is taken from a document of the corpus in ``tests/corpus`` (file named in each test)
unless the test says it varies one; the expected tasks, bodies and roles are what a reader finds in it.
"""

from hbey_graph.extract.parser import parse_text


def roles(plan):
    return [[(a.body, a.role) for a in plan.assignments_of(task.task_id)] for task in plan.tasks]


_GROUP = (
    "为深入推进秸秆综合利用,推动农业循环经济发展,成立金井镇秸秆综合利用工作专班:\n"
    "组 长:刘威镇长\n"
    "副组长:彭亚副镇长\n"
    "成员单位:农业综合服务中心、生态事务中心、财政所。\n"
)


def test_the_members_of_a_working_group_are_not_a_task_s_bodies():
    """960 (Changsha county town): ``成员单位：`` after ``组长：`` and ``副组长：`` lists who sits in the
    group; each member's duties follow, and only they are tasks."""
    plan = parse_text(
        _GROUP + "农业综合服务中心:负责秸秆综合利用工作,提供秸秆综合利用技术指导。\n"
        "财政所:负责扶持政策资金发放,保障秸秆综合利用工作专班工作经费。\n"
    )
    assert [task.text[:6] for task in plan.tasks] == ["负责秸秆综合", "负责扶持政策"]
    assert roles(plan) == [[("农业综合服务中心", "responsible")], [("财政所", "responsible")]]


def test_a_role_label_after_a_group_s_head_is_still_read():
    """Varied from 960: a line labelled by a role (``牵头单位：``), not by a group, after ``组长：``
    names the bodies of the task it follows."""
    plan = parse_text(
        "1、开展秸秆禁烧巡查,发现违规用火第一时间劝导、制止。\n组长:刘威镇长\n牵头单位:行政执法队\n"
    )
    assert roles(plan) == [[("行政执法队", "lead")]]


def test_members_named_after_a_task_still_answer_for_it():
    """Without a group's head before it, ``成员单位：`` after a task names its bodies."""
    plan = parse_text("1、开展秸秆禁烧巡查,发现违规用火第一时间劝导、制止。\n成员单位:行政执法队、财政所\n")
    assert roles(plan) == [[("行政执法队", "responsible"), ("财政所", "responsible")]]
