// Delete one plan's nodes and every relationship they have, so that a load can replace the plan.
// Other plans in the database are left as they are.
//
// Parameters:
//   $plan_id (string): the plan to delete
// Columns:
//   deleted: number of nodes deleted
MATCH (n)
WHERE n.plan_id = $plan_id AND (n:Plan OR n:Section OR n:Task OR n:Body OR n:Place OR n:Project)
DETACH DELETE n
RETURN count(*) AS deleted
