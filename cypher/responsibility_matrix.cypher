// Responsibility matrix rows: one row per task and body holding a role in it, with the role's
// marker (牵 lead, 配 support, 实 implementer, 责 responsible; joined in that order where a body
// holds two). Pivoted on task_id × body these are the non-empty cells of
// hbey_graph.analysis.responsibility_matrix.
//
// Parameters:
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   plan_id: the task's plan
//   task_id: the task's id
//   seq: the task's position among the plan's tasks
//   body: the body's name as written
//   roles: the body's roles in the task, joined with ","
//   marker: the matrix cell (牵, 配, 实, 责)
//   position: the body's first position in the task's annotation
MATCH (b:Body)-[r]->(t:Task)
WHERE ($plan_id IS NULL OR t.plan_id = $plan_id) AND type(r) IN ['LEADS', 'SUPPORTS', 'IMPLEMENTS', 'RESPONSIBLE_FOR']
WITH t, b, collect(type(r)) AS types, min(r.position) AS position
WITH t, b, position, [x IN ['LEADS', 'SUPPORTS', 'IMPLEMENTS', 'RESPONSIBLE_FOR'] WHERE x IN types] AS ordered
RETURN t.plan_id AS plan_id, t.task_id AS task_id, t.seq AS seq, b.name AS body,
       reduce(joined = '', x IN ordered | joined + CASE joined WHEN '' THEN '' ELSE ',' END +
         {LEADS: 'lead', SUPPORTS: 'support', IMPLEMENTS: 'implementer', RESPONSIBLE_FOR: 'responsible'}[x])
         AS roles,
       reduce(joined = '', x IN ordered | joined +
         {LEADS: '牵', SUPPORTS: '配', IMPLEMENTS: '实', RESPONSIBLE_FOR: '责'}[x]) AS marker,
       position
ORDER BY plan_id, seq, position, body
