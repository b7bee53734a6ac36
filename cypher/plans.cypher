// Plans in the database: one row per plan loaded, with its numbers of tasks and bodies.
//
// Parameters: none
// Columns:
//   plan_id: the plan's id (the prefix of its nodes' ids)
//   doc_number: its document number (e.g. 内政发〔2018〕55号)
//   title: its title
//   date: its date of issue (ISO)
//   tasks: its tasks
//   bodies: the bodies it names
MATCH (p:Plan)
OPTIONAL MATCH (t:Task {plan_id: p.plan_id})
WITH p, count(t) AS tasks
OPTIONAL MATCH (b:Body {plan_id: p.plan_id})
WITH p, tasks, count(b) AS bodies
RETURN p.plan_id AS plan_id, p.doc_number AS doc_number, p.title AS title, p.date AS date, tasks, bodies
ORDER BY plan_id
