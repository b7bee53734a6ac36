// Bulk-load Task nodes from a CSV file in the server's import folder: a task paragraph (task_id, seq,
// section, heading, theme, text, and deadline and lead_official where the plan gives them).
// Same result as load/Task.cypher: one node per row, merged on its node id, every property replaced
// by the row's, so loading twice changes nothing.
// The file has a header row: @id (the node id, escaped as an x string below when it holds U+E000 or a
// backslash), then one column per property, named TYPE:NAME where TYPE says how its text is read: s (string; an empty field is the empty string), x (string in which the loader wrote each
// backslash as U+E000 U+E002 and each U+E000 as U+E000 U+E001, since LOAD CSV reads a backslash before
// a quote as an escape), i (integer), f (float), b (boolean, true or false). Every row of a file has
// all its columns (rows with other properties go to another file).
//
// Parameters:
//   $url (string): the file's URL, file:///PATH with PATH relative to the import folder
//   $rows_per_transaction (integer): rows written per transaction
// Columns:
//   written: number of rows merged
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row, CASE WHEN row.`@id` CONTAINS '\uE000'
    THEN replace(replace(row.`@id`, '\uE000\uE002', '\\'), '\uE000\uE001', '\uE000')
    ELSE coalesce(row.`@id`, '') END AS id
  MERGE (n:Task {id: id})
  SET n = {}
  FOREACH (column IN [column IN keys(row) WHERE NOT column STARTS WITH '@'] |
    SET n[substring(column, 2)] = CASE left(column, 1)
      WHEN 's' THEN coalesce(row[column], '')
      WHEN 'x' THEN replace(replace(row[column], '\uE000\uE002', '\\'), '\uE000\uE001', '\uE000')
      WHEN 'i' THEN toInteger(row[column])
      WHEN 'f' THEN toFloat(row[column])
      WHEN 'b' THEN row[column] = 'true'
    END
  )
  RETURN count(n) AS merged
} IN TRANSACTIONS OF $rows_per_transaction ROWS
RETURN sum(merged) AS written
