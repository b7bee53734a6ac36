// Load (Section)-[:IN_PLAN]->(Plan) relationships: an outline root belongs to the plan.
// One row per edge of the networkx graph, merged on its two end nodes and its edge key, so loading
// twice changes nothing and parallel edges with distinct keys stay distinct. The end nodes must
// have been loaded first; `written` below that of the rows sent means one was missing.
//
// Parameters:
//   $rows (list of map): one map per edge, {source: node id, target: node id, key: edge key,
//     properties: map of properties incl. key}
// Columns:
//   written: number of rows merged
UNWIND $rows AS row
MATCH (a:Section {id: row.source})
MATCH (b:Plan {id: row.target})
MERGE (a)-[r:IN_PLAN {key: row.key}]->(b)
SET r = row.properties
RETURN count(r) AS written
