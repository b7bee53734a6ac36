// Lead workload: for every body, how many tasks it leads, supports, implements and is responsible
// for, its share of the tasks it leads, and the supporters it coordinates as lead. The numbers of
// hbey_graph.analysis.lead_workload; across several plans a body is identified by its name.
//
// Parameters:
//   $plan_id (string, default null): one plan only; every plan in the database when null
// Columns:
//   body: the body's name as written
//   body_type: region_department, party_organ, city_government, central_agency, enterprise …
//   led: tasks the body leads (LEADS)
//   supported: tasks it supports (SUPPORTS)
//   implemented: tasks it implements (IMPLEMENTS)
//   responsible: tasks it is responsible for without a lead (RESPONSIBLE_FOR)
//   share_led: led divided by the number of tasks in scope
//   supporting_bodies: distinct bodies supporting a task the body leads
//   support_assignments: support assignments summed over the tasks the body leads
//     (a supporter counted once per task)
OPTIONAL MATCH (t:Task)
WHERE $plan_id IS NULL OR t.plan_id = $plan_id
WITH count(t) AS n_tasks
MATCH (b:Body)
WHERE $plan_id IS NULL OR b.plan_id = $plan_id
OPTIONAL MATCH (b)-[r]->(:Task)
WHERE type(r) IN ['LEADS', 'SUPPORTS', 'IMPLEMENTS', 'RESPONSIBLE_FOR']
WITH n_tasks, b.name AS body, coalesce(min(b.body_type), 'other') AS body_type,
     count(CASE type(r) WHEN 'LEADS' THEN 1 END) AS led,
     count(CASE type(r) WHEN 'SUPPORTS' THEN 1 END) AS supported,
     count(CASE type(r) WHEN 'IMPLEMENTS' THEN 1 END) AS implemented,
     count(CASE type(r) WHEN 'RESPONSIBLE_FOR' THEN 1 END) AS responsible
OPTIONAL MATCH (lead:Body {name: body})-[:LEADS]->(t:Task)<-[:SUPPORTS]-(s:Body)
WHERE $plan_id IS NULL OR lead.plan_id = $plan_id
WITH n_tasks, body, body_type, led, supported, implemented, responsible,
     count(DISTINCT s.name) AS supporting_bodies,
     count(DISTINCT CASE WHEN s IS NOT NULL THEN [t.id, s.name] END) AS support_assignments
RETURN body, body_type, led, supported, implemented, responsible,
       CASE n_tasks WHEN 0 THEN 0.0 ELSE toFloat(led) / n_tasks END AS share_led,
       supporting_bodies, support_assignments
ORDER BY led DESC, body
