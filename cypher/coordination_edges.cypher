// Lead -> support coordination edges: every pair of a body leading a task and a body supporting
// it, weighted by the number of such tasks. The rows of hbey_graph.analysis.coordination_edges.
//
// Parameters:
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   lead: the leading body's name
//   support: the supporting body's name
//   weight: tasks that lead leads and support supports
MATCH (l:Body)-[:LEADS]->(t:Task)<-[:SUPPORTS]-(s:Body)
WHERE ($plan_id IS NULL OR t.plan_id = $plan_id) AND l.name <> s.name
RETURN l.name AS lead, s.name AS support, count(DISTINCT t) AS weight
ORDER BY weight DESC, lead, support
