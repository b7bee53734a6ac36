// The graph schema: one uniqueness constraint per node label on `id` (the networkx node id,
// "{plan_id}|{Kind}|{local}", so several plans never collide; it also indexes the loader's
// MERGE), and indexes for the lookups the queries make by name. Every statement is idempotent
// (IF NOT EXISTS); the loader runs them before writing anything. Names start with hbey_graph_ so
// they do not clash with a database's own schema.
//
// Parameters: none
// Columns: none
CREATE CONSTRAINT hbey_graph_plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT hbey_graph_section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT hbey_graph_task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT hbey_graph_body_id IF NOT EXISTS FOR (n:Body) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT hbey_graph_place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT hbey_graph_project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE INDEX hbey_graph_body_name IF NOT EXISTS FOR (n:Body) ON (n.name);
CREATE INDEX hbey_graph_place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX hbey_graph_task_task_id IF NOT EXISTS FOR (n:Task) ON (n.task_id);
