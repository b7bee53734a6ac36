// Shortest coordination path between two bodies: the fewest steps from one body to the other
// through tasks that name both ends of each step, as in the co-assignment network of
// hbey_graph.analysis.co_assignment_graph (hops equals networkx's shortest_path_length there).
// A path stays within one plan and takes at most 50 steps; no row when the bodies are not connected.
//
// Parameters:
//   $source (string): the first body's name as written
//   $target (string): the second body's name (a different body)
//   $roles (list of string, default lead,support,responsible): roles that make a body part of
//     the network, of lead, support, implementer, responsible
//   $plan_id (string, default null): one plan only; the shortest path in any plan when null
// Columns:
//   plan_id: the plan the path lies in
//   hops: steps from body to body
//   bodies: the bodies along the path, joined with " → "
//   tasks: the task linking each step, joined with ","
MATCH (a:Body {name: $source})
WHERE $plan_id IS NULL OR a.plan_id = $plan_id
MATCH (b:Body {name: $target, plan_id: a.plan_id})
WHERE a <> b
MATCH p = shortestPath((a)-[*..100]-(b))
WHERE all(r IN relationships(p) WHERE
  {LEADS: 'lead', SUPPORTS: 'support', IMPLEMENTS: 'implementer', RESPONSIBLE_FOR: 'responsible'}[type(r)]
  IN $roles)
WITH a, p
ORDER BY length(p), a.plan_id
LIMIT 1
WITH a, p, [n IN nodes(p) WHERE n:Body | n.name] AS bodies, [n IN nodes(p) WHERE n:Task | n.task_id] AS tasks
RETURN a.plan_id AS plan_id, length(p) / 2 AS hops,
       reduce(joined = '', x IN bodies | joined + CASE joined WHEN '' THEN '' ELSE ' → ' END + x) AS bodies,
       reduce(joined = '', x IN tasks | joined + CASE joined WHEN '' THEN '' ELSE ',' END + x) AS tasks
