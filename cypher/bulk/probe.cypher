// Check that the server reads the file the loader just wrote: a one-row CSV file holding a token that
// only this load knows, so a file of the same name elsewhere (another server's import folder) does not
// pass for it.
//
// Parameters:
//   $url (string): the probe file's URL, file:///PATH with PATH relative to the import folder
// Columns:
//   token: the token the file holds
LOAD CSV WITH HEADERS FROM $url AS row
RETURN row.token AS token
