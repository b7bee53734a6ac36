// Tasks touching a city: every task whose text names the place or a place lying in it (a county,
// banner, district … of a city; every place of a province), or that concerns a project located
// there.
//
// Parameters:
//   $city (string): the place's canonical name (e.g. 包头市, 鄂尔多斯市, 达拉特旗)
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   plan_id: the task's plan
//   task_id: the task's id
//   seq: the task's position among the plan's tasks
//   heading: the task's numbered item
//   places: the places in $city the task names or locates a project in, sorted, joined with "、"
//   mentions: times the task's text names those places
//   projects: the task's projects located there, sorted, joined with "、"
MATCH (c:Place {name: $city})
WHERE $plan_id IS NULL OR c.plan_id = $plan_id
MATCH (p:Place)-[:PART_OF*0..]->(c)
MATCH (t:Task)-[m:MENTIONS|CONCERNS]->(x)-[:LOCATED_IN*0..1]->(p)
WITH t, p.name AS place,
     CASE type(m) WHEN 'MENTIONS' THEN coalesce(m.count, 1) ELSE 0 END AS mentions,
     CASE type(m) WHEN 'CONCERNS' THEN x.name END AS project
ORDER BY place
WITH t, collect(DISTINCT place) AS places, sum(mentions) AS mentions, collect(project) AS projects
UNWIND CASE projects WHEN [] THEN [null] ELSE projects END AS project
WITH t, places, mentions, project
ORDER BY project
WITH t, places, mentions, collect(DISTINCT project) AS projects
RETURN t.plan_id AS plan_id, t.task_id AS task_id, t.seq AS seq, t.heading AS heading,
       reduce(joined = '', x IN places | joined + CASE joined WHEN '' THEN '' ELSE '、' END + x) AS places,
       mentions,
       reduce(joined = '', x IN projects | joined + CASE joined WHEN '' THEN '' ELSE '、' END + x) AS projects
ORDER BY plan_id, seq
