// Load Task nodes: a task paragraph (task_id, seq, section, heading, theme, text, and deadline and
// lead_official where the plan gives them).
// One row per node of the networkx graph, merged on its node id, so loading twice changes nothing.
// Every property is replaced by the graph's attributes (the node's `kind` is its label).
//
// Parameters:
//   $rows (list of map): one map per node, {id: node id, properties: map of properties incl. id}
// Columns:
//   written: number of rows merged
UNWIND $rows AS row
MERGE (n:Task {id: row.id})
SET n = row.properties
RETURN count(n) AS written
