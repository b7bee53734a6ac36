// Cross-city links by kind: the links the plan states between places (chain, cooperation,
// corridor, co_implementation), one row per pair of places and kind, with the tasks that state
// them. The rows of hbey_graph.analysis.cross_city_edges.
//
// Parameters:
//   $level (string, default city): city (links rolled up to prefecture cities), place (as
//     written), or null for both
//   $kind (string, default null): only links of this kind; every kind when null
//   $directed (boolean, default false): false: a pair is one row whichever way round the plan
//     states it (source < target by code point); true: one row per direction as stated
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   source: one place (the smaller name unless $directed)
//   target: the other place
//   kind: chain, cooperation, corridor or co_implementation
//   tasks: distinct tasks stating a link of this kind between the two
//   task_ids: those tasks in plan order, joined with ","
MATCH (s:Place)-[l:LINKED_TO]->(d:Place)
WHERE ($plan_id IS NULL OR s.plan_id = $plan_id)
  AND ($level IS NULL OR l.level = $level)
  AND ($kind IS NULL OR l.kind = $kind)
  AND s.name <> d.name
OPTIONAL MATCH (t:Task {plan_id: s.plan_id, task_id: l.task_id})
WITH CASE WHEN $directed OR s.name < d.name THEN s.name ELSE d.name END AS source,
     CASE WHEN $directed OR s.name < d.name THEN d.name ELSE s.name END AS target,
     l.kind AS kind, l.task_id AS task_id, min(s.plan_id) AS plan_id, min(coalesce(t.seq, 0)) AS seq
ORDER BY plan_id, seq, task_id
WITH source, target, kind, collect(task_id) AS ids
RETURN source, target, kind, size(ids) AS tasks,
       reduce(joined = '', id IN ids | joined + CASE joined WHEN '' THEN '' ELSE ',' END + id) AS task_ids
ORDER BY tasks DESC, source, target, kind
