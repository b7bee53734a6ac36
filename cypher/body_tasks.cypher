// Tasks of a body: every task in which the given body holds a role, with the role and the body's
// position in the task's annotation. The rows of hbey_graph.graph.task_assignments for the body.
//
// Parameters:
//   $body (string): the body's name as written (e.g. 自治区科技厅, 包头市人民政府)
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   plan_id: the task's plan
//   task_id: the task's id (T1.2.1: area 1, item 2, paragraph 1)
//   seq: the task's position among the plan's tasks
//   role: lead, support, implementer or responsible
//   position: the body's 1-based position in the task's annotation
//   section: the task's area
//   heading: the task's numbered item
MATCH (b:Body {name: $body})-[r]->(t:Task)
WHERE ($plan_id IS NULL OR b.plan_id = $plan_id) AND type(r) IN ['LEADS', 'SUPPORTS', 'IMPLEMENTS', 'RESPONSIBLE_FOR']
WITH t, r, CASE type(r) WHEN 'LEADS' THEN 0 WHEN 'SUPPORTS' THEN 1 WHEN 'IMPLEMENTS' THEN 2 ELSE 3 END AS rank
RETURN t.plan_id AS plan_id, t.task_id AS task_id, t.seq AS seq,
       ['lead', 'support', 'implementer', 'responsible'][rank] AS role,
       r.position AS position, t.section AS section, t.heading AS heading
ORDER BY plan_id, seq, position, rank
