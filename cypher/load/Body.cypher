// Load Body nodes: a responsible body (full_name, name_en, body_type, level).
// One row per node of the networkx graph, merged on its node id, so loading twice changes nothing.
// Every property is replaced by the graph's attributes (the node's `kind` is its label).
//
// Parameters:
//   $rows (list of map): one map per node, {id: node id, properties: map of properties incl. id}
// Columns:
//   written: number of rows merged
UNWIND $rows AS row
MERGE (n:Body {id: row.id})
SET n = row.properties
RETURN count(n) AS written
