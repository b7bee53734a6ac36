// Bulk-load (Section)-[:IN_PLAN]->(Plan) relationships from a CSV file in the server's import folder:
// an outline root belongs to the plan.
// Same result as load/Section-IN_PLAN-Plan.cypher: one relationship per row, merged on its two end nodes
// (which must have been loaded first; `written` below the rows in the file means one was missing) and
// its edge key, every property replaced by the row's, so loading twice changes nothing.
// The file has a header row: @source, @target and @key (the end nodes' ids and the edge key, escaped as
// an x string below when they hold U+E000 or a backslash), then one column per property,
// named TYPE:NAME where TYPE says how its text is read: s (string; an empty field is the empty
// string), x (string in which the loader wrote each backslash as U+E000 U+E002 and each U+E000 as
// U+E000 U+E001, since LOAD CSV reads a backslash before a quote as an escape), i (integer), f (float),
// b (boolean, true or false). Every row of a file has all its columns.
//
// Parameters:
//   $url (string): the file's URL, file:///PATH with PATH relative to the import folder
//   $rows_per_transaction (integer): rows written per transaction
// Columns:
//   written: number of rows merged
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, CASE WHEN row.`@source` CONTAINS '\uE000'
    THEN replace(replace(row.`@source`, '\uE000\uE002', '\\'), '\uE000\uE001', '\uE000')
    ELSE coalesce(row.`@source`, '') END AS source,
    CASE WHEN row.`@target` CONTAINS '\uE000'
    THEN replace(replace(row.`@target`, '\uE000\uE002', '\\'), '\uE000\uE001', '\uE000')
    ELSE coalesce(row.`@target`, '') END AS target,
    CASE WHEN row.`@key` CONTAINS '\uE000'
    THEN replace(replace(row.`@key`, '\uE000\uE002', '\\'), '\uE000\uE001', '\uE000')
    ELSE coalesce(row.`@key`, '') END AS key
  MATCH (a:Section {id: source})
  MATCH (b:Plan {id: target})
  MERGE (a)-[r:IN_PLAN {key: key}]->(b)
  SET r = {}
  FOREACH (column IN [column IN keys(row) WHERE NOT column STARTS WITH '@'] |
    SET r[substring(column, 2)] = CASE left(column, 1)
      WHEN 's' THEN coalesce(row[column], '')
      WHEN 'x' THEN replace(replace(row[column], '\uE000\uE002', '\\'), '\uE000\uE001', '\uE000')
      WHEN 'i' THEN toInteger(row[column])
      WHEN 'f' THEN toFloat(row[column])
      WHEN 'b' THEN row[column] = 'true'
    END
  )
  RETURN count(r) AS merged
} IN TRANSACTIONS OF $rows_per_transaction ROWS
RETURN sum(merged) AS written
