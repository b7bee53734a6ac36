// Co-assignment pairs: every two bodies named in the same task, with the number of tasks they
// share and Newman's weight (each shared task counts 1/(n-1), n being the number of bodies the
// task names with the chosen roles). The rows of hbey_graph.analysis.co_assignment_table; by
// default the department network (city governments, which implement, left out).
//
// Parameters:
//   $roles (list of string, default lead,support,responsible): roles that make a body part of
//     the network, of lead, support, implementer, responsible
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   body_a: one body's name (the smaller by code point)
//   body_b: the other body's name
//   tasks: tasks naming both (the raw weight)
//   newman: Newman's weight
MATCH (b:Body)-[r]->(t:Task)
WHERE ($plan_id IS NULL OR t.plan_id = $plan_id)
  AND {LEADS: 'lead', SUPPORTS: 'support', IMPLEMENTS: 'implementer', RESPONSIBLE_FOR: 'responsible'}[type(r)]
      IN $roles
WITH t, collect(DISTINCT b.name) AS bodies
WHERE size(bodies) > 1
UNWIND bodies AS a
UNWIND bodies AS c
WITH t, a, c, size(bodies) AS n
WHERE a < c
RETURN a AS body_a, c AS body_b, count(t) AS tasks, sum(1.0 / (n - 1)) AS newman
ORDER BY tasks DESC, newman DESC, body_a, body_b
