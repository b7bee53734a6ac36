# Reference values for the network measures of hbey_graph, computed with R's sna and igraph.
#
# Reads the networks written by write_networks.py (networks/<name>.nodes.csv, .edges.csv and
# networks/index.csv) and writes R's numbers beside them, in r_*.csv. The tests compare hbey_graph's
# results with these files; R is needed only to regenerate them:
#
#   apt-get install r-base-core r-cran-sna r-cran-igraph     # Debian
#   python tests/reference/write_networks.py
#   Rscript tests/reference/network_measures.R               # from the repository root
#
# Ties are binary for every measure except gcor and netlm, which use the weights.

suppressPackageStartupMessages({
  library(sna)
  library(igraph)
})

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
here <- if (length(script)) dirname(normalizePath(script)) else "tests/reference"
net_dir <- file.path(here, "networks")

read_net <- function(name) {
  nodes <- read.csv(file.path(net_dir, paste0(name, ".nodes.csv")), encoding = "UTF-8",
                    stringsAsFactors = FALSE, colClasses = "character")
  edges <- read.csv(file.path(net_dir, paste0(name, ".edges.csv")), encoding = "UTF-8",
                    stringsAsFactors = FALSE, colClasses = c("character", "character", "numeric"))
  list(nodes = nodes, edges = edges)
}

# valued adjacency matrix in the order of the nodes file; symmetric when undirected
adjacency <- function(net, directed) {
  v <- net$nodes$node
  A <- matrix(0, length(v), length(v), dimnames = list(v, v))
  for (r in seq_len(nrow(net$edges))) {
    i <- match(net$edges$source[r], v)
    j <- match(net$edges$target[r], v)
    A[i, j] <- net$edges$weight[r]
    if (!directed) A[j, i] <- net$edges$weight[r]
  }
  A
}

fmt <- function(x) trimws(formatC(as.numeric(x), digits = 17, format = "g"))

index <- read.csv(file.path(net_dir, "index.csv"), stringsAsFactors = FALSE)

# --- whole-network measures -------------------------------------------------------------------
whole <- data.frame()
for (r in seq_len(nrow(index))) {
  name <- index$name[r]
  directed <- as.logical(index$directed[r])
  net <- read_net(name)
  A <- adjacency(net, directed)
  B <- (A != 0) * 1
  mode <- if (directed) "digraph" else "graph"
  g <- graph_from_adjacency_matrix(B, mode = if (directed) "directed" else "undirected")
  two_mode <- "mode" %in% names(net$nodes)
  if (two_mode) {
    n1 <- sum(net$nodes$mode == "task")
    density <- sum(B) / 2 / (n1 * (nrow(B) - n1))   # UCINET two-mode density: ties / (n1 n2)
    clustering <- NA
  } else {
    density <- gden(B, mode = mode)
    clustering <- gtrans(B, mode = mode, measure = "weak")
  }
  cd <- component.dist(B, connected = "weak")
  whole <- rbind(whole, data.frame(
    network = name,
    nodes = nrow(B),
    edges = if (directed) sum(B) else sum(B) / 2,
    density = fmt(density),
    degree_centralization = fmt(sna::centralization(B, sna::degree, mode = mode)),
    betweenness_centralization = fmt(sna::centralization(B, sna::betweenness, mode = mode)),
    components = sna::components(B, connected = "weak"),
    largest_component = max(cd$csize),
    mean_distance = fmt(mean_distance(g, directed = directed, unconnected = TRUE)),
    clustering = fmt(clustering),
    igraph_transitivity = fmt(if (directed || two_mode) NA else transitivity(g, type = "global"))
  ))
}
write.csv(whole, file.path(here, "r_whole.csv"), row.names = FALSE, quote = TRUE)

# --- Gould-Fernandez brokerage ----------------------------------------------------------------
roles <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
broker_rows <- data.frame()
for (spec in list(c("bundled_lead_support", "body_type"), c("bundled_lead_support", "level"),
                  c("hand_brokers", "group"))) {
  net <- read_net(spec[1])
  A <- adjacency(net, TRUE)
  cl <- net$nodes[[spec[2]]]
  b <- brokerage((A != 0) * 1, cl)
  out <- data.frame(network = spec[1], grouping = spec[2], node = net$nodes$node,
                    group = cl, stringsAsFactors = FALSE)
  for (k in roles) {
    out[[paste0("raw_", k)]] <- b$raw.nli[, k]
    out[[paste0("exp_", k)]] <- fmt(b$exp.nli[, k])
    out[[paste0("sd_", k)]] <- fmt(b$sd.nli[, k])
    out[[paste0("z_", k)]] <- fmt(b$z.nli[, k])
  }
  broker_rows <- rbind(broker_rows, out)
}
write.csv(broker_rows, file.path(here, "r_brokerage.csv"), row.names = FALSE, quote = TRUE)

# --- QAP: gcor, qaptest and netlm -------------------------------------------------------------
support_net <- read_net("bundled_co_support")
support <- adjacency(support_net, FALSE)
lead_support <- adjacency(read_net("bundled_lead_support_undirected"), FALSE)
ls_net <- read_net("bundled_lead_support")
LS <- (adjacency(ls_net, TRUE) != 0) * 1
types <- read_net("bundled_co_assignment")$nodes
same_type <- outer(types$body_type[match(support_net$nodes$node, types$node)],
                   types$body_type[match(support_net$nodes$node, types$node)], "==") * 1
same_type_ls <- outer(ls_net$nodes$body_type, ls_net$nodes$body_type, "==") * 1
set.seed(16)
q1 <- qaptest(list(support, lead_support), gcor, g1 = 1, g2 = 2, reps = 1000, mode = "graph")
qap <- data.frame(
  test = c("co_support_vs_lead_support_weighted", "co_support_vs_lead_support_binary",
           "lead_support_reciprocity"),
  correlation = fmt(c(gcor(support, lead_support, mode = "graph"),
                      gcor((support != 0) * 1, (lead_support != 0) * 1, mode = "graph"),
                      gcor(LS, t(LS), mode = "digraph"))),
  r_pgreq = c(q1$pgreq, NA, NA),
  r_pleeq = c(q1$pleeq, NA, NA)
)
write.csv(qap, file.path(here, "r_qap.csv"), row.names = FALSE, quote = TRUE)

# R squared of a netlm fit from its fitted values and residuals
rsq <- function(m) {
  y <- m$fitted.values + m$residuals
  1 - sum(m$residuals^2) / sum((y - mean(y))^2)
}
set.seed(16)
m1 <- netlm(support, list(lead_support, same_type), mode = "graph", nullhyp = "qapy", reps = 200)
set.seed(16)
m2 <- netlm(LS, list(same_type_ls), mode = "digraph", nullhyp = "qapy", reps = 200)
netlm_rows <- data.frame(
  model = c(rep("co_support_on_lead_support_and_same_type", 3), rep("lead_support_on_same_type", 2)),
  term = c("intercept", "lead_support", "same_type", "intercept", "same_type"),
  coefficient = fmt(c(m1$coefficients, m2$coefficients)),
  t = fmt(c(m1$tstat, m2$tstat)),
  r_squared = fmt(c(rep(rsq(m1), 3), rep(rsq(m2), 2))),
  r_pgreqabs = c(m1$pgreqabs, m2$pgreqabs)
)
write.csv(netlm_rows, file.path(here, "r_netlm.csv"), row.names = FALSE, quote = TRUE)
# --- Pajek files written by hbey_graph, read back by igraph ------------------------------------
pajek_rows <- data.frame()
for (name in c("pajek_co_assignment", "pajek_coordination")) {
  g <- read_graph(file.path(net_dir, paste0(name, ".net")), format = "pajek")
  pajek_rows <- rbind(pajek_rows, data.frame(
    file = name,
    vertex = V(g)$id,
    directed = is_directed(g),
    vertices = vcount(g),
    edges = ecount(g),
    strength = strength(g, mode = "all", weights = E(g)$weight),
    degree = igraph::degree(g, mode = "all")
  ))
}
write.csv(pajek_rows, file.path(here, "r_pajek.csv"), row.names = FALSE, quote = TRUE, fileEncoding = "UTF-8")
# --- two-mode: igraph's projections of the task x body network ----------------------------------
tb <- read_net("bundled_task_body")
g2 <- graph_from_data_frame(tb$edges[, c("source", "target")], directed = FALSE,
                            vertices = data.frame(name = tb$nodes$node))
V(g2)$type <- tb$nodes$mode[match(V(g2)$name, tb$nodes$node)] == "body"
proj <- bipartite_projection(g2, multiplicity = TRUE)
two_mode_rows <- data.frame()
for (side in c("task", "body")) {
  p <- if (side == "task") proj$proj1 else proj$proj2
  el <- as_edgelist(p)
  two_mode_rows <- rbind(two_mode_rows, data.frame(onto = side, a = el[, 1], b = el[, 2],
                                                   weight = E(p)$weight))
}
write.csv(two_mode_rows, file.path(here, "r_projection.csv"), row.names = FALSE, quote = TRUE,
          fileEncoding = "UTF-8")
deg <- data.frame(node = V(g2)$name, body = V(g2)$type, degree = igraph::degree(g2))
write.csv(deg[deg$body, c("node", "degree")], file.path(here, "r_two_mode_degree.csv"),
          row.names = FALSE, quote = TRUE, fileEncoding = "UTF-8")
# --- modularity of the consensus clusters, Burt's constraint and betweenness (igraph) -----------
co_net <- read_net("bundled_co_assignment")
newman <- read.csv(file.path(net_dir, "bundled_co_assignment_newman.csv"), encoding = "UTF-8",
                   stringsAsFactors = FALSE, colClasses = c("character", "character", "numeric"))
consensus <- read.csv(file.path(net_dir, "bundled_consensus.csv"), encoding = "UTF-8",
                      stringsAsFactors = FALSE, colClasses = c("character", "integer"))
gn <- graph_from_data_frame(newman, directed = FALSE, vertices = data.frame(name = co_net$nodes$node))
membership <- consensus$cluster[match(V(gn)$name, consensus$node)]
write.csv(data.frame(modularity = fmt(modularity(gn, membership, weights = E(gn)$newman)),
                     clusters = length(unique(membership))),
          file.path(here, "r_modularity.csv"), row.names = FALSE, quote = TRUE)
gw <- graph_from_data_frame(co_net$edges, directed = FALSE, vertices = data.frame(name = co_net$nodes$node))
write.csv(data.frame(node = V(gw)$name,
                     constraint = fmt(constraint(gw, weights = E(gw)$weight)),
                     betweenness = fmt(igraph::betweenness(gw, directed = FALSE, weights = NA,
                                                           normalized = TRUE))),
          file.path(here, "r_centrality.csv"), row.names = FALSE, quote = TRUE, fileEncoding = "UTF-8")

cat("wrote r_whole.csv, r_brokerage.csv, r_qap.csv, r_netlm.csv, r_pajek.csv, r_projection.csv,",
    "r_two_mode_degree.csv\n")
