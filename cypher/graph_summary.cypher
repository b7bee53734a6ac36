// Graph summary: how many nodes of each label and relationships of each type the database holds
// for hbey_graph's plans (nodes with a plan_id; relationships counted at their start node).
//
// Parameters:
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   element: node or relationship
//   type: the label or the relationship type
//   count: how many
MATCH (n)
WHERE n.plan_id IS NOT NULL AND ($plan_id IS NULL OR n.plan_id = $plan_id)
UNWIND labels(n) AS label
WITH label, count(*) AS count
WITH collect({element: 'node', type: label, count: count}) AS nodes
OPTIONAL MATCH (n)-[r]->()
WHERE n.plan_id IS NOT NULL AND ($plan_id IS NULL OR n.plan_id = $plan_id)
WITH nodes, type(r) AS type, count(r) AS count
WITH nodes, collect(CASE WHEN type IS NOT NULL THEN {element: 'relationship', type: type, count: count} END) AS rels
UNWIND nodes + rels AS row
RETURN row.element AS element, row.type AS type, row.count AS count
ORDER BY element, type
