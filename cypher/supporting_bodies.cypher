// Supporting bodies of a lead: every body that supports a task the given body leads, with the
// number of such tasks. The rows of hbey_graph.analysis.coordination_edges whose lead is $lead.
//
// Parameters:
//   $lead (string): the leading body's name as written (e.g. 自治区发展改革委)
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   support: the supporting body's name
//   weight: tasks that $lead leads and it supports
//   task_ids: those tasks, in plan order, joined with ","
MATCH (lead:Body {name: $lead})-[:LEADS]->(t:Task)<-[:SUPPORTS]-(s:Body)
WHERE ($plan_id IS NULL OR lead.plan_id = $plan_id) AND s.name <> lead.name
WITH s.name AS support, t
ORDER BY t.plan_id, t.seq
WITH support, collect(DISTINCT t.task_id) AS ids, count(DISTINCT t) AS weight
RETURN support, weight,
       reduce(joined = '', id IN ids | joined + CASE joined WHEN '' THEN '' ELSE ',' END + id) AS task_ids
ORDER BY weight DESC, support
